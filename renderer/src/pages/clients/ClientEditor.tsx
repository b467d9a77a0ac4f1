import { Alert, Loader, MultiSelect, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { defaultReportingFrom, EDUCATION, PHASES, RELIGIONS, REPORTING, suggestedPhase } from '../../../../shared/clients';
import { formatDate } from '../../../../shared/format';
import { isIsoDate } from '../../../../shared/validate';
import type { InputOf } from '../../../../shared/contract';
import { nikFill, type Sex } from '../../../../shared/nik';
import { ClientFields } from '../../../../shared/schemas/clients';
import type { Client } from '../../../../shared/types';
import { EditorForm, FormHeader, useEditorGuard } from '../../components/FormHeader';
import { notifyOk, revealFirstError, showError, zodValidate } from '../../components/forms';
import { programOptions, serviceLabel } from '../../components/labels';
import { useDebounced } from '../../components/useDebounced';
import { WilayahFields } from '../../components/WilayahFields';
import { PkSelect } from '../../components/PkPicker';
import { useSession } from '../../app/session';
import { maxLengthOf } from '../../../../shared/schemas/limits';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { DateField } from '../../components/DateField';

type Values = InputOf<'clients.create'>['data'];
function initial(c: Client | null, today: string): Values {
  if (!c) {
    return {
      registerNumber: '',
      name: '',
      nik: '',
      sex: 'L',
      birthPlace: '',
      birthDate: null,
      address: '',
      regencyCode: null,
      districtCode: null,
      villageCode: null,
      phone: '',
      religion: null,
      education: null,
      skills: [],
      interests: [],
      program: 'pb',
      decisionNumber: '',
      decisionDate: null,
      offence: '',
      supervisionStart: today,
      supervisionEnd: today,
      phaseOverride: null,
      pkUserId: null,
      guarantorName: '',
      guarantorRelation: '',
      guarantorPhone: '',
      reporting: 'bulanan',
      // Empty: counted from the day the client is saved (the placeholder says which day).
      reportingFrom: null,
      notes: '',
    };
  }
  return {
    registerNumber: c.registerNumber,
    name: c.name,
    nik: c.nik ?? '',
    sex: c.sex,
    birthPlace: c.birthPlace,
    birthDate: c.birthDate,
    address: c.address,
    regencyCode: c.regencyCode,
    districtCode: c.districtCode,
    villageCode: c.villageCode,
    phone: c.phone,
    religion: c.religion as Values['religion'],
    education: c.education as Values['education'],
    skills: [...c.skills],
    interests: [...c.interests],
    program: c.program,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    offence: c.offence,
    supervisionStart: c.supervisionStart,
    supervisionEnd: c.supervisionEnd,
    phaseOverride: c.phaseOverride,
    pkUserId: c.pkUserId,
    guarantorName: c.guarantorName,
    guarantorRelation: c.guarantorRelation,
    guarantorPhone: c.guarantorPhone,
    reporting: c.reporting,
    reportingFrom: c.reportingFrom,
    notes: c.notes,
  };
}

export function ClientEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const existing = useQuery({ queryKey: ['clients.get', id], queryFn: () => call('clients.get', { id: id! }), enabled: id !== null });
  if (id && !existing.data) return existing.isError ? <Alert color="red">{t('clients.notFound')}</Alert> : <Loader />;
  // A masked NIK cannot be edited back: the roles that see it masked cannot write anyway.
  return <ClientForm client={existing.data ?? null} key={existing.data?.updatedAt ?? 'new'} />;
}

