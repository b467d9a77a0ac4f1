import { Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { CLIENT_STANDINGS, type ClientStanding, type Program } from '../../../../shared/clients';
import { WRITERS, type InputOf } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import type { CLIENT_SORTS } from '../../../../shared/schemas/clients';
import type { ClientRow } from '../../../../shared/types';
import { useSession } from '../../app/session';
import { useOffice } from '../../app/useOffice';
import { DataTable } from '../../components/DataTable';
import { PkFilter } from '../../components/PkFilter';
import { CLIENT_STATUS_COLOR, clientStandingLabel, clientStandingOptions, programOptions } from '../../components/labels';
import { useDebounced } from '../../components/useDebounced';
import { useExport } from '../../components/useExport';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { officeColumns } from '../../components/officeColumn';
import { useEmptyRegister } from '../../components/EmptyRegister';

const LIMIT = 1000;

/** `/klien?status=berakhir` (from the home screen) opens the list on that standing; aktif otherwise. */
function initialStanding(search: string): ClientStanding | null {
  const asked = new URLSearchParams(search).get('status');
  return (CLIENT_STANDINGS as readonly string[]).includes(asked ?? '') ? (asked as ClientStanding) : 'aktif';
}
const col = createColumnHelper<ClientRow>();
type SortId = (typeof CLIENT_SORTS)[number];

/** The client register: search by any part of the name, register number or NIK; filters; server-side sort. */
export function ClientList() {
  const { t, locale } = useI18n();
  const session = useSession();
  const { settings } = useOffice();
  // A Bapas induk holds its posts' clients too: it shows whose each one is.
  const isParent = settings?.office.kind === 'induk';
  const [, navigate] = useLocation();
  const search = useSearch();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ClientStanding | null>(() => initialStanding(search));
  const [program, setProgram] = useState<Program | null>(null);
  const [pkUserId, setPk] = useState<string | null>(null);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const debouncedQ = useDebounced(q, 200);
  const query: InputOf<'clients.list'> = {
    q: debouncedQ,
    status,
    program,
    pkUserId,
    sort: (sorting[0]?.id ?? 'name') as SortId,
    dir: sorting[0]?.desc ? 'desc' : 'asc',
    limit: LIMIT,
  };
  const list = useQuery({ queryKey: ['clients.list', query], queryFn: () => call('clients.list', query), placeholderData: keepPreviousData });
  const empty = useEmptyRegister('clients', list.data?.rows.length);
  const exporter = useExport(() => call('clients.export', { ...query, limit: 1000 }));

  const columns = useMemo(
    () => [
      col.accessor('registerNumber', {
        id: 'registerNumber',
        header: t('clients.registerNumber'),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {c.getValue()}
          </Text>
        ),
      }),
      col.accessor('name', {
        id: 'name',
        header: t('clients.name'),
        meta: { minWidth: 190 },
        cell: (c) => (
          <Group gap={6} wrap="nowrap">
            <Text fw={500} size="sm">
              {c.getValue()}
            </Text>
            {c.row.original.isChild && (
              <Badge size="xs" color="grape" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
                {t('clients.child')}
              </Badge>
            )}
          </Group>
        ),
      }),
      col.accessor('nik', {
        id: 'nik',
        header: 'NIK',
        enableSorting: false,
        cell: (c) => (
          <Text size="sm" ff="monospace">
            {c.getValue() ?? ''}
          </Text>
        ),
      }),
      ...officeColumns(col, isParent, t('partners.office')),
      col.accessor('program', { id: 'program', header: t('clients.program'), cell: (c) => t(`program.${c.getValue()}`) }),
      col.accessor('pkName', { id: 'pk', header: 'PK', enableSorting: false, cell: (c) => c.getValue() ?? t('common.none') }),
      col.accessor('phase', { id: 'phase', header: t('clients.phaseShort'), enableSorting: false, cell: (c) => t(`phase.${c.getValue()}`) }),
      col.accessor('supervisionEnd', {
        id: 'supervisionEnd',
        header: t('clients.supervisionEnd'),
        meta: { minWidth: 120 },
        cell: (c) => formatDate(c.getValue(), locale),
      }),
      col.accessor('standing', {
        id: 'status',
        header: t('clients.status'),
        enableSorting: false,
        cell: (c) => (
          <Badge color={CLIENT_STATUS_COLOR[c.getValue()]} variant="light" style={{ flexShrink: 0 }}>
            {clientStandingLabel(t, c.getValue())}
          </Badge>
        ),
      }),
    ],
    [t, locale, isParent],
  );
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('clients.title')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporter.isPending} onClick={() => exporter.mutate()}>
            Excel (.xlsx)
          </Button>
          {session.can(WRITERS) && (
            <>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => navigate('/klien/impor')}>
                {t('nav.import')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/klien/baru')}>
                {t('clients.add')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Group gap="xs" align="flex-end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('clients.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={300}
          data-autofocus
        />
        <Select
          aria-label={t('clients.status')}
          placeholder={t('clients.status')}
          clearable
          data={clientStandingOptions(t)}
          value={status}
          onChange={(v) => setStatus(v as ClientStanding | null)}
          w={status === 'berakhir' ? 250 : 160}
        />
        <Select
          aria-label={t('clients.program')}
          placeholder={t('clients.program')}
          clearable
          data={programOptions(t)}
          value={program}
          onChange={(v) => setProgram(v as Program | null)}
          w={220}
        />
        <PkFilter value={pkUserId} onChange={setPk} w={220} />
      </Group>
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        sorting={sorting}
        onSortingChange={setSorting}
        onRowClick={(r) => navigate(`/klien/${r.id}`)}
        height="calc(100vh - 250px)"
        testId="client-table"
        empty={empty}
      />
      <Text size="sm" c="dimmed" data-testid="client-count">
        {t('common.rowsShown', { shown: rows.length, total })}
        {total > rows.length ? ` · ${t('partners.limited', { shown: rows.length })}` : ''}
      </Text>
    </Stack>
  );
}
