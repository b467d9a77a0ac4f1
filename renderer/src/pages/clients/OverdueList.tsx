import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarCheck, IconPrinter } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { HOME_VISIT_AFTER } from '../../../../shared/checkins';
import { WRITERS } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import type { ReportingRow } from '../../../../shared/types';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { DocumentPreview } from '../../components/DocumentPreview';
import { PkFilter } from '../../components/PkFilter';
import { ExportMenu } from '../../components/ExportMenu';
import { useExport } from '../../components/useExport';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { CheckinDialog } from './ReportingPanel';

const col = createColumnHelper<ReportingRow>();

/** Who is overdue (longest first), by PK if asked: sortable, exported as shown, a check-in recorded from the row. */
export function OverdueList() {
  const { t, locale } = useI18n();
  const session = useSession();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [pkUserId, setPk] = useState<string | null>(null);
  const [recording, setRecording] = useState<ReportingRow | null>(null);
  const [printing, setPrinting] = useState(false);
  const filter = { pkUserId };
  const overdue = useQuery({ queryKey: ['checkins.overdue', filter], queryFn: () => call('checkins.overdue', filter) });
  const exporter = useExport(() => call('checkins.overdueExport', filter));
  const writable = session.can(WRITERS);
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');

  const columns = useMemo(
    () => [
      col.accessor('registerNumber', { header: t('clients.registerNumber'), meta: { minWidth: 140 } }),
      col.accessor('name', {
        header: t('clients.name'),
        cell: (c) => (
          <Text fw={500} size="sm">
            {c.getValue()}
          </Text>
        ),
      }),
      col.accessor((r) => r.pkName ?? '', { id: 'pk', header: 'PK', cell: (c) => c.getValue() || '—' }),
      col.accessor((r) => r.lastCheckin ?? '', { id: 'last', header: t('checkins.last'), cell: (c) => date(c.getValue() || null), meta: { minWidth: 130 } }),
      col.accessor('missedStreak', {
        header: t('checkins.missed'),
        meta: { minWidth: 220 },
        cell: (c) => {
          const r = c.row.original;
          return (
            <Group gap={4} wrap="nowrap">
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
          );
        },
      }),
      ...(writable
        ? [
            col.display({
              id: 'record',
              header: '',
              meta: { minWidth: 140 },
              cell: (c) =>
                c.row.original.damaged ? null : (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconCalendarCheck size={14} />}
                    onClick={(e) => {
                      // The row opens the client; the button records without leaving the list.
                      e.stopPropagation();
                      setRecording(c.row.original);
                    }}
                  >
                    {t('checkins.record')}
                  </Button>
                ),
            }),
          ]
        : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `date` follows `locale`
    [t, locale, writable],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <PkFilter value={pkUserId} onChange={setPk} w={260} testId="overdue-pk" />
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="overdue-print">
            {t('books.print')}
          </Button>
          <ExportMenu choices={['xlsx']} loading={exporter.isPending} onChoose={() => exporter.mutate()} />
        </Group>
      </Group>
      {printing && <DocumentPreview method="registers.overdue" input={filter} onClose={() => setPrinting(false)} />}
      {overdue.data?.length === 0 && pkUserId === null ? (
        <Text c="dimmed">{t('checkins.noneOverdue')}</Text>
      ) : (
        <DataTable
          data={overdue.data ?? []}
          columns={columns}
          getRowId={(r) => r.clientId}
          onRowClick={(r) => navigate(`/klien/${r.clientId}`)}
          testId="overdue-table"
          height="calc(100vh - 300px)"
        />
      )}
      {recording && (
        <CheckinDialog
          client={{ id: recording.clientId, name: recording.name }}
          onClose={() => setRecording(null)}
          onDone={() => {
            void qc.invalidateQueries({ queryKey: ['checkins.overdue'] });
            void qc.invalidateQueries({ queryKey: ['checkins.agenda'] });
            void qc.invalidateQueries({ queryKey: ['checkins.ofClient', recording.clientId] });
            setRecording(null);
          }}
        />
      )}
    </Stack>
  );
}
