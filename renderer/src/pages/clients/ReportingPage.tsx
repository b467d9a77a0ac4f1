import { Badge, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { addDays } from '../../../../shared/agreements';
import { HOME_VISIT_AFTER } from '../../../../shared/checkins';
import { formatDate, weekdayOf } from '../../../../shared/format';
import type { ReportingRow } from '../../../../shared/types';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { OverdueList } from './OverdueList';

/** Wajib lapor for the whole office: who is overdue (home visits first) and who is due this week. */
export function ReportingPage() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const from = useOfficeToday();
  const overdue = useQuery({ queryKey: ['checkins.overdue', { pkUserId: null }], queryFn: () => call('checkins.overdue', { pkUserId: null }) });
  const agenda = useQuery({ queryKey: ['checkins.agenda', from], queryFn: () => call('checkins.agenda', { from, days: 7 }) });
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));

  const rowsOf = (list: readonly ReportingRow[], overdueView: boolean) =>
    list.map((r) => (
      <Table.Tr key={r.clientId} style={{ cursor: 'pointer' }} onClick={() => navigate(`/klien/${r.clientId}`)}>
        <Table.Td>{r.registerNumber}</Table.Td>
        <Table.Td fw={500}>{r.name}</Table.Td>
        <Table.Td>{overdueView ? (r.pkName ?? '—') : r.pkName ? `PK: ${r.pkName}` : ''}</Table.Td>
        <Table.Td>{overdueView ? date(r.lastCheckin) : r.lastCheckin ? t('checkins.lastOn', { date: date(r.lastCheckin) }) : ''}</Table.Td>
        {overdueView && (
          <Table.Td>
            <Group gap={4}>
              {r.damaged ? (
                <Badge color="gray" size="sm" tt="none" title={t('checkins.damaged')}>
                  {t('checkins.damagedShort')}
                </Badge>
              ) : (
                <Text size="sm">{t('checkins.missedSince', { count: r.missedStreak, date: date(r.overdueSince) })}</Text>
              )}
              {r.missedStreak >= HOME_VISIT_AFTER && (
                <Badge color="red" size="sm">
                  {t('checkins.homeVisit')}
                </Badge>
              )}
            </Group>
          </Table.Td>
        )}
      </Table.Tr>
    ));

  return (
    <Stack>
      <Title order={2}>{t('checkins.pageTitle')}</Title>
      <Tabs defaultValue="overdue">
        <Tabs.List>
          <Tabs.Tab value="overdue">{t('checkins.overdueTab', { count: overdue.data?.length ?? 0 })}</Tabs.Tab>
          <Tabs.Tab value="agenda">{t('checkins.agendaTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overdue" pt="sm">
          <OverdueList />
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
                      <Table.Tbody>{rowsOf(due, false)}</Table.Tbody>
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
