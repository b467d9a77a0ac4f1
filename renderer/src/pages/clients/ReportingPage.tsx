import { Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useSearch } from 'wouter';
import { addDays } from '../../../../shared/agreements';
import { formatDate, weekdayOf } from '../../../../shared/format';
import type { ReportingRow } from '../../../../shared/types';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { EndedList } from './EndedList';
import { OverdueList } from './OverdueList';

/** Wajib lapor for the whole office: who is overdue (home visits first) and who is due this week. */
export function ReportingPage() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const from = useOfficeToday();
  const overdue = useQuery({ queryKey: ['checkins.overdue', { pkUserId: null }], queryFn: () => call('checkins.overdue', { pkUserId: null }) });
  const agenda = useQuery({ queryKey: ['checkins.agenda', from], queryFn: () => call('checkins.agenda', { from, days: 7 }) });
  const ended = useQuery({ queryKey: ['clients.ended'], queryFn: () => call('clients.ended', {}) });
  // `/wajib-lapor?tab=berakhir` (from the home screen) opens on the ended records.
  const tab = new URLSearchParams(useSearch()).get('tab') === 'berakhir' ? 'ended' : 'overdue';
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));

  /** The agenda's rows: who is due on a day (the overdue tab is its own list). */
  const rowsOf = (list: readonly ReportingRow[]) =>
    list.map((r) => (
      <Table.Tr key={r.clientId} style={{ cursor: 'pointer' }} onClick={() => navigate(`/klien/${r.clientId}`)}>
        <Table.Td>{r.registerNumber}</Table.Td>
        <Table.Td fw={500}>{r.name}</Table.Td>
        <Table.Td>{r.pkName ? `PK: ${r.pkName}` : ''}</Table.Td>
        <Table.Td>{r.lastCheckin ? t('checkins.lastOn', { date: date(r.lastCheckin) }) : ''}</Table.Td>
      </Table.Tr>
    ));

  return (
    <Stack>
      <Title order={2}>{t('checkins.pageTitle')}</Title>
      <Tabs defaultValue={tab}>
        <Tabs.List>
          <Tabs.Tab value="overdue">{t('checkins.overdueTab', { count: overdue.data?.length ?? 0 })}</Tabs.Tab>
          <Tabs.Tab value="agenda">{t('checkins.agendaTab')}</Tabs.Tab>
          <Tabs.Tab value="ended" data-testid="ended-tab">
            {t('caseload.endedTab', { count: ended.data?.length ?? 0 })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overdue" pt="sm">
          <OverdueList />
        </Tabs.Panel>
        <Tabs.Panel value="ended" pt="sm">
          <EndedList />
        </Tabs.Panel>
        <Tabs.Panel value="agenda" pt="sm">
          <Stack data-testid="agenda">
            {days.map((d) => {
              const due = (agenda.data ?? []).filter((r) => r.nextDue === d);
              return (
                <Paper key={d} withBorder p="sm">
                  <Text fw={600} size="sm" mb={due.length ? 4 : 0}>
                    {`${weekdayOf(d, locale)}, ${date(d)}`}
                    <Text span c="dimmed" size="sm">{` · ${t('checkins.dueCount', { count: due.length })}`}</Text>
                  </Text>
                  {due.length > 0 && (
                    <Table fz="sm" withRowBorders={false} highlightOnHover>
                      <Table.Tbody>{rowsOf(due)}</Table.Tbody>
                    </Table>
                  )}
                </Paper>
              );
            })}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
