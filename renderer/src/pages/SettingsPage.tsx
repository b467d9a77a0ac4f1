import {
  Button,
  Checkbox,
  FileInput,
  Group,
  Image,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ADMIN, type InputOf } from '../../../shared/contract';
import { OFFICE_CLASSES, TIME_ZONE_CODES } from '../../../shared/domain';
import { ServiceCreateInput } from '../../../shared/schemas/partners';
import { SecuritySettingsInput, SettingsUpdateInput } from '../../../shared/schemas/setup';
import { rangeOf } from '../../../shared/schemas/limits';
import { AppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/types';
import { RequireRole } from '../components/Forbidden';
import { FormActions, useEditorGuard } from '../components/FormHeader';
import { KopPreview } from '../components/KopPreview';
import { AgreementSettingsPanel } from './agreements/AgreementSettingsPanel';
import { HolidaysPanel } from './HolidaysPanel';
import { notifyOk, revealFirstError, showError, zodValidate } from '../components/forms';
import { useI18n } from '../i18n';
import { call, fileToBase64 } from '../rpc';

export function SettingsPage() {
  const settings = useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}) });
  return <RequireRole roles={ADMIN}>{settings.data ? <SettingsForm settings={settings.data} /> : <Loader />}</RequireRole>;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const regencies = useQuery({ queryKey: ['setup.regencies'], queryFn: () => call('setup.regencies', {}) });
  const form = useForm<InputOf<'settings.update'>>({
    initialValues: {
      office: { ...settings.office, letterhead: [...settings.office.letterhead, '', ''].slice(0, Math.max(4, settings.office.letterhead.length)) },
      security: settings.security,
    },
    validate: zodValidate(SettingsUpdateInput, t),
  });
  const save = useMutation({
    mutationFn: (v: InputOf<'settings.update'>) =>
      call('settings.update', {
        ...v,
        ...(v.office ? { office: { ...v.office, letterhead: (v.office.letterhead ?? []).filter((l) => l.trim() !== '') } } : {}),
      }),
    onSuccess: (s) => {
      form.resetDirty();
      qc.setQueryData(['settings.get'], s);
      void qc.invalidateQueries({ queryKey: ['app.status'] });
      void qc.invalidateQueries({ queryKey: ['wilayah.coverage'] });
      void qc.invalidateQueries({ queryKey: ['wilayah.inRecords'] });
      notifyOk(t('settings.saved'));
    },
    onError: (e) => showError(e, t, form as never),
  });
  useEditorGuard(form);
  const office = form.values.office!;
  // The same query as the logo panel's, so the kop preview shows the logo that will print.
  const logo = useQuery({
    queryKey: ['settings.logo', settings.logo?.sha256 ?? null],
    queryFn: () => call('settings.logo', {}),
    enabled: settings.logo !== null,
  });

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('settings.title')}</Title>
      <form onSubmit={form.onSubmit((v) => save.mutate(v), revealFirstError)} data-editor noValidate>
        <Stack>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('settings.office')}
            </Title>
            <SimpleGrid cols={2}>
              <TextInput label={t('setup.name')} {...form.getInputProps('office.name')} />
              <TextInput label={t('setup.code')} description={t('settings.codeFixed')} disabled {...form.getInputProps('office.code')} />
              <TextInput label={t('setup.parentName')} {...form.getInputProps('office.parentName')} />
              <TextInput label={t('setup.kanwil')} {...form.getInputProps('office.kanwil')} />
              <TextInput label={t('setup.address')} {...form.getInputProps('office.address')} />
              <TextInput label={t('setup.city')} {...form.getInputProps('office.city')} />
              <TextInput label={t('setup.phone')} {...form.getInputProps('office.phone')} />
              <TextInput label={t('setup.email')} type="email" {...form.getInputProps('office.email')} />
              {office.kind === 'pos' && (
                <Select
                  label={t('setup.parentClass')}
                  data={OFFICE_CLASSES.map((c) => ({ value: c, label: `Kelas ${c}` }))}
                  {...form.getInputProps('office.parentClass')}
                />
              )}
              <TextInput label={t('settings.headName')} description={t('settings.headHint')} {...form.getInputProps('office.headName')} />
              <TextInput label={t('settings.headPosition')} {...form.getInputProps('office.headPosition')} />
              <TextInput label={t('settings.headNip')} {...form.getInputProps('office.headNip')} />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('setup.timeZone')}
                </Text>
                <SegmentedControl aria-label={t('setup.timeZone')} data={[...TIME_ZONE_CODES]} {...form.getInputProps('office.timeZone')} />
              </div>
            </SimpleGrid>
            <Stack gap={6} mt="sm">
              {(office.letterhead ?? []).map((_, i) => (
                <TextInput
                  key={i}
                  label={i === 0 ? t('setup.letterhead') : undefined}
                  aria-label={`${t('setup.letterhead')} ${i + 1}`}
                  {...form.getInputProps(`office.letterhead.${i}`)}
                />
              ))}
              <KopPreview
                office={{ ...office, letterhead: office.letterhead ?? [], phone: office.phone ?? '', email: office.email ?? '' }}
                logoSrc={settings.logo && logo.data ? `data:${logo.data.mime};base64,${logo.data.base64}` : null}
              />
              <MultiSelect
                label={t('setup.coverage')}
                searchable
                limit={50}
                data={(regencies.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
                {...form.getInputProps('office.coverage')}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('settings.security')}
            </Title>
            <NumberInput
              label={t('settings.idleLock')}
              {...rangeOf(SecuritySettingsInput.shape.idleLockMinutes)}
              allowDecimal={false}
              w={320}
              {...form.getInputProps('security.idleLockMinutes')}
            />
            <Checkbox mt="sm" label={t('settings.pimpinanSeesNik')} {...form.getInputProps('security.pimpinanSeesNik', { type: 'checkbox' })} />
            <Checkbox mt="sm" label={t('settings.bundlesIncludeNik')} {...form.getInputProps('security.bundlesIncludeNik', { type: 'checkbox' })} />
          </Paper>
        </Stack>
        <FormActions saving={save.isPending} />
      </form>
      <LogoPanel settings={settings} />
      <AgreementSettingsPanel />
      <HolidaysPanel />
      <ServiceTypes />
    </Stack>
  );
}

