import { Alert, Badge, Button, FileInput, Group, Paper, Progress, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { AppError } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../../shared/imports';
import { importFieldLabel } from '../../../../shared/readableChanges';
import type { ImportAction, ImportRowResult } from '../../../../shared/types';
import { useOffice } from '../../app/useOffice';
import { DataTable } from '../../components/DataTable';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call, fileToBase64, saveFile } from '../../rpc';

const ACTION_COLOR: Record<ImportAction, string> = { new: 'teal', update: 'blue', unchanged: 'gray', error: 'red' };
const col = createColumnHelper<ImportRowResult>();

/**
 * Importing clients from a spreadsheet, in the order an officer thinks: pick the file, check the
 * columns, see every row's fate (nothing is written yet), then save the accepted rows in one go.
 * Reading and checking run in the background with progress and can be cancelled.
 */
export function ImportPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [sheet, setSheet] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [only, setOnly] = useState<'all' | ImportAction>('all');

  const status = useQuery({
    queryKey: ['imports.status', jobId],
    queryFn: () => call('imports.status', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.phase === 'reading' || q.state.data?.phase === 'checking' ? 300 : false),
  });
  const phase = status.data?.phase;
  const columns = useQuery({
    queryKey: ['imports.columns', jobId, sheet],
    queryFn: () => call('imports.columns', { jobId: jobId!, sheet }),
    enabled: jobId !== null && phase !== undefined && phase !== 'reading' && phase !== 'failed' && phase !== 'cancelled',
    retry: false,
  });
  useEffect(() => {
    if (columns.data) setMapping({ ...columns.data.mapping });
  }, [columns.data]);
  const rows = useQuery({
    queryKey: ['imports.rows', jobId, only, status.data?.counts],
    queryFn: () => call('imports.rows', { jobId: jobId!, only, limit: 5000 }),
    enabled: phase === 'checked' || phase === 'committed',
  });
  const history = useQuery({ queryKey: ['imports.history'], queryFn: () => call('imports.history', {}) });

  const open = useMutation({
    mutationFn: async (f: File) => call('imports.open', { filename: f.name, base64: await fileToBase64(f) }),
    onSuccess: (s) => {
      setSheet(0);
      setJobId(s.jobId);
    },
    onError: (e) => showError(e, t),
  });
  const refresh = (s: Awaited<ReturnType<typeof call<'imports.status'>>>) => qc.setQueryData(['imports.status', s.jobId], s);
  const check = useMutation({
    mutationFn: () => call('imports.check', { jobId: jobId!, sheet, headerRow: columns.data!.headerRow, mapping }),
    onSuccess: refresh,
    onError: (e) => showError(e, t),
  });
  const cancel = useMutation({ mutationFn: () => call('imports.cancel', { jobId: jobId! }), onSuccess: refresh });
  const commit = useMutation({
    mutationFn: () => call('imports.commit', { jobId: jobId! }),
    onSuccess: (s) => {
      refresh(s);
      void qc.invalidateQueries({ queryKey: ['clients.list'] });
      void qc.invalidateQueries({ queryKey: ['imports.history'] });
      notifyOk(t('imports.saved'));
    },
    onError: (e) => showError(e, t),
  });
  const report = useMutation({ mutationFn: (id: string) => call('imports.report', { id }), onSuccess: saveFile, onError: (e) => showError(e, t) });

  const headerOptions = (columns.data?.headers ?? []).map((h, i) => ({
    value: String(i),
    label: `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}: ${h || '—'}`,
  }));
  const tableColumns = useMemo(
    () => [
      col.accessor('row', { header: t('imports.row'), meta: { minWidth: 70 } }),
      col.accessor('action', {
        header: t('imports.result'),
        meta: { minWidth: 130 },
        cell: (c) => (
          <Badge color={ACTION_COLOR[c.getValue()]} variant="light">
            {t(`importAction.${c.getValue()}`)}
          </Badge>
        ),
      }),
      col.accessor('registerNumber', { header: t('clients.registerNumber') }),
      col.accessor('name', { header: t('clients.name') }),
      col.display({
        id: 'messages',
        header: t('imports.messages'),
        cell: (c) => (
          <Stack gap={0}>
            {c.row.original.errors.map((m, i) => (
              <Text key={`e${i}`} size="xs" c="red">
                {importFieldLabel(m.field, t)}: {t(m.key, m.params)}
              </Text>
            ))}
            {c.row.original.warnings.map((m, i) => (
              <Text key={`w${i}`} size="xs" c="orange.8">
                {importFieldLabel(m.field, t)}: {t(m.key, m.params)}
              </Text>
            ))}
          </Stack>
        ),
      }),
    ],
    [t],
  );

  const busy = phase === 'reading' || phase === 'checking';
  const counts = status.data?.counts;
  const toSave = counts ? counts.new + counts.update : 0;
  const columnError = columns.error instanceof AppError ? t(columns.error.fields?.sheet ?? columns.error.message) : null;

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t('imports.title')}</Title>
        <Button variant="default" onClick={() => navigate('/klien')}>
          {t('common.back')}
        </Button>
      </Group>

      <Paper withBorder p="md">
        <Group align="flex-end">
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHint')}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            leftSection={<IconFileSpreadsheet size={16} />}
            value={file}
            onChange={setFile}
            w={420}
            clearable
          />
          <Button disabled={!file || busy} loading={open.isPending} onClick={() => file && open.mutate(file)}>
            {t('imports.read')}
          </Button>
        </Group>
        {busy && (
          <Stack gap={4} mt="md" data-testid="import-progress">
            <Text size="sm">
              {phase === 'reading'
                ? t('imports.reading', { done: status.data?.done ?? 0 })
                : t('imports.checking', { done: status.data?.done ?? 0, total: status.data?.total ?? 0 })}
            </Text>
            <Group>
              <Progress
                style={{ flex: 1 }}
                animated
                value={phase === 'checking' && status.data?.total ? (100 * (status.data.done ?? 0)) / status.data.total : 100}
              />
              <Button size="xs" variant="default" color="red" leftSection={<IconPlayerStop size={14} />} onClick={() => cancel.mutate()}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {(phase === 'failed' || phase === 'cancelled') && (
          <Alert color={phase === 'failed' ? 'red' : 'gray'} mt="md">
            {t(status.data?.error ?? 'imports.cancelled')}
          </Alert>
        )}
      </Paper>

      {jobId && status.data && status.data.sheets.length > 0 && phase !== 'committed' && (
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('imports.columnsTitle')}
          </Title>
          <Select
            label={t('imports.sheet')}
            w={320}
            allowDeselect={false}
            data={status.data.sheets.map((s, i) => ({ value: String(i), label: `${s.name} (${t('imports.rowsN', { n: s.rows })})` }))}
            value={String(sheet)}
            onChange={(v) => setSheet(Number(v))}
          />
          {columnError && (
            <Alert color="red" mt="sm" data-testid="import-columns-error">
              {columnError}
            </Alert>
          )}
          {columns.data && (
            <>
              <Text size="sm" c="dimmed" mt="sm">
                {t('imports.headerFound', { row: columns.data.headerRow + 1, rows: columns.data.dataRows })}
              </Text>
              <SimpleGrid cols={3} mt="xs" spacing="xs">
                {IMPORT_FIELDS.map((f: ImportField) => (
                  <Select
                    key={f}
                    size="xs"
                    label={t(`importField.${f}`)}
                    clearable
                    placeholder={t('imports.notMapped')}
                    data={headerOptions}
                    value={mapping[f] === undefined ? null : String(mapping[f])}
                    onChange={(v) => setMapping((m) => ({ ...m, [f]: v === null ? undefined : Number(v) }))}
                  />
                ))}
              </SimpleGrid>
              <Group mt="md">
                <Button onClick={() => check.mutate()} loading={check.isPending} disabled={busy}>
                  {t('imports.check')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('imports.checkHint')}
                </Text>
              </Group>
            </>
          )}
        </Paper>
      )}

      {counts && (phase === 'checked' || phase === 'committed') && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Group gap="xs" data-testid="import-counts">
              {(['new', 'update', 'unchanged', 'error'] as const).map((a) => (
                <Badge key={a} color={ACTION_COLOR[a]} variant="light" size="lg" tt="none">
                  {`${t(`importAction.${a}`)}: ${counts[a]}`}
                </Badge>
              ))}
            </Group>
            {phase === 'checked' ? (
              <Button color="teal" onClick={() => commit.mutate()} loading={commit.isPending} disabled={toSave === 0}>
                {t('imports.commit', { n: toSave })}
              </Button>
            ) : (
              <Group>
                <Alert color="teal" py={6}>
                  {t('imports.saved')}
                </Alert>
                <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => report.mutate(status.data!.reportId!)}>
                  {t('imports.downloadReport')}
                </Button>
              </Group>
            )}
          </Group>
          <SegmentedControl
            mb="sm"
            value={only}
            onChange={(v) => setOnly(v as typeof only)}
            data={(['all', 'new', 'update', 'unchanged', 'error'] as const).map((a) => ({
              value: a,
              label: a === 'all' ? t('imports.all') : t(`importAction.${a}`),
            }))}
          />
          <DataTable data={rows.data?.rows ?? []} columns={tableColumns} getRowId={(r) => String(r.row)} height="420px" testId="import-rows" />
        </Paper>
      )}

      <ImportHistory reports={history.data ?? []} onDownload={(id) => report.mutate(id)} />
    </Stack>
  );
}

function ImportHistory({ reports, onDownload }: { reports: Awaited<ReturnType<typeof call<'imports.history'>>>; onDownload: (id: string) => void }) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  if (reports.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('imports.history')}
      </Title>
      <Table fz="sm">
        <Table.Tbody>
          {reports.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.createdAt, zone, locale)}</Table.Td>
              <Table.Td>{`${r.filename} · ${r.sheet}`}</Table.Td>
              <Table.Td>{r.createdBy}</Table.Td>
              <Table.Td>{t('imports.historyCounts', { n: r.counts.new, u: r.counts.update, e: r.counts.error })}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={() => onDownload(r.id)}>
                  {t('imports.report')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
