import { Alert, Badge, Card, Grid, Group, Loader, NumberInput, Paper, Select, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { type InputOf } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { KERJA_SOSIAL, OVERRIDABLE } from '../../../../shared/referrals';
import { useSession } from '../../app/session';
import { EditorForm, FormHeader, useEditorGuard } from '../../components/FormHeader';
import { notifyOk, revealFirstError, showError } from '../../components/forms';
import { serviceLabel } from '../../components/labels';
import { useDebounced } from '../../components/useDebounced';
import { PkSelect } from '../../components/PkPicker';
import { rangeOf } from '../../../../shared/schemas/limits';
import { ReferralCreateInput } from '../../../../shared/schemas/referrals';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { usePartnerOptions } from '../../components/usePartnerOptions';
import { useOfficeToday } from '../../app/useOffice';
import { DateField } from '../../components/DateField';

type Values = InputOf<'referrals.create'>;
/**
 * Refer a client to a partner. While the officer fills it in, the main process checks the rules
 * (partner aktif, agreement in force covering the service) and suggests partners; what fails is
 * named before saving, and an admin may override the partner conditions with a written reason.
 */
export function ReferralForm({ clientId }: { clientId: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const client = useQuery({
    queryKey: ['clients.get', clientId],
    queryFn: () => call('clients.get', { id: clientId }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const partners = usePartnerOptions({ status: 'aktif' }, { withRegency: true });
  const today = useOfficeToday();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { clientId, partnerId: '', service: '', date: today, pkUserId: null, goal: '', notes: '', hoursRequired: null, overrideReason: '' },
    validate: {
      partnerId: (v) => (v ? null : t('v.choose')),
      service: (v) => (v ? null : t('v.choose')),
      hoursRequired: (v, all) => (all.service === KERJA_SOSIAL && !v ? t('referrals.hoursRequired') : null),
    },
  });
  const v = form.values;
  const planKey = useDebounced(`${v.partnerId}|${v.service}|${v.date}`, 250);
  const check = useQuery({
    queryKey: ['referrals.check', planKey],
    queryFn: () =>
      call('referrals.check', { clientId, partnerId: v.partnerId, service: v.service, date: v.date, pkUserId: null, goal: '', notes: '', hoursRequired: null }),
    enabled: !!v.partnerId && !!v.service && !!v.date,
  });
  const suggestions = useQuery({
    queryKey: ['referrals.suggest', clientId, v.service, v.date],
    queryFn: () => call('referrals.suggest', { clientId, service: v.service, date: v.date }),
    enabled: !!v.service && !!v.date,
  });
  const release = useEditorGuard(form);
  const save = useMutation({
    mutationFn: (values: Values) => call('referrals.create', values),
    onSuccess: ({ referral, warnings }) => {
      void qc.invalidateQueries({ queryKey: ['clients.get', clientId] });
      void qc.invalidateQueries({ queryKey: ['referrals.list'] });
      notifyOk(`${referral.letterNumber}: ${t('common.saved')}${warnings.includes('capacity') ? ` · ${t('referrals.warning.capacity')}` : ''}`);
      release();
      navigate(`/rujukan/${referral.id}`);
    },
    onError: (e) => showError(e, t, form as never),
  });
  if (!client.data) return client.isError ? <Alert color="red">{t('clients.notFound')}</Alert> : <Loader />;
  const problems = check.data?.problems ?? [];
  const canOverride = session.decides('referralOverride') && problems.length > 0 && problems.every((p) => OVERRIDABLE.has(p));
  const serviceName = (code: string) => {
    const s = services.data?.find((x) => x.code === code);
    return s ? serviceLabel(s, locale) : code;
  };

  return (
    <EditorForm
      onSubmit={form.onSubmit((values) => save.mutate(values), revealFirstError)}
      onCancel={() => navigate(`/klien/${clientId}`)}
      saving={save.isPending}
      maw={1200}
      record={client.data}
    >
      <Stack maw={1200}>
        <FormHeader title={t('referrals.new', { name: client.data.name })} record={client.data} />
        <Grid>
          <Grid.Col span={7}>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Group grow>
                  <Select
                    label={t('referrals.service')}
                    withAsterisk
                    searchable
                    data={(services.data ?? []).map((s) => ({ value: s.code, label: serviceLabel(s, locale) }))}
                    {...form.getInputProps('service')}
                    data-autofocus
                  />
                  <DateField label={t('referrals.date')} withAsterisk {...form.getInputProps('date')} />
                </Group>
                <Select label={t('referrals.partner')} withAsterisk {...partners.pickerProps} {...form.getInputProps('partnerId')} />
                {v.service === KERJA_SOSIAL && (
                  <NumberInput
                    label={t('referrals.hoursRequiredLabel')}
                    withAsterisk
                    {...rangeOf(ReferralCreateInput.shape.hoursRequired)}
                    allowDecimal={false}
                    w={240}
                    {...form.getInputProps('hoursRequired')}
                  />
                )}
                <PkSelect label={t('clients.pk')} data-testid="referral-pk" {...form.getInputProps('pkUserId')} />
                <Textarea label={t('referrals.goal')} autosize minRows={2} {...form.getInputProps('goal')} />
                <Textarea label={t('partners.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
                {check.data && <CheckResult result={check.data} />}
                {canOverride && (
                  <Textarea
                    label={t('referrals.overrideReason')}
                    description={t('referrals.overrideHint')}
                    autosize
                    minRows={2}
                    {...form.getInputProps('overrideReason')}
                  />
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={5}>
            <Paper withBorder p="md">
              <Title order={5} mb="xs">
                {t('referrals.suggestions')}
              </Title>
              {!v.service ? (
                <Text size="sm" c="dimmed">
                  {t('referrals.suggestionsHint')}
                </Text>
              ) : suggestions.data?.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('referrals.noSuggestions', { service: serviceName(v.service) })}
                </Text>
              ) : (
                <Stack gap="xs" data-testid="suggestions">
                  {(suggestions.data ?? []).map((s) => (
                    <UnstyledButton key={s.partnerId} onClick={() => form.setFieldValue('partnerId', s.partnerId)}>
                      <Card withBorder padding="xs" bg={v.partnerId === s.partnerId ? 'teal.0' : undefined}>
                        <Text fw={500} size="sm">
                          {s.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[s.districtName, s.regencyName].filter(Boolean).join(', ')} · PKS {s.agreementNumber} (
                          {t('referrals.until', { date: formatDate(s.agreementEnd, locale) })})
                        </Text>
                        <Group gap={4} mt={4}>
                          {s.sameDistrict ? (
                            <Badge size="xs">{t('referrals.sameDistrict')}</Badge>
                          ) : s.sameRegency ? (
                            <Badge size="xs">{t('referrals.sameRegency')}</Badge>
                          ) : null}
                          <Badge size="xs" variant="light" color="gray">
                            {s.capacity === null ? t('referrals.openNoLimit', { open: s.open }) : t('referrals.openOf', { open: s.open, capacity: s.capacity })}
                          </Badge>
                          {s.interestMatches.length > 0 && (
                            <Badge size="xs" variant="light" color="grape">
                              {t('referrals.matchesInterest')}
                            </Badge>
                          )}
                        </Group>
                      </Card>
                    </UnstyledButton>
                  ))}
                </Stack>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
    </EditorForm>
  );
}

function CheckResult({ result }: { result: Awaited<ReturnType<typeof call<'referrals.check'>>> }) {
  const { t } = useI18n();
  if (result.problems.length) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={t('referrals.cannot')} data-testid="referral-check">
        <Stack gap={2}>
          {result.problems.map((p) => (
            <Text key={p} size="sm">
              {t(`referrals.problem.${p}`)}
            </Text>
          ))}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color={result.warnings.length ? 'yellow' : 'teal'} icon={<IconCircleCheck />} data-testid="referral-check">
      <Text size="sm">{t('referrals.covered', { number: result.agreementNumber ?? '' })}</Text>
      {result.warnings.includes('capacity') && (
        <Text size="sm">{t('referrals.warning.capacityDetail', { open: result.openAtPartner, capacity: result.capacity ?? 0 })}</Text>
      )}
    </Alert>
  );
}
