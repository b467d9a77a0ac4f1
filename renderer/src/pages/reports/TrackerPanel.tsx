import { Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDate, localDateOf, MONTHS } from '../../../../shared/format';
import { useOffice } from '../../app/useOffice';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';

/** At a Bapas induk: per post and month of the year, ✓ (arrived), terlambat (late) or — (not yet due). */
export function TrackerPanel({ year }: { year: number }) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const q = useQuery({ queryKey: ['reports.tracker', year], queryFn: () => call('reports.tracker', { year }) });
  const r = q.data;
  if (!r) return null;
  return (
    <Paper withBorder p="sm" data-testid="report-tracker">
      <Title order={4}>
        {t('reports.tracker.title')} {year}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('reports.tracker.hint', { days: r.lateDays })}
      </Text>
      {r.posts.length === 0 ? (
        <Text size="sm">{t('reports.tracker.noPosts')}</Text>
      ) : (
        <Table fz="xs" withTableBorder withColumnBorders verticalSpacing={2} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.tracker.post')}</Table.Th>
              {MONTHS[locale].map((m) => (
                <Table.Th key={m} style={{ textAlign: 'center' }}>
                  {m.slice(0, 3)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.posts.map((p) => (
              <Table.Tr key={p.code} data-testid={`tracker-${p.code}`}>
                <Table.Td>{p.name}</Table.Td>
                {p.months.map((m) => (
                  <Table.Td key={m.month} style={{ textAlign: 'center' }} data-testid={`tracker-${p.code}-${m.month}`}>
                    {m.state === 'sent' ? (
                      <Tooltip label={t('reports.tracker.sent', { version: m.version!, date: formatDate(localDateOf(new Date(m.sentAt!), zone), locale) })}>
                        <Text span c="green" fw={700} size="sm">
                          ✓{m.version! > 1 ? ` v${m.version}` : ''}
                        </Text>
                      </Tooltip>
                    ) : m.state === 'late' ? (
                      <Text span c="red" size="xs">
                        {t('reports.tracker.late')}
                      </Text>
                    ) : (
                      <Text span c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
