import { Drawer, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { formatCell, formatNumber } from './reportFormat';

export interface RecordsRequest {
  readonly input: InputOf<'reports.records'>;
  /** The indicator's name, with the breakdown row's where one was opened. */
  readonly title: string;
  readonly periodLabel: string;
}

/** The records behind one figure: as many rows as the figure counts (for hours, their sum is the figure). */
export function RecordsDrawer({ request, onClose }: { request: RecordsRequest | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const q = useQuery({
    queryKey: ['reports.records', request?.input],
    queryFn: () => call('reports.records', request!.input),
    enabled: request !== null,
  });
  const data = q.data;
  const hours = data?.measure === 'amount' ? data.rows.reduce((s, r) => s + Number(r.amount), 0) : null;
  return (
    <Drawer opened={request !== null} onClose={onClose} position="right" size={1000} title={request?.title} data-testid="report-records">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {request?.periodLabel}
        </Text>
        {q.isLoading && <Loader size="sm" />}
        {data && (
          <Text size="sm" fw={600} data-testid="report-records-count">
            {hours === null
              ? t('reports.records.count', { count: data.rows.length })
              : t('reports.records.hours', { count: data.rows.length, hours: formatNumber(hours, locale) })}
          </Text>
        )}
        {data && data.rows.length === 0 && <Text size="sm">{t('reports.records.none')}</Text>}
        {data && data.rows.length > 0 && (
          <ScrollArea>
            <Table striped withTableBorder fz="sm" data-testid="report-records-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>No.</Table.Th>
                  {data.columns.map((c) => (
                    <Table.Th key={c.key}>{t(`reports.col.${c.key}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{i + 1}</Table.Td>
                    {data.columns.map((c) => (
                      <Table.Td key={c.key} style={c.kind === 'number' ? { textAlign: 'right' } : undefined}>
                        {formatCell(c, r[c.key] ?? null, locale, t)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Drawer>
  );
}