function ServiceTypes() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const form = useForm({ initialValues: { labelId: '', labelEn: '' }, validate: zodValidate(ServiceCreateInput, t) });
  const add = useMutation({
    mutationFn: (v: { labelId: string; labelEn: string }) => call('services.create', v),
    onSuccess: () => {
      form.reset();
      void qc.invalidateQueries({ queryKey: ['services.list'] });
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('services.title')}
      </Title>
      <Table fz="sm">
        <Table.Tbody>
          {(services.data ?? []).map((s) => (
            <Table.Tr key={s.code}>
              <Table.Td>{locale === 'en' ? s.labelEn : s.labelId}</Table.Td>
              <Table.Td c="dimmed">{s.code}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))}>
        <Group align="flex-end" mt="sm">
          <TextInput label={t('services.labelId')} {...form.getInputProps('labelId')} />
          <TextInput label={t('services.labelEn')} {...form.getInputProps('labelEn')} />
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('services.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** The letterhead logo: PNG or JPEG up to 1 MB, shown as it will print (left of the kop text). */
function LogoPanel({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const logo = useQuery({
    queryKey: ['settings.logo', settings.logo?.sha256 ?? null],
    queryFn: () => call('settings.logo', {}),
    enabled: settings.logo !== null,
  });
  const set = useMutation({
    mutationFn: async (f: File | null) => call('settings.setLogo', { base64: f ? await fileToBase64(f) : null }),
    onSuccess: (s) => {
      qc.setQueryData(['settings.get'], s);
      setFile(null);
      setError(null);
      notifyOk(t('settings.saved'));
    },
    onError: (e) => {
      setError(e instanceof AppError && e.fields?.file ? t(e.fields.file, e.params) : null);
      showError(e, t);
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('logo.title')}
      </Title>
      <Group align="flex-end">
        {settings.logo && logo.data ? (
          <Image src={`data:${logo.data.mime};base64,${logo.data.base64}`} alt={t('logo.title')} h={90} w="auto" fit="contain" data-testid="logo-preview" />
        ) : (
          <Text size="sm" c="dimmed" w={200}>
            {t('logo.none')}
          </Text>
        )}
        <FileInput
          label={t('logo.file')}
          accept="image/png,image/jpeg"
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(null);
          }}
          error={error}
          clearable
          w={320}
        />
        <Button disabled={!file} loading={set.isPending && set.variables !== null} onClick={() => set.mutate(file)}>
          {t('logo.upload')}
        </Button>
        {settings.logo && (
          <Button variant="subtle" color="red" loading={set.isPending && set.variables === null} onClick={() => set.mutate(null)}>
            {t('logo.remove')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
