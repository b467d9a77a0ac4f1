import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { InputOf } from '../../../../shared/contract';
import { BIDANG, PARTNER_STATUSES } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { PartnerCreateInput, PartnerFields, PartnerUpdateInput } from '../../../../shared/schemas/partners';
import { rangeOf } from '../../../../shared/schemas/limits';
import type { Partner } from '../../../../shared/types';
import { EditorForm, FormHeader, useEditorGuard } from '../../components/FormHeader';
import { notifyOk, revealFirstError, showError, zodValidate } from '../../components/forms';
import { categoryOptions, serviceLabel } from '../../components/labels';
import { useDebounced } from '../../components/useDebounced';
import { WilayahFields } from '../../components/WilayahFields';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { useSession } from '../../app/session';
import { DateField } from '../../components/DateField';
import { AddListEntry, ADD_OPTION, addOption, keepAddOption, useMayAdd, type ListName } from './AddListEntry';

type Values = InputOf<'partners.create'>;
const EMPTY: Values = {
  name: '',
  category: 'ormas',
  institutionType: null,
  bidang: [],
  services: [],
  leaderName: '',
  contactName: '',
  phone: '',
  email: '',
  address: '',
  provinceCode: null,
  regencyCode: null,
  districtCode: null,
  villageCode: null,
  capacity: null,
  skNumber: '',
  skDate: null,
  notes: '',
  status: 'calon',
  // Set to the office's today when the form opens.
  statusDate: '',
};

function fromPartner(p: Partner): Values {
  return {
    name: p.name,
    category: p.category,
    institutionType: p.institutionType,
    bidang: [...p.bidang],
    services: [...p.services],
    leaderName: p.leaderName,
    contactName: p.contactName,
    phone: p.phone,
    email: p.email,
    address: p.address,
    provinceCode: p.provinceCode,
    regencyCode: p.regencyCode,
    districtCode: p.districtCode,
    villageCode: p.villageCode,
    capacity: p.capacity,
    skNumber: p.skNumber,
    skDate: p.skDate,
    notes: p.notes,
    status: p.status,
    statusDate: p.statusDate,
  };
}

export function PartnerEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const existing = useQuery({ queryKey: ['partners.get', id], queryFn: () => call('partners.get', { id: id! }), enabled: id !== null });
  if (id && !existing.data) return existing.isError ? <Alert color="red">{t('partners.notFound')}</Alert> : <Loader />;
  return <PartnerForm partner={existing.data ?? null} key={existing.data?.updatedAt ?? 'new'} />;
}

