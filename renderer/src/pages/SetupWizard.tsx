import {
  Alert,
  Button,
  Container,
  Group,
  MultiSelect,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OFFICE_CLASSES, TIME_ZONE_CODES } from '../../../shared/domain';
import { formatPlaceDate, localDateOf } from '../../../shared/format';
import { officeCode, SetupInput, type SetupInputT } from '../../../shared/schemas/setup';
import { maxLengthOf } from '../../../shared/schemas/limits';
import { showError, zodValidate } from '../components/forms';
import { KopPreview } from '../components/KopPreview';
import { HeadFields } from './setupHead';
import { useI18n } from '../i18n';
import { call } from '../rpc';

/** Which fields each step owns, so "Lanjut" checks only what the user has seen. */
const STEP_FIELDS: readonly (readonly string[])[] = [
  ['office.kind', 'office.name', 'office.code', 'office.parentName', 'office.parentClass', 'office.kanwil', 'office.timeZone'],
  ['office.letterhead', 'office.address', 'office.phone', 'office.email', 'office.city'],
  ['office.headName', 'office.headNip', 'office.headPosition'],
  ['office.coverage'],
  ['admin.name', 'admin.nip', 'admin.position', 'admin.username', 'admin.password', 'admin.passwordConfirm'],
];

export function SetupWizard({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const regencies = useQuery({ queryKey: ['setup.regencies'], queryFn: () => call('setup.regencies', {}) });
  const form = useForm<SetupInputT>({
    mode: 'controlled',
    initialValues: {
      office: {
        kind: 'pos',
        name: '',
        code: '',
        parentName: '',
        parentClass: 'I',
        kanwil: '',
        letterhead: ['KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA', 'DIREKTORAT JENDERAL PEMASYARAKATAN', '', ''],
        address: '',
        city: '',
        timeZone: 'WIB',
        coverage: [],
        phone: '',
        email: '',
        headName: '',
        headNip: '',
        headPosition: '',
      },
      admin: { name: '', nip: '', position: '', username: '', password: '', passwordConfirm: '' },
    },
    validate: zodValidate(SetupInput, t),
  });

  const submit = useMutation({
    mutationFn: (v: SetupInputT) =>
      call('setup.complete', { ...v, office: { ...v.office, letterhead: (v.office.letterhead ?? []).filter((l) => l.trim() !== '') } }),
    onSuccess: onDone,
    onError: (e) => {
      showError(e, t, form as never);
      const errs = form.errors;
      const first = STEP_FIELDS.findIndex((fields) => Object.keys(errs).some((k) => fields.some((f) => k === f || k.startsWith(`${f}.`))));
      if (first >= 0) setStep(first);
    },
  });

  const next = () => {
    const result = form.validate();
    const fields = STEP_FIELDS[step] ?? [];
    const stepErrors = Object.keys(result.errors).filter((k) => fields.some((f) => k === f || k.startsWith(`${f}.`)));
    // Keep only this step's messages visible; later steps are checked when reached.
    form.setErrors(Object.fromEntries(stepErrors.map((k) => [k, result.errors[k]])));
    if (stepErrors.length > 0) return;
    if (step < STEP_FIELDS.length - 1) setStep(step + 1);
    else submit.mutate(form.getValues());
  };

  const office = form.values.office;
  return (
    <Container size={760} py="xl">
      <Paper withBorder p="xl" radius="md">
        <Title order={2}>{t('setup.title')}</Title>
        <Text c="dimmed" mb="lg">
          {t('setup.intro')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
            <Stepper.Step label={t('setup.step.office')}>
              <Stack gap="sm" mt="md">
                <SegmentedControl
                  aria-label={t('setup.kind')}
                  data={[
                    { value: 'pos', label: t('setup.kind.pos') },
                    { value: 'induk', label: t('setup.kind.induk') },
                  ]}
                  {...form.getInputProps('office.kind')}
                />
                <TextInput label={t('setup.name')} description={t('setup.name.hint')} withAsterisk data-autofocus {...form.getInputProps('office.name')} />
                <TextInput
                  label={t('setup.code')}
                  description={t('setup.code.hint')}
                  withAsterisk
                  maxLength={maxLengthOf(officeCode)}
                  {...form.getInputProps('office.code')}
                />
                {office.kind === 'pos' && (
                  <Group grow align="flex-start">
                    <TextInput label={t('setup.parentName')} withAsterisk {...form.getInputProps('office.parentName')} />
                    <Select
                      label={t('setup.parentClass')}
                      data={OFFICE_CLASSES.map((c) => ({ value: c, label: `Kelas ${c}` }))}
                      {...form.getInputProps('office.parentClass')}
                    />
                  </Group>
                )}
                <TextInput label={t('setup.kanwil')} description={t('setup.kanwil.hint')} withAsterisk {...form.getInputProps('office.kanwil')} />
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    {t('setup.timeZone')}
                  </Text>
                  <SegmentedControl aria-label={t('setup.timeZone')} data={[...TIME_ZONE_CODES]} {...form.getInputProps('office.timeZone')} />
                </div>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.step.letterhead')}>
              <Stack gap="sm" mt="md">
                <Text size="sm" fw={500}>
                  {t('setup.letterhead')}
                </Text>
                <Text size="xs" c="dimmed" mt={-8}>
                  {t('setup.letterhead.hint')}
                </Text>
                {(office.letterhead ?? []).map((_, i) => (
                  <TextInput key={i} aria-label={`${t('setup.letterhead')} ${i + 1}`} {...form.getInputProps(`office.letterhead.${i}`)} />
                ))}
                <TextInput label={t('setup.address')} withAsterisk {...form.getInputProps('office.address')} />
                <Group grow align="flex-start">
                  <TextInput label={t('setup.phone')} {...form.getInputProps('office.phone')} />
                  <TextInput label={t('setup.email')} type="email" {...form.getInputProps('office.email')} />
                </Group>
                <TextInput
                  label={t('setup.city')}
                  description={t('setup.city.hint', { example: formatPlaceDate(office.city || 'Curup', localDateOf(new Date(), office.timeZone)) })}
                  withAsterisk
                  {...form.getInputProps('office.city')}
                />
                <KopPreview office={{ ...office, letterhead: office.letterhead ?? [], phone: office.phone ?? '', email: office.email ?? '' }} />
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.step.head')}>
              <HeadFields form={form} officeName={office.name} />
            </Stepper.Step>
            <Stepper.Step label={t('setup.step.coverage')}>
              <Stack gap="sm" mt="md">
                <MultiSelect
                  label={t('setup.coverage')}
                  description={t('setup.coverage.hint')}
                  withAsterisk
                  searchable
                  limit={50}
                  nothingFoundMessage={t('common.noRows')}
                  data={(regencies.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
                  {...form.getInputProps('office.coverage')}
                />
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.step.admin')}>
              <Stack gap="sm" mt="md">
                <TextInput label={t('setup.adminName')} withAsterisk {...form.getInputProps('admin.name')} />
                <Group grow align="flex-start">
                  <TextInput label={t('setup.nip')} inputMode="numeric" {...form.getInputProps('admin.nip')} />
                  <TextInput label={t('setup.position')} {...form.getInputProps('admin.position')} />
                </Group>
                <TextInput label={t('setup.username')} withAsterisk autoComplete="username" {...form.getInputProps('admin.username')} />
                <Group grow align="flex-start">
                  <PasswordInput label={t('setup.password')} withAsterisk autoComplete="new-password" {...form.getInputProps('admin.password')} />
                  <PasswordInput label={t('setup.passwordConfirm')} withAsterisk autoComplete="new-password" {...form.getInputProps('admin.passwordConfirm')} />
                </Group>
                <Alert color="blue">{t('setup.recoveryKeyNext')}</Alert>
              </Stack>
            </Stepper.Step>
          </Stepper>
          {submit.isError && (
            <Alert color="red" mt="md">
              {t('v.form')}
            </Alert>
          )}
          <Group justify="space-between" mt="xl">
            <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
              {t('common.back')}
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {step === STEP_FIELDS.length - 1 ? t('setup.finish') : t('common.next')}
            </Button>
          </Group>
        </form>
      </Paper>
    </Container>
  );
}
