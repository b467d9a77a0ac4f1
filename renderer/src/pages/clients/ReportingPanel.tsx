import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CHECKIN_KINDS, type CheckinKind } from '../../../../shared/checkins';
import { formatDate } from '../../../../shared/format';
import type { Client } from '../../../../shared/types';
import { DialogActions } from '../../components/DialogActions';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { DateField } from '../../components/DateField';

const DUE_COLOR = { met: 'teal', missed: 'red', open: 'blue', upcoming: 'gray' } as const;

/** Wajib lapor on the client's page: where the client stands, the recent due dates, and "Catat lapor". */
export function ReportingPanel({ client, writable, onChanged }: { client: Client; writable: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: ['checkins.ofClient', client.id], queryFn: () => call('checkins.ofClient', { id: client.id }) });
  if (!q.data || q.data.reporting === 'tidak') return null;
  const r = q.data;
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  // The main process chooses the rows (every missed one it counts, a few before, the next two).
  const shown = r.shown;

  return (
    <Paper withBorder p="md" data-testid="reporting-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('checkins.title', { reporting: t(`reporting.${r.reporting}`).toLowerCase() })}</Title>
        {writable && client.status === 'aktif' && (
          <Button leftSection={<IconCalendarCheck size={16} />} onClick={() => setOpen(true)}>
            {t('checkins.record')}
          </Button>
        )}
      </Group>
      {r.damaged && (
        <Alert color="gray" mb="sm">
          {t('checkins.damaged')}
        </Alert>
      )}
      {r.homeVisitDue ? (
        <Alert color="red" mb="sm" title={t('checkins.homeVisitDue')}>
          {t('checkins.missedSince', { count: r.missedStreak, date: date(r.overdueSince) })}
        </Alert>
      ) : r.missedStreak > 0 ? (
        <Alert color="orange" mb="sm">
          {t('checkins.missedSince', { count: r.missedStreak, date: date(r.overdueSince) })}
        </Alert>
      ) : null}
      {!r.damaged && (
        <Text size="sm" mb="xs">
          {r.nextDue ? t('checkins.nextDue', { date: date(r.nextDue) }) : t('checkins.noMoreDue')}
          {r.trackedFrom > client.supervisionStart && (
            <Text span size="sm" c="dimmed" data-testid="tracked-from">{` ${t('caseload.trackedFrom', { date: date(r.trackedFrom) })}`}</Text>
          )}
        </Text>
      )}
      <Table fz="sm" withRowBorders={false}>
        <Table.Tbody data-testid="due-rows">
          {shown.map((s) => (
            <Table.Tr key={s.due} data-status={s.status}>
              <Table.Td w={300}>
                {date(s.due)}
                {s.movedFrom && (
                  <Text span size="xs" c="dimmed">
                    {` · ${t('caseload.movedFrom', { date: date(s.movedFrom) })}`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td w={190}>
                <Badge color={DUE_COLOR[s.status]} variant="light">
                  {t(`dueStatus.${s.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td c="dimmed">
                {s.checkin ? t('checkins.reportedOn', { date: date(s.checkin) }) : t('checkins.window', { from: date(s.opens), to: date(s.closes) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && (
        <CheckinDialog
          client={client}
          onClose={() => setOpen(false)}
          onDone={(next) => {
            qc.setQueryData(['checkins.ofClient', client.id], next);
            void qc.invalidateQueries({ queryKey: ['checkins.overdue'] });
            void qc.invalidateQueries({ queryKey: ['checkins.agenda'] });
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}

/** Records one check-in; opened from the client's page and from a row of the overdue list. */
export function CheckinDialog({
  client,
  onClose,
  onDone,
}: {
  client: Pick<Client, 'id'> & { readonly name?: string };
  onClose: () => void;
  onDone: (r: Awaited<ReturnType<typeof call<'checkins.record'>>>) => void;
}) {
  const { t } = useI18n();
  const today = useOfficeToday();
  const form = useForm<{ date: string | null; kind: CheckinKind; reason: string; notes: string }>({
    initialValues: { date: today, kind: 'hadir', reason: '', notes: '' },
    validate: {
      date: (v) => (v ? null : t('v.required')),
      reason: (v, all) => (all.kind === 'jarak_jauh' && !v.trim() ? t('checkins.reasonRequired') : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: { date: string; kind: CheckinKind; reason: string; notes: string }) =>
      call('checkins.record', { clientId: client.id, officerId: null, ...v }),
    onSuccess: (r) => {
      notifyOk(t('common.saved'));
      onDone(r);
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('checkins.record')} centered>
      <form onSubmit={form.onSubmit((v) => save.mutate({ date: v.date!, kind: v.kind, reason: v.reason, notes: v.notes }))}>
        <Stack>
          <SegmentedControl fullWidth data={CHECKIN_KINDS.map((k) => ({ value: k, label: t(`checkinKind.${k}`) }))} {...form.getInputProps('kind')} />
          <DateField label={t('common.date')} {...form.getInputProps('date')} />
          {form.values.kind === 'jarak_jauh' && <Textarea label={t('checkins.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />}
          <Textarea label={t('common.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
