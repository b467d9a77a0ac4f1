import { Button, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { formatDate, weekdayOf } from '../../../../shared/format';
import type { ReportingRow } from '../../../../shared/types';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { EndedList } from './EndedList';
import { OverdueList } from './OverdueList';

/** Rows per page of the agenda. */
const AGENDA_PAGE = 50;

/** Wajib lapor for the whole office: who is overdue (home visits first) and who is due this week. */
export function ReportingPage() {
  const { t, locale } = useI18n();
  const [path, navigate] = useLocation();
  const from = useOfficeToday();
  const overdue = useQuery({ queryKey: ['checkins.overdue', { pkUserId: null }], queryFn: () => call('checkins.overdue', { pkUserId: null }) });
  // A page at a time: a Bapas induk's week holds well over a thousand clients due.
  const agenda = useInfiniteQuery({
    queryKey: ['checkins.agenda', from],
    queryFn: ({ pageParam }) => call('checkins.agenda', { from, days: 7, limit: AGENDA_PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const shown = pages.reduce((n, p) => n + p.rows.length, 0);
      return shown < last.total ? shown : undefined;
    },
  });
  const agendaRows = useMemo(() => agenda.data?.pages.flatMap((p) => p.rows) ?? [], [agenda.data]);
  const agendaDays = agenda.data?.pages[0]?.days ?? [];
  const agendaTotal = agenda.data?.pages[0]?.total ?? 0;
  const ended = useQuery({ queryKey: ['clients.ended'], queryFn: () => call('clients.ended', {}) });
  // `/wajib-lapor?tab=berakhir` and `/wajib-lapor/agenda` (from the home screen) open on the ended records and the agenda.
  // The agenda is a path, not a query: with hash routing a query stays in the address after leaving.
  const askedEnded = new URLSearchParams(useSearch()).get('tab') === 'berakhir';
  const tab = path === '/wajib-lapor/agenda' ? 'agenda' : askedEnded ? 'ended' : 'overdue';
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');

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
            {agendaDays.map(({ date: d, count }) => {
              // The rows loaded so far; the day's count is the whole day's.
              const due = agendaRows.filter((r) => r.nextDue === d);
              return (
                <Paper key={d} withBorder p="sm">
                  <Text fw={600} size="sm" mb={due.length ? 4 : 0}>
                    {`${weekdayOf(d, locale)}, ${date(d)}`}
                    <Text span c="dimmed" size="sm">{` · ${t('checkins.dueCount', { count })}`}</Text>
                  </Text>
                  {due.length > 0 && (
                    <Table fz="sm" withRowBorders={false} highlightOnHover>
                      <Table.Tbody>{rowsOf(due)}</Table.Tbody>
                    </Table>
                  )}
                </Paper>
              );
            })}
            <Text size="sm" c="dimmed" data-testid="agenda-shown">
              {t('common.rowsShown', { shown: agendaRows.length, total: agendaTotal })}
            </Text>
            {agenda.hasNextPage && (
              <Button variant="default" onClick={() => void agenda.fetchNextPage()} loading={agenda.isFetchingNextPage} data-testid="agenda-more">
                {t('checkins.agendaMore')}
              </Button>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
