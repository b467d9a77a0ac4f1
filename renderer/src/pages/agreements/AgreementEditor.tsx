import {
  Alert,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
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
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { InputOf } from '../../../../shared/contract';
import { BIDANG } from '../../../../shared/domain';
import { AgreementFields } from '../../../../shared/schemas/agreements';
import type { Agreement, ArticleTemplate } from '../../../../shared/types';
import { isIsoDate } from '../../../../shared/validate';
import { EditorForm, FormHeader, useEditorGuard } from '../../components/FormHeader';
import { notifyOk, revealFirstError, showError, zodValidate } from '../../components/forms';
import { serviceLabel } from '../../components/labels';
import { useDebounced } from '../../components/useDebounced';
import { rangeOf } from '../../../../shared/schemas/limits';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { ArticlesEditor, LegalBasesEditor } from './TextBlocks';
import { usePartnerOptions } from '../../components/usePartnerOptions';
import { useOfficeToday } from '../../app/useOffice';
import { DateField } from '../../components/DateField';

type Values = InputOf<'agreements.create'>['data'];
function initial(a: Agreement | null, partnerId: string | null, template: ArticleTemplate | undefined, today: string): Values {
  if (a) {
    return {
      partnerId: a.partnerId,
      subject: a.subject,
      partnerNumber: a.partnerNumber,
      signPlace: a.signPlace,
      signDate: a.signDate,
      startDate: a.startDate,
      endDate: a.termMonths === null ? a.endDate : null,
      termMonths: a.termMonths,
      bidang: [...a.bidang],
      services: [...a.services],
      officeSignatory: { ...a.officeSignatory },
      partnerSignatory: { ...a.partnerSignatory },
      legalBases: [...a.legalBases],
      articles: a.articles.map((x) => ({ ...x })),
      funding: a.funding,
      notes: a.notes,
      confirmLateSigning: a.signDate > a.startDate,
    };
  }
  return {
    partnerId: partnerId ?? '',
    subject: 'Pembimbingan dan Pendampingan Klien Pemasyarakatan',
    partnerNumber: '',
    signPlace: '',
    signDate: today,
    startDate: today,
    endDate: null,
    termMonths: 12,
    bidang: [],
    services: [],
    officeSignatory: { name: '', nip: '', position: '' },
    partnerSignatory: { name: '', position: '' },
    legalBases: [...(template?.legalBases ?? [])],
    articles: (template?.articles ?? []).map((x) => ({ ...x })),
    funding: '',
    notes: '',
    confirmLateSigning: false,
  };
}

export function AgreementEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  // "Buat PKS" on a partner's page opens the form with that partner chosen (?mitra=<id>).
  const partnerId = new URLSearchParams(useSearch()).get('mitra');
  const existing = useQuery({ queryKey: ['agreements.get', id], queryFn: () => call('agreements.get', { id: id! }), enabled: id !== null });
  const templates = useQuery({ queryKey: ['templates.list'], queryFn: () => call('templates.list', {}) });
  if (id && !existing.data) return existing.isError ? <Alert color="red">{t('agreements.notFound')}</Alert> : <Loader />;
  if (!templates.data) return templates.isError ? <Alert color="red">{t('rpc.internal')}</Alert> : <Loader />;
  return <AgreementForm agreement={existing.data ?? null} partnerId={partnerId} templates={templates.data} key={existing.data?.updatedAt ?? 'new'} />;
}