function ClientForm({ client }: { client: Client | null }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const today = useOfficeToday();
  const mayOverridePhase = useSession().decides('phaseOverride');
  const form = useForm<Values>({ mode: 'controlled', initialValues: initial(client, today), validate: zodValidate(ClientFields, t) });
  const v = form.values;
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });

  // What the NIK says, checked while typing: its kecamatan, disagreements (warnings) and another active holder.
  const nikKey = useDebounced(`${v.nik ?? ''}|${v.sex}|${v.birthDate ?? ''}`, 300);
  const nik = useQuery({
    queryKey: ['clients.checkNik', nikKey, client?.id],
    queryFn: () => call('clients.checkNik', { nik: v.nik ?? '', sex: v.sex, birthDate: v.birthDate ?? null, excludeId: client?.id ?? null }),
    enabled: (v.nik ?? '').replace(/\D/g, '').length >= 16,
  });

  // A valid NIK fills the sex and birth date where they are empty, and says so. A field still
  // holding what the NIK put there counts as empty for a corrected NIK; one the officer changed does not.
  // The sex of a new client is "empty" until the officer picks one (the picker cannot be blank).
  const [filled, setFilled] = useState<{ sex?: Sex; birthDate?: string }>({});
  useEffect(() => {
    if (client?.nikMasked) return;
    const now = form.getValues();
    const sexEmpty = filled.sex !== undefined ? now.sex === filled.sex : !client && !form.isDirty('sex');
    const birthEmpty = now.birthDate === null || (filled.birthDate !== undefined && now.birthDate === filled.birthDate);
    const patch = nikFill(now.nik ?? '', { sex: sexEmpty, birthDate: birthEmpty }, today);
    if (patch.sex === undefined && patch.birthDate === undefined) return;
    form.setValues(patch);
    setFilled((f) => ({ ...f, ...patch }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.nik]);
  const fromNik = [
    ...(filled.sex !== undefined && v.sex === filled.sex ? ['sex'] : []),
    ...(filled.birthDate !== undefined && v.birthDate === filled.birthDate ? ['birthDate'] : []),
  ];

  const release = useEditorGuard(form);
  const save = useMutation({
    mutationFn: (data: Values) =>
      client
        ? call('clients.update', { id: client.id, expectedUpdatedAt: client.updatedAt, data })
        : call('clients.create', { data, statusDate: data.supervisionStart }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['clients.list'] });
      qc.setQueryData(['clients.get', c.id], c);
      notifyOk(`${c.name}: ${t('common.saved')}`);
      release();
      navigate(`/klien/${c.id}`);
    },
    onError: (e) => showError(e, t, form as never, 'data.'),
  });
  // What an empty "wajib lapor dihitung sejak" becomes on saving (shared/clients.ts).
  const reportingFromDefault =
    v.supervisionStart && v.supervisionEnd && isIsoDate(v.supervisionStart) && isIsoDate(v.supervisionEnd) && v.supervisionEnd >= v.supervisionStart
      ? defaultReportingFrom(v.supervisionStart, v.supervisionEnd, today)
      : null;
  const phase =
    v.supervisionStart && v.supervisionEnd && v.supervisionEnd >= v.supervisionStart ? suggestedPhase(v.supervisionStart, v.supervisionEnd, today) : null;

  return (
    <EditorForm
      onSubmit={form.onSubmit((values) => save.mutate(values), revealFirstError)}
      onCancel={() => navigate(client ? `/klien/${client.id}` : '/klien')}
      saving={save.isPending}
      record={client}
    >
      <Stack gap="md" maw={1000}>
        <FormHeader title={client ? `${t('clients.edit')}: ${client.name}` : t('clients.new')} record={client} />

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('partners.section.identity')}
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <TextInput label={t('clients.registerNumber')} withAsterisk data-autofocus {...form.getInputProps('registerNumber')} />
              <TextInput label={t('clients.name')} withAsterisk style={{ gridColumn: 'span 2' }} {...form.getInputProps('name')} />
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <div>
                {/* One message per problem: the live check's problem stands on the field, where a refused save puts it too. */}
                <TextInput
                  label="NIK"
                  inputMode="numeric"
                  maxLength={maxLengthOf(ClientFields.shape.nik)}
                  {...form.getInputProps('nik')}
                  error={form.errors.nik ?? (nik.data?.problem ? t(`v.nik.${nik.data.problem}`) : undefined)}
                  disabled={client?.nikMasked}
                />
                <NikNote check={nik.data} />
                {fromNik.length > 0 && (
                  <Text size="xs" c="blue.8" mt={2} data-testid="nik-filled">
                    {t('clients.nikFilled', {
                      fields: fromNik.map((f) => t(f === 'sex' ? 'clients.sex' : 'clients.birthDate').toLowerCase()).join(t('clients.nikFilled.and')),
                    })}
                  </Text>
                )}
              </div>
              <Select
                label={t('clients.sex')}
                withAsterisk
                allowDeselect={false}
                data={[
                  { value: 'L', label: t('sex.L') },
                  { value: 'P', label: t('sex.P') },
                ]}
                {...form.getInputProps('sex')}
              />
              <Select
                label={t('clients.religion')}
                clearable
                data={RELIGIONS.map((r) => ({ value: r, label: t(`religion.${r}`) }))}
                {...form.getInputProps('religion')}
              />
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <TextInput label={t('clients.birthPlace')} {...form.getInputProps('birthPlace')} />
              <DateField label={t('clients.birthDate')} clearable {...form.getInputProps('birthDate')} />
              <Select
                label={t('clients.education')}
                clearable
                data={EDUCATION.map((e) => ({ value: e, label: t(`education.${e}`) }))}
                {...form.getInputProps('education')}
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('partners.section.contact')}
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={2}>
              <Textarea label={t('partners.address')} autosize minRows={1} {...form.getInputProps('address')} />
              <TextInput label={t('partners.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            </SimpleGrid>
            <WilayahFields form={form} />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('clients.section.supervision')}
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <Select label={t('clients.program')} withAsterisk allowDeselect={false} data={programOptions(t)} {...form.getInputProps('program')} />
              <TextInput label={t('clients.decisionNumber')} {...form.getInputProps('decisionNumber')} />
              <DateField label={t('clients.decisionDate')} clearable {...form.getInputProps('decisionDate')} />
            </SimpleGrid>
            <TextInput label={t('clients.offence')} {...form.getInputProps('offence')} />
            <SimpleGrid cols={3}>
              <DateField label={t('clients.supervisionStart')} withAsterisk {...form.getInputProps('supervisionStart')} />
              <DateField label={t('clients.supervisionEnd')} withAsterisk {...form.getInputProps('supervisionEnd')} />
              <Select
                label={t('clients.phase')}
                description={
                  [phase ? t('clients.phaseSuggested', { phase: t(`phase.${phase}`) }) : '', mayOverridePhase ? '' : t('roles.onlyDeciders')]
                    .filter(Boolean)
                    .join(' · ') || undefined
                }
                placeholder={phase ? t(`phase.${phase}`) : undefined}
                clearable
                data={PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))}
                // Setting the phase against the suggestion is a PK's decision (shared/roles.ts); an operator's save keeps it.
                disabled={!mayOverridePhase}
                {...form.getInputProps('phaseOverride')}
              />
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <PkSelect label={t('clients.pk')} data-testid="client-pk" {...form.getInputProps('pkUserId')} />
              <Select
                label={t('clients.reporting')}
                allowDeselect={false}
                data={REPORTING.map((r) => ({ value: r, label: t(`reporting.${r}`) }))}
                {...form.getInputProps('reporting')}
              />
              {v.reporting !== 'tidak' && (
                <DateField
                  label={t('caseload.reportingFrom')}
                  description={t('caseload.reportingFromHint')}
                  placeholder={reportingFromDefault ? formatDate(reportingFromDefault, locale) : undefined}
                  // A stored client keeps its day; only a new one may leave it to the day of entry.
                  clearable={!client}
                  data-testid="reporting-from"
                  {...form.getInputProps('reportingFrom')}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('clients.section.guarantor')}
          </Title>
          <SimpleGrid cols={3}>
            <TextInput label={t('clients.guarantorName')} {...form.getInputProps('guarantorName')} />
            <TextInput label={t('clients.guarantorRelation')} {...form.getInputProps('guarantorRelation')} />
            <TextInput label={t('clients.guarantorPhone')} inputMode="tel" {...form.getInputProps('guarantorPhone')} />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('clients.section.interests')}
          </Title>
          <SimpleGrid cols={2}>
            <TagsInput label={t('clients.skills')} description={t('clients.skillsHint')} {...form.getInputProps('skills')} />
            <MultiSelect
              label={t('clients.interests')}
              description={t('clients.interestsHint')}
              searchable
              data={(services.data ?? []).map((s) => ({ value: s.code, label: serviceLabel(s, locale) }))}
              {...form.getInputProps('interests')}
            />
          </SimpleGrid>
          <Textarea label={t('partners.notes')} mt="sm" autosize minRows={2} {...form.getInputProps('notes')} />
        </Paper>
      </Stack>
    </EditorForm>
  );
}

/** Under the NIK: its kecamatan when valid, a warning when it disagrees with sex or birth date, an error when taken. */
function NikNote({ check }: { check: Awaited<ReturnType<typeof call<'clients.checkNik'>>> | undefined }) {
  const { t } = useI18n();
  // A problem is the field's own error (above), not repeated here.
  if (!check || check.problem) return null;
  return (
    <Stack gap={2} mt={4} data-testid="nik-note">
      <Text size="xs" c="dimmed">
        {t('clients.nikPlace', { district: check.districtName ?? '', regency: check.regencyName ?? '' })}
      </Text>
      {check.mismatches.length > 0 && (
        <Text size="xs" c="orange.8">
          {t('clients.nikMismatch', { fields: check.mismatches.map((m) => t(m === 'sex' ? 'clients.sex' : 'clients.birthDate').toLowerCase()).join(', ') })}
        </Text>
      )}
      {check.takenBy && (
        <Text size="xs" c="red">
          {t('clients.nikTaken', { name: check.takenBy.name, register: check.takenBy.registerNumber })}
        </Text>
      )}
    </Stack>
  );
}
