import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { ADMIN } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/format';
import type { AuditEntry } from '../../../shared/types';
import { isIsoDate } from '../../../shared/validate';
import { useOffice } from '../app/useOffice';
import { DataTable } from '../components/DataTable';
import { RequireRole } from '../components/Forbidden';
import { showError } from '../components/forms';
import { useI18n } from '../i18n';
import { call } from '../rpc';
import { ChangeTable } from './partners/PartnerDetail';
import { DateField } from '../components/DateField';

const col = createColumnHelper<AuditEntry>();
const ENTITIES = ['partner', 'pokmas_group', 'agreement', 'user', 'settings', 'service_type'] as const;

export function AuditPage() {
  return (
    <RequireRole roles={ADMIN}>
      <Audit />
    </RequireRole>
  );
}

/** Field-level changes between two audit snapshots (objects), for the detail dialog. */
function changesOf(e: AuditEntry) {
  const b = (e.before ?? {}) as Record<string, unknown>;
  const a = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

function Audit() {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const [userId, setUserId] = useState<string | null>(null);
  const [entity, setEntity] = useState<string | null>(null);
  const [entityId, setEntityId] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const users = useQuery({ queryKey: ['users.names'], queryFn: () => call('users.names', {}) });
  // A date that cannot be read carries its message on its field and filters nothing meanwhile.
  const day = (d: string | null) => (d && isIsoDate(d) ? d : null);
  const filter = { userId, entity: entity ?? '', entityId: entityId.trim(), from: day(from), to: day(to) };
  const log = useInfiniteQuery({
    queryKey: ['audit.list', filter],
    queryFn: ({ pageParam }) => call('audit.list', { ...filter, limit: 200, beforeSeq: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.hasMore ? (last.entries[last.entries.length - 1]?.seq ?? null) : null),
  });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}), onError: (e) => showError(e, t) });
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);

  const columns = useMemo(
    () => [
      col.accessor('seq', { header: '#' }),
      col.accessor('at', { header: t('common.time'), cell: (c) => formatDateTime(c.getValue(), zone, locale) }),
      col.accessor('userName', { header: t('common.user') }),
      col.accessor('action', { header: t('audit.action'), cell: (c) => t(`audit.action.${c.getValue()}`) }),
      col.accessor('entity', { header: t('audit.entity'), cell: (c) => t(`audit.entity.${c.getValue()}`) }),
      col.accessor('entityId', {
        header: t('audit.record'),
        cell: (c) => (
          <Text size="xs" ff="monospace">
            {c.getValue()}
          </Text>
        ),
      }),
    ],
    [t, zone, locale],
  );

  const v = verify.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
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
          data={ENTITIES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
          value={entity}
          onChange={setEntity}
          w={180}
        />
        <TextInput label={t('audit.record')} value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} w={300} />
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
        title={open ? `#${open.seq} · ${t(`audit.action.${open.action}`)} · ${t(`audit.entity.${open.entity}`)}` : ''}
        size="xl"
      >
        {open && (
          <Stack gap="xs">
            <Text size="sm">
              {open.userName} · {formatDateTime(open.at, zone, locale)}
            </Text>
            <ChangeTable changes={changesOf(open)} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
