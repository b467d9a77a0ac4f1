import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { contract } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/format';
import { readableChanges, recordLabel } from '../../../shared/readableChanges';
import { AUDIT_ENTITIES } from '../../../shared/recordFields';
import type { AuditEntry } from '../../../shared/types';
import { isIsoDate } from '../../../shared/validate';
import { useOffice } from '../app/useOffice';
import { ChangeTable, useReader } from '../components/ChangeTable';
import { DataTable } from '../components/DataTable';
import { RequireRole } from '../components/Forbidden';
import { TechnicalDetail } from '../components/TechnicalDetail';
import { showError } from '../components/forms';
import { useDebounced } from '../components/useDebounced';
import { useExport } from '../components/useExport';
import { useI18n } from '../i18n';
import { call } from '../rpc';
import { DateField } from '../components/DateField';

const col = createColumnHelper<AuditEntry>();

export function AuditPage() {
  return (
    <RequireRole roles={contract['audit.list'].access}>
      <Audit />
    </RequireRole>
  );
}

function Audit() {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const [userId, setUserId] = useState<string | null>(null);
  const [entity, setEntity] = useState<string | null>(null);
  const [record, setRecord] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const users = useQuery({ queryKey: ['users.names'], queryFn: () => call('users.names', {}) });
  // A date that cannot be read carries its message on its field and filters nothing meanwhile.
  const day = (d: string | null) => (d && isIsoDate(d) ? d : null);
  const filter = { userId, entity: entity ?? '', record: useDebounced(record.trim(), 300), from: day(from), to: day(to) };
  const log = useInfiniteQuery({
    queryKey: ['audit.list', filter],
    queryFn: ({ pageParam }) => call('audit.list', { ...filter, limit: 200, beforeSeq: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.hasMore ? (last.entries[last.entries.length - 1]?.seq ?? null) : null),
  });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}), onError: (e) => showError(e, t) });
  const exporter = useExport(() => call('audit.export', filter));
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);
  // Each page names its own records; together they name every entry shown.
  const names = useMemo(() => Object.assign({}, ...(log.data?.pages.map((p) => p.names) ?? [])) as Record<string, string>, [log.data]);
  const reader = useReader(names);

  const columns = useMemo(
    () => [
      col.accessor('seq', { header: '#' }),
      col.accessor('at', { header: t('common.time'), cell: (c) => formatDateTime(c.getValue(), zone, locale) }),
      col.accessor('userName', { header: t('common.user') }),
      col.accessor('action', { header: t('audit.action'), cell: (c) => t(`audit.action.${c.getValue()}`) }),
      col.accessor('entity', { header: t('audit.entity'), cell: (c) => t(`audit.entity.${c.getValue()}`) }),
      col.accessor('entityId', { header: t('audit.record'), cell: (c) => recordLabel(c.row.original, { t, locale, names }) }),
    ],
    [t, zone, locale, names],
  );

  const v = verify.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Group gap="xs">
          <Button variant="default" loading={exporter.isPending} onClick={() => exporter.mutate()} data-testid="audit-export">
            {t('common.export')}
          </Button>
          <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('audit.verify')}
          </Button>
        </Group>
      </Group>
      {v && (
        <Alert color={v.ok ? 'teal' : 'red'} data-testid="audit-verify">
          {v.ok ? t('audit.verify.ok', { checked: v.checked }) : t(`audit.verify.${v.problem ?? 'edited'}`, { seq: v.firstBadSeq ?? 0 })}
        </Alert>
      )}
      <Group gap="xs" align="flex-end">
        <Select
          label={t('common.user')}
          clearable
          searchable
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={userId}
          onChange={setUserId}
          w={200}
        />
        <Select
          label={t('audit.entity')}
          clearable
          searchable
          data={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
          value={entity}
          onChange={setEntity}
          w={190}
        />
        <TextInput
          label={t('audit.record')}
          placeholder={t('audit.recordHint')}
          value={record}
          onChange={(e) => setRecord(e.currentTarget.value)}
          w={300}
          data-testid="audit-record"
        />
        <DateField label={t('audit.from')} valueFormat="D MMM YYYY" clearable value={from} onChange={setFrom} w={150} />
        <DateField label={t('audit.to')} valueFormat="D MMM YYYY" clearable value={to} onChange={setTo} w={150} />
      </Group>
      <DataTable data={entries} columns={columns} getRowId={(e) => String(e.seq)} onRowClick={setOpen} height="calc(100vh - 300px)" testId="audit-table" />
      {log.hasNextPage && (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t('audit.loadMore')}
        </Button>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? `#${open.seq} · ${t(`audit.action.${open.action}`)} · ${t(`audit.entity.${open.entity}`)} · ${recordLabel(open, reader)}` : ''}
        size="xl"
      >
        {open && (
          <Stack gap="xs" data-testid="audit-detail">
            <Text size="sm">
              {open.userName} · {formatDateTime(open.at, zone, locale)}
            </Text>
            <ChangeTable rows={readableChanges(open.entity, open.before, open.after, reader)} />
            <TechnicalDetail>
              {t('record.technicalId')}: <Code>{open.entityId}</Code>
            </TechnicalDetail>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