function PartnerForm({ partner }: { partner: Partner | null }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const editing = partner !== null;
  const session = useSession();
  const today = useOfficeToday();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: partner ? fromPartner(partner) : { ...EMPTY, statusDate: today },
    validate: (values) => {
      const schema = editing ? PartnerUpdateInput.shape.data : PartnerCreateInput;
      const { status: _s, statusDate: _d, confirmDuplicate: _c, ...fields } = values;
      return zodValidate(schema, t)(editing ? fields : values);
    },
  });
  const v = form.values;

  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const kinds = useQuery({ queryKey: ['institutionTypes.list'], queryFn: () => call('institutionTypes.list', {}) });
  // An admin adds a service type or an institution type from its picker; what was typed there names it.
  const mayAddService = useMayAdd('services');
  const mayAddKind = useMayAdd('institutionTypes');
  const [adding, setAdding] = useState<{ list: ListName; text: string } | null>(null);
  const [serviceSearch, setServiceSearch] = useState('');
  const [kindSearch, setKindSearch] = useState('');
  // Warn while typing when the same name is already registered in the chosen kabupaten.
  const dupKey = useDebounced(`${v.name.trim()}|${v.regencyCode ?? ''}`, 400);
  const dups = useQuery({
    queryKey: ['partners.duplicates', dupKey, partner?.id],
    queryFn: () => call('partners.duplicates', { name: v.name, regencyCode: v.regencyCode ?? null, excludeId: partner?.id ?? null }),
    enabled: v.name.trim().length > 2,
  });
  const [confirmDup, setConfirmDup] = useState(false);

  const release = useEditorGuard(form);
  const save = useMutation({
    mutationFn: async ({ values, confirmDuplicate }: { values: Values; confirmDuplicate: boolean }) => {
      if (partner) {
        const { status: _s, statusDate: _d, confirmDuplicate: _c, ...data } = values;
        return call('partners.update', { id: partner.id, expectedUpdatedAt: partner.updatedAt, data, confirmDuplicate });
      }
      return call('partners.create', { ...values, confirmDuplicate });
    },
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['partners.list'] });
      qc.setQueryData(['partners.get', p.id], p);
      void qc.invalidateQueries({ queryKey: ['partners.history', p.id] });
      notifyOk(t('partners.created', { name: p.name }));
      release();
      navigate(`/mitra/${p.id}`);
    },
    onError: (e) => {
      if (e instanceof AppError && e.code === 'CONFLICT' && e.message === 'partners.duplicate') {
        setConfirmDup(true);
        return;
      }
      showError(e, t, form as never, 'data.');
    },
  });

  // Changing a kabupaten clears the kecamatan and desa below it.
  useEffect(() => {
    if (v.districtCode && v.regencyCode && !v.districtCode.startsWith(`${v.regencyCode}.`)) form.setValues({ districtCode: null, villageCode: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.regencyCode]);

  const submit = form.onSubmit((values) => save.mutate({ values, confirmDuplicate: false }), revealFirstError);

  return (
    <EditorForm onSubmit={submit} onCancel={() => navigate(partner ? `/mitra/${partner.id}` : '/mitra')} saving={save.isPending} record={partner}>
      <Stack gap="md" maw={1000}>
        <FormHeader title={editing ? t('partners.edit') : t('partners.new')} record={partner} />

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('partners.section.identity')}
          </Title>
          <Stack gap="sm">
            <TextInput label={t('partners.name')} withAsterisk data-autofocus autoFocus {...form.getInputProps('name')} />
            {(dups.data?.length ?? 0) > 0 && (
              <Alert color="yellow" title={t('partners.duplicate.title')} data-testid="duplicate-warning">
                {t('partners.duplicate.body')}{' '}
                {dups.data!.map((d) => `${d.name}${d.regencyName ? ` (${d.regencyName})` : ''}${d.archived ? ` — ${t('common.archived')}` : ''}`).join('; ')}
              </Alert>
            )}
            <SimpleGrid cols={2}>
              <Select label={t('partners.category')} withAsterisk data={categoryOptions(t)} allowDeselect={false} {...form.getInputProps('category')} />
              <Select
                label={t('partners.institutionType')}
                placeholder={t('partners.institutionType.none')}
                clearable
                searchable
                data={[
                  ...(kinds.data ?? []).map((k) => ({ value: k.code, label: serviceLabel(k, locale) })),
                  ...(mayAddKind ? [addOption(t('institutionTypes.addOption'))] : []),
                ]}
                filter={keepAddOption}
                searchValue={kindSearch}
                onSearchChange={setKindSearch}
                {...form.getInputProps('institutionType')}
                onChange={(val) =>
                  val === ADD_OPTION ? setAdding({ list: 'institutionTypes', text: kindSearch }) : form.setFieldValue('institutionType', val)
                }
              />
            </SimpleGrid>
            <Checkbox.Group label={t('partners.bidang')} withAsterisk {...form.getInputProps('bidang')}>
              <Group mt={8}>
                {BIDANG.map((b) => (
                  <Checkbox key={b} value={b} label={t(`bidang.${b}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <MultiSelect
              label={t('partners.services')}
              searchable
              data={[
                ...(services.data ?? []).map((s) => ({ value: s.code, label: serviceLabel(s, locale) })),
                ...(mayAddService ? [addOption(t('partners.services.addOption'))] : []),
              ]}
              filter={keepAddOption}
              searchValue={serviceSearch}
              onSearchChange={setServiceSearch}
              {...form.getInputProps('services')}
              onChange={(codes) => {
                if (codes.includes(ADD_OPTION)) setAdding({ list: 'services', text: serviceSearch });
                else form.setFieldValue('services', codes);
              }}
            />
            <SimpleGrid cols={2}>
              <TextInput label={t('partners.leaderName')} {...form.getInputProps('leaderName')} />
              <NumberInput
                label={t('partners.capacity')}
                {...rangeOf(PartnerFields.shape.capacity)}
                allowDecimal={false}
                {...form.getInputProps('capacity')}
                value={v.capacity ?? ''}
                onChange={(n) => form.setFieldValue('capacity', typeof n === 'number' ? n : null)}
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('partners.section.contact')}
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <TextInput label={t('partners.contactName')} {...form.getInputProps('contactName')} />
              <TextInput label={t('partners.phone')} description={t('partners.phone.hint')} inputMode="tel" {...form.getInputProps('phone')} />
              <TextInput label={t('partners.email')} type="email" {...form.getInputProps('email')} />
            </SimpleGrid>
            <Textarea label={t('partners.address')} autosize minRows={2} {...form.getInputProps('address')} />
            <WilayahFields form={form} provinceLevel />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('partners.section.cooperation')}
          </Title>
          <Stack gap="sm">
            {!editing && (
              <SimpleGrid cols={2}>
                <Select
                  label={t('partners.status')}
                  allowDeselect={false}
                  data={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                  // An operator registers a calon; a standing beyond it is a decision (shared/roles.ts).
                  disabled={!session.decides('partnerStanding')}
                  description={session.decides('partnerStanding') ? undefined : t('roles.onlyDeciders')}
                  {...form.getInputProps('status')}
                />
                <DateField label={t('partners.statusDate')} withAsterisk {...form.getInputProps('statusDate')} />
              </SimpleGrid>
            )}
            <SimpleGrid cols={2}>
              <TextInput label={t('partners.skNumber')} {...form.getInputProps('skNumber')} />
              <DateField label={t('partners.skDate')} clearable {...form.getInputProps('skDate')} />
            </SimpleGrid>
            <Textarea label={t('partners.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          </Stack>
        </Paper>
      </Stack>

      {adding && (
        <AddListEntry
          list={adding.list}
          initial={adding.text}
          onClose={() => setAdding(null)}
          onAdded={(created) => {
            if (adding.list === 'services') {
              form.setFieldValue('services', [...(form.getValues().services ?? []), created.code]);
              setServiceSearch('');
            } else {
              form.setFieldValue('institutionType', created.code);
              setKindSearch('');
            }
            setAdding(null);
          }}
        />
      )}

      <Modal opened={confirmDup} onClose={() => setConfirmDup(false)} title={t('partners.duplicate.title')} centered>
        <Stack>
          <Text size="sm">{t('partners.duplicate.body')}</Text>
          <List size="sm">
            {(dups.data ?? []).map((d) => (
              <List.Item key={d.id}>
                {d.name} {d.regencyName ? `(${d.regencyName})` : ''} {d.archived ? `— ${t('common.archived')}` : ''}
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDup(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="yellow"
              onClick={() => {
                setConfirmDup(false);
                save.mutate({ values: form.getValues(), confirmDuplicate: true });
              }}
            >
              {t('partners.duplicate.saveAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </EditorForm>
  );
}