function AgreementForm({ agreement, partnerId, templates }: { agreement: Agreement | null; partnerId: string | null; templates: readonly ArticleTemplate[] }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const office = useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}) });
  const today = useOfficeToday();
  const [templateId, setTemplateId] = useState<string | null>(templates.find((x) => x.isDefault)?.id ?? templates[0]?.id ?? null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial(
      agreement,
      partnerId,
      templates.find((x) => x.id === templateId),
      today,
    ),
    validate: zodValidate(AgreementFields, t),
  });
  const v = form.values;
  const [numberMode, setNumberMode] = useState<'auto' | 'manual'>('auto');
  const [manualNumber, setManualNumber] = useState('');
  const [termMode, setTermMode] = useState<'months' | 'end'>(v.endDate ? 'end' : 'months');

  const partners = usePartnerOptions({}, { withRegency: true });
  const partner = useQuery({ queryKey: ['partners.get', v.partnerId], queryFn: () => call('partners.get', { id: v.partnerId }), enabled: v.partnerId !== '' });
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const previewDate = useDebounced(v.signDate, 300);
  const preview = useQuery({
    queryKey: ['agreements.previewNumber', previewDate],
    queryFn: () => call('agreements.previewNumber', { date: previewDate }),
    enabled: !agreement && !!previewDate && isIsoDate(previewDate),
  });

  const pickPartner = (partnerId: string | null) => {
    form.setFieldValue('partnerId', partnerId ?? '');
    form.setFieldValue('services', []);
    const p = partners.rows.find((r) => r.id === partnerId);
    if (p) {
      form.setFieldValue('bidang', [...p.bidang]);
      if (!v.signPlace && office.data) form.setFieldValue('signPlace', office.data.office.city);
    }
  };

  /** Starts the text over from another template; asks first when the pasal were already edited. */
  const applyTemplate = (id: string | null) => {
    const next = templates.find((x) => x.id === id);
    if (!next || id === templateId) return;
    if ((form.isDirty('articles') || form.isDirty('legalBases')) && !window.confirm(t('templates.replaceConfirm'))) return;
    setTemplateId(next.id);
    form.setFieldValue('legalBases', [...next.legalBases]);
    form.setFieldValue(
      'articles',
      next.articles.map((x) => ({ ...x })),
    );
    form.resetDirty({ ...form.getValues(), legalBases: [...next.legalBases], articles: next.articles.map((x) => ({ ...x })) });
  };

  const release = useEditorGuard(form);
  const save = useMutation({
    mutationFn: (data: Values) =>
      agreement
        ? call('agreements.update', { id: agreement.id, expectedUpdatedAt: agreement.updatedAt, data })
        : call('agreements.create', { data, number: numberMode === 'auto' ? { mode: 'auto' } : { mode: 'manual', value: manualNumber } }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['agreements.list'] });
      qc.setQueryData(['agreements.get', a.id], a);
      notifyOk(`${a.officeNumber ?? t('agreements.unnumbered')}: ${t('common.saved')}`);
      release();
      navigate(`/pks/${a.id}?`);
    },
    onError: (e) => showError(e, t, form as never, 'data.'),
  });
  const submit = form.onSubmit(
    (values) => save.mutate(termMode === 'months' ? { ...values, endDate: null } : { ...values, termMonths: null }),
    revealFirstError,
  );
  const offered = new Set(partner.data?.services ?? []);

  return (
    <EditorForm onSubmit={submit} onCancel={() => navigate(agreement ? `/pks/${agreement.id}` : '/pks')} saving={save.isPending} record={agreement}>
      <Stack gap="md" maw={1000}>
        <FormHeader
          title={agreement ? `${t('agreements.edit')}: ${agreement.officeNumber ?? t('agreements.unnumbered')}` : t('agreements.new')}
          record={agreement}
        />

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Select
              label={t('agreements.partner')}
              withAsterisk
              {...partners.pickerProps}
              {...form.getInputProps('partnerId')}
              value={v.partnerId || null}
              onChange={pickPartner}
              data-autofocus
            />
            <TextInput label={t('agreements.subject')} withAsterisk {...form.getInputProps('subject')} />
            {!agreement && (
              <Group align="flex-end">
                <SegmentedControl
                  value={numberMode}
                  onChange={(m) => setNumberMode(m as 'auto' | 'manual')}
                  data={[
                    { value: 'auto', label: t('agreements.numberMode.auto') },
                    { value: 'manual', label: t('agreements.numberMode.manual') },
                  ]}
                />
                {numberMode === 'auto' ? (
                  <Text size="sm" c="dimmed" data-testid="number-preview">
                    {preview.data?.number ? t('agreements.numberOnSigningPreview', { number: preview.data.number }) : t('agreements.numberOnSigning')}
                  </Text>
                ) : (
                  <TextInput
                    aria-label={t('agreements.officeNumber')}
                    placeholder={t('agreements.officeNumber')}
                    value={manualNumber}
                    onChange={(e) => setManualNumber(e.currentTarget.value)}
                    error={form.errors['number.value']}
                    w={360}
                  />
                )}
              </Group>
            )}
            <SimpleGrid cols={3}>
              <TextInput label={t('agreements.partnerNumber')} {...form.getInputProps('partnerNumber')} />
              <TextInput label={t('agreements.signPlace')} {...form.getInputProps('signPlace')} />
              <DateField label={t('agreements.signDate')} withAsterisk {...form.getInputProps('signDate')} />
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <DateField label={t('agreements.startDate')} withAsterisk {...form.getInputProps('startDate')} />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('agreements.term')}
                </Text>
                <SegmentedControl
                  fullWidth
                  value={termMode}
                  onChange={(m) => setTermMode(m as 'months' | 'end')}
                  data={[
                    { value: 'months', label: t('agreements.term.byMonths') },
                    { value: 'end', label: t('agreements.term.byEnd') },
                  ]}
                />
              </div>
              {termMode === 'months' ? (
                <NumberInput
                  label={t('agreements.termMonths')}
                  {...rangeOf(AgreementFields.shape.termMonths)}
                  allowDecimal={false}
                  {...form.getInputProps('termMonths')}
                  value={v.termMonths ?? ''}
                  onChange={(n) => form.setFieldValue('termMonths', typeof n === 'number' ? n : null)}
                />
              ) : (
                <DateField label={t('agreements.endDate')} {...form.getInputProps('endDate')} />
              )}
            </SimpleGrid>
            {v.signDate > v.startDate && (
              <Checkbox label={t('agreements.confirmLateSigning')} {...form.getInputProps('confirmLateSigning', { type: 'checkbox' })} />
            )}
            {form.errors['signDate'] && <Alert color="red">{form.errors['signDate']}</Alert>}
            <SimpleGrid cols={2}>
              <Checkbox.Group label={t('partners.bidang')} withAsterisk {...form.getInputProps('bidang')}>
                <Group mt={8}>
                  {BIDANG.map((b) => (
                    <Checkbox key={b} value={b} label={t(`bidang.${b}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <MultiSelect
                label={t('agreements.services')}
                searchable
                data={(services.data ?? []).filter((s) => offered.has(s.code)).map((s) => ({ value: s.code, label: serviceLabel(s, locale) }))}
                {...form.getInputProps('services')}
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <SimpleGrid cols={2}>
            <Stack gap="xs">
              <Title order={5}>{t('agreements.officeSignatory')}</Title>
              <TextInput label={t('agreements.signatoryName')} withAsterisk {...form.getInputProps('officeSignatory.name')} />
              <TextInput label={t('agreements.signatoryNip')} {...form.getInputProps('officeSignatory.nip')} />
              <TextInput label={t('agreements.signatoryPosition')} withAsterisk {...form.getInputProps('officeSignatory.position')} />
            </Stack>
            <Stack gap="xs">
              <Title order={5}>{t('agreements.partnerSignatory')}</Title>
              <TextInput label={t('agreements.signatoryName')} withAsterisk {...form.getInputProps('partnerSignatory.name')} />
              <TextInput label={t('agreements.signatoryPosition')} withAsterisk {...form.getInputProps('partnerSignatory.position')} />
            </Stack>
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="md">
            {!agreement && (
              <Select
                label={t('templates.pick')}
                description={t('templates.pickHint')}
                data={templates.map((x) => ({ value: x.id, label: x.isDefault ? `${x.name} (${t('templates.default')})` : x.name }))}
                value={templateId}
                onChange={applyTemplate}
                allowDeselect={false}
                w={420}
              />
            )}
            <LegalBasesEditor form={form} />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <ArticlesEditor form={form} />
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Textarea label={t('agreements.funding')} autosize minRows={2} {...form.getInputProps('funding')} />
            <Textarea label={t('agreements.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          </Stack>
        </Paper>
      </Stack>
    </EditorForm>
  );
}
