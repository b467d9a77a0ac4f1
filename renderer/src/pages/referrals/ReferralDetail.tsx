import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconFlag, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatDate } from '../../../../shared/format';
import { FINISHED_OUTCOMES, hoursOutstanding, REFERRAL_MOVES, type Outcome, type ReferralStatus } from '../../../../shared/referrals';
import type { ReferralDetail as Detail } from '../../../../shared/types';
import { DialogActions } from '../../components/DialogActions';
import { DocumentPreview } from '../../components/DocumentPreview';
import { Field } from '../../components/Field';
import { notifyOk, showError } from '../../components/forms';
import { REFERRAL_STATUS_COLOR, serviceLabel } from '../../components/labels';
import { rangeOf } from '../../../../shared/schemas/limits';
import { WorkHoursInput } from '../../../../shared/schemas/referrals';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { DateField } from '../../components/DateField';
import { OwnerNotice, useRecordAccess } from '../../components/ownership';

export function ReferralDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [dialog, setDialog] = useState<'status' | 'print' | null>(null);
  const q = useQuery({ queryKey: ['referrals.get', id], queryFn: () => call('referrals.get', { id }) });
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const access = useRecordAccess(q.data);
  if (!q.data) return q.isError ? <Alert color="red">{t('referrals.notFound')}</Alert> : <Loader />;
  const r = q.data;
  const refresh = (next: Detail) => {
    qc.setQueryData(['referrals.get', id], next);
    void qc.invalidateQueries({ queryKey: ['clients.get', r.clientId] });
    void qc.invalidateQueries({ queryKey: ['referrals.list'] });
  };
  const service = services.data?.find((s) => s.code === r.service);
  const date = (d: string | null) => (d ? formatDate(d, locale) : '');
  const writable = access.may('referrals.setStatus');

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{t('referrals.title', { name: r.clientName })}</Title>
            <Badge color={REFERRAL_STATUS_COLOR[r.status]} variant="light" data-testid="referral-status">
              {t(`referralStatus.${r.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {r.letterNumber} · {service ? serviceLabel(service, locale) : r.service} · {r.partnerName}
          </Text>
        </div>
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(`/klien/${r.clientId}`)}>
            {t('referrals.toClient')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setDialog('print')}>
            {t('referrals.letter')}
          </Button>
          {writable && REFERRAL_MOVES[r.status].length > 0 && (
            <Button leftSection={<IconFlag size={16} />} onClick={() => setDialog('status')}>
              {t('referrals.changeStatus')}
            </Button>
          )}
        </Group>
      </Group>
      <OwnerNotice record={r} />

      {r.overrideReason && (
        <Alert color="yellow" title={t('referrals.overridden')}>
          {r.overrideReason}
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="sm">
          <Field label={t('referrals.client')}>
            <Link href={`/klien/${r.clientId}`}>{`${r.clientName} (${r.clientRegister})`}</Link>
          </Field>
          <Field label={t('referrals.partner')}>
            <Link href={`/mitra/${r.partnerId}`}>{r.partnerName}</Link>
          </Field>
          <Field label={t('referrals.agreement')}>
            {r.agreementId ? (
              <Link href={`/pks/${r.agreementId}`}>{`${r.agreementNumber} (${t('referrals.until', { date: date(r.agreementEnd) })})`}</Link>
            ) : (
              ''
            )}
          </Field>
          <Field label={t('referrals.date')}>{date(r.date)}</Field>
          <Field label={t('clients.pk')}>{r.pkName ?? ''}</Field>
          <Field label={t('referrals.outcome')}>{r.outcome ? `${t(`outcome.${r.outcome}`)}${r.outcomeNote ? ` — ${r.outcomeNote}` : ''}` : ''}</Field>
        </SimpleGrid>
        <Stack gap="xs" mt="sm">
          <Field label={t('referrals.goal')}>{r.goal}</Field>
          {r.notes && <Field label={t('partners.notes')}>{r.notes}</Field>}
        </Stack>
      </Paper>

      {r.hoursRequired !== null && <HoursPanel referral={r} onChanged={refresh} writable={writable} />}

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('clients.timeline')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {r.history.map((h, i) => (
            <Timeline.Item key={i} title={`${date(h.date)} · ${t(`referralStatus.${h.status}`)}`}>
              {h.note && <Text size="sm">{h.note}</Text>}
              <Text size="xs" c="dimmed">
                {h.by}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>

      {dialog === 'status' && <StatusDialog referral={r} onClose={() => setDialog(null)} onDone={(n) => (refresh(n), setDialog(null))} />}
      {dialog === 'print' && <DocumentPreview method="referrals.document" id={r.id} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Community service: the hours ordered, the hours worked as signed off by the partner, and the log. */
function HoursPanel({ referral, onChanged, writable }: { referral: Detail; onChanged: (r: Detail) => void; writable: boolean }) {
  const { t, locale } = useI18n();
  const required = referral.hoursRequired ?? 0;
  const today = useOfficeToday();
  const form = useForm({
    initialValues: { date: today as string | null, hours: 4 as number | string, signedBy: '', notes: '' },
    validate: {
      date: (v) => (v ? null : t('v.required')),
      signedBy: (v) => (v.trim() ? null : t('v.required')),
      // The schema's own check (half hours, within a day's limit), not a copy of it.
      hours: (v) => (WorkHoursInput.shape.hours.safeParse(v).success ? null : t(typeof v === 'number' ? 'v.range' : 'v.required')),
    },
  });
  const add = useMutation({
    mutationFn: (v: { date: string; hours: number; signedBy: string; notes: string }) => call('referrals.addHours', { referralId: referral.id, ...v }),
    onSuccess: (r) => {
      form.reset();
      notifyOk(t('common.saved'));
      onChanged(r);
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('referrals.hours')}</Title>
        <Text size="sm" data-testid="hours-progress">
          {t('referrals.hoursProgress', { done: referral.hoursDone, required })}
        </Text>
      </Group>
      <Progress value={required ? Math.min(100, (referral.hoursDone / required) * 100) : 0} mb="sm" />
      <Table fz="sm" striped>
        <Table.Tbody>
          {referral.hours.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{formatDate(h.date, locale)}</Table.Td>
              <Table.Td>{t('referrals.hoursN', { n: h.hours })}</Table.Td>
              <Table.Td>{t('referrals.signedBy', { name: h.signedBy })}</Table.Td>
              <Table.Td c="dimmed">{h.notes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {writable && referral.status === 'berjalan' && (
        <form onSubmit={form.onSubmit((v) => add.mutate({ date: v.date!, hours: Number(v.hours), signedBy: v.signedBy, notes: v.notes }))}>
          <Group align="flex-end" mt="sm">
            <DateField label={t('common.date')} w={170} {...form.getInputProps('date')} />
            <NumberInput
              label={t('referrals.hoursWorked')}
              {...rangeOf(WorkHoursInput.shape.hours)}
              decimalScale={1}
              w={110}
              {...form.getInputProps('hours')}
            />
            <TextInput label={t('referrals.signedByLabel')} w={220} {...form.getInputProps('signedBy')} />
            <TextInput label={t('partners.notes')} style={{ flex: 1 }} {...form.getInputProps('notes')} />
            <Button type="submit" loading={add.isPending}>
              {t('referrals.addHours')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}

function StatusDialog({ referral, onClose, onDone }: { referral: Detail; onClose: () => void; onDone: (r: Detail) => void }) {
  const { t } = useI18n();
  const moves = REFERRAL_MOVES[referral.status];
  const hoursShort = hoursOutstanding(referral.hoursRequired, referral.hoursDone);
  const today = useOfficeToday();
  const form = useForm<{ status: ReferralStatus | null; date: string | null; note: string; outcome: Outcome | null }>({
    initialValues: { status: moves[0] ?? null, date: today, note: '', outcome: null },
    validate: { status: (v) => (v ? null : t('v.choose')), date: (v) => (v ? null : t('v.required')) },
  });
  const save = useMutation({
    mutationFn: (v: { status: ReferralStatus; date: string; note: string; outcome: Outcome | null }) =>
      call('referrals.setStatus', { id: referral.id, expectedUpdatedAt: referral.updatedAt, ...v }),
    onSuccess: (r) => {
      notifyOk(t('common.saved'));
      onDone(r);
    },
    onError: (e) => showError(e, t, form as never),
  });
  const status = form.values.status;
  return (
    <Modal opened onClose={onClose} title={t('referrals.changeStatus')} centered>
      <form onSubmit={form.onSubmit((v) => save.mutate({ status: v.status!, date: v.date!, note: v.note, outcome: v.outcome }))}>
        <Stack>
          <Select
            label={t('clients.newStatus')}
            allowDeselect={false}
            data={moves.map((s) => ({ value: s, label: t(`referralStatus.${s}`), disabled: s === 'selesai' && hoursShort }))}
            description={
              hoursShort && moves.includes('selesai')
                ? t('referrals.hoursShort', { done: referral.hoursDone, required: referral.hoursRequired ?? 0 })
                : undefined
            }
            {...form.getInputProps('status')}
          />
          <DateField label={t('common.date')} {...form.getInputProps('date')} />
          {status === 'selesai' && (
            <Select
              label={t('referrals.outcome')}
              withAsterisk
              data={FINISHED_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
              {...form.getInputProps('outcome')}
            />
          )}
          <Textarea
            label={status === 'dihentikan' || status === 'ditolak' ? t('clients.reason') : t('common.notes')}
            withAsterisk={status === 'dihentikan' || status === 'ditolak'}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
