import { Badge, Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { WRITERS, type InputOf } from '../../../../shared/contract';
import { formatDay, formatDayShort } from '../../../../shared/format';
import type { PartnerRow } from '../../../../shared/types';
import { displayPhone } from '../../../../shared/validate';
import type { PARTNER_SORT_FIELDS } from '../../../../shared/schemas/partners';
import { useSession } from '../../app/session';
import { useOffice } from '../../app/useOffice';
import { DataTable } from '../../components/DataTable';
import { bidangOptions, categoryOptions, serviceLabel, STATUS_COLOR, statusOptions } from '../../components/labels';
import { useDebounced } from '../../components/useDebounced';
import { useExport } from '../../components/useExport';
import { fitWidth, labelOf } from '../../components/fitWidth';
import { ExportMenu, type ExportChoice } from '../../components/ExportMenu';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { officeColumns } from '../../components/officeColumn';
import { useEmptyRegister } from '../../components/EmptyRegister';

type Filter = Omit<InputOf<'partners.list'>, 'limit' | 'offset'>;
const LIMIT = 1000;
const col = createColumnHelper<PartnerRow>();
/** The "Kantor" filter's choice for no filter; office codes are upper case, so it cannot be one. */
const ALL_OFFICES = 'all';
const Nowrap = ({ children, title }: { children: ReactNode; title?: string }) => (
  <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={title}>
    {children}
  </Text>
);
type SortId = (typeof PARTNER_SORT_FIELDS)[number];

export function PartnerList() {
  const { t, locale } = useI18n();
  const session = useSession();
  const { settings, zone } = useOffice();
  // A Bapas induk holds its posts' partners too: it shows whose each one is and can narrow to one office.
  const isParent = settings?.office.kind === 'induk';
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<Omit<Filter, 'q' | 'sort' | 'dir'>>({
    bidang: null,
    category: null,
    institutionType: null,
    service: null,
    status: null,
    regencyCode: null,
    origin: null,
    archived: 'active',
  });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const debouncedQ = useDebounced(q, 200);
  const sort = (sorting[0]?.id ?? 'name') as SortId;
  const query: Filter = { ...filter, q: debouncedQ, sort, dir: sorting[0]?.desc ? 'desc' : 'asc' };

  const list = useQuery({
    queryKey: ['partners.list', query],
    queryFn: () => call('partners.list', { ...query, limit: LIMIT }),
    placeholderData: keepPreviousData,
  });
  const empty = useEmptyRegister('partners', list.data?.rows.length);
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const kinds = useQuery({ queryKey: ['institutionTypes.list'], queryFn: () => call('institutionTypes.list', {}) });
  // Not only the coverage: at a Bapas induk the posts' partners keep their own kabupaten.
  const regencies = useQuery({ queryKey: ['wilayah.inRecords'], queryFn: () => call('wilayah.inRecords', {}) });
  const offices = useQuery({ queryKey: ['keys.list'], queryFn: () => call('keys.list', {}), enabled: isParent });
  const officeOptions = useMemo(
    () => [
      { value: ALL_OFFICES, label: t('partners.allOffices') },
      ...(settings ? [{ value: settings.office.code, label: `${settings.office.name} (${settings.office.code})` }] : []),
      ...(offices.data ?? []).filter((o) => o.relation === 'post').map((o) => ({ value: o.officeCode, label: `${o.officeName} (${o.officeCode})` })),
    ],
    [t, settings, offices.data],
  );
  const exporter = useExport((c: ExportChoice) =>
    call('partners.export', { filter: query, format: c === 'xlsx' ? 'xlsx' : 'csv', separator: c === 'csvComma' ? 'comma' : 'semicolon' }),
  );

  const serviceOptions = useMemo(() => (services.data ?? []).map((s) => ({ value: s.code, label: serviceLabel(s, locale) })), [services.data, locale]);
  const regencyOptions = useMemo(() => (regencies.data ?? []).map((r) => ({ value: r.code, label: r.name })), [regencies.data]);
  const kindOptions = useMemo(() => (kinds.data ?? []).map((k) => ({ value: k.code, label: serviceLabel(k, locale) })), [kinds.data, locale]);
  const kindNames = useMemo(() => new Map(kindOptions.map((k) => [k.value, k.label])), [kindOptions]);
  const serviceNames = useMemo(() => new Map((services.data ?? []).map((s) => [s.code, serviceLabel(s, locale)])), [services.data, locale]);
  const columns = useMemo(
    () => [
      col.accessor('name', {
        id: 'name',
        header: t('partners.name'),
        meta: { minWidth: 180 },
        // The services under the name: one column less, so the list fits a 1366-pixel screen.
        // One line a partner, so ten fit a 768-pixel screen; the services are in the tooltip and on its page.
        cell: (c) => (
          <Text fw={500} size="sm" lineClamp={1} title={[c.getValue(), c.row.original.services.map((s) => serviceNames.get(s) ?? s).join(', ')].join('\n')}>
            {c.getValue()}
          </Text>
        ),
      }),
      // The bidang under the category, likewise.
      col.accessor('category', {
        id: 'category',
        header: t('partners.category'),
        cell: (c) => (
          <Text
            size="sm"
            lineClamp={1}
            style={{ overflowWrap: 'anywhere' }}
            title={[t(`category.${c.getValue()}`), c.row.original.bidang.map((b) => t(`bidang.${b}`)).join(', ')].join('\n')}
          >
            {t(`category.${c.getValue()}`)}
          </Text>
        ),
      }),
      col.accessor('institutionType', {
        id: 'institutionType',
        header: t('partners.institutionType'),
        enableSorting: false,
        cell: (c) => {
          const name = c.getValue() ? (kindNames.get(c.getValue()!) ?? c.getValue()!) : null;
          return (
            <Text size="sm" lineClamp={1} style={{ overflowWrap: 'anywhere' }} title={name ?? undefined} c={name ? undefined : 'dimmed'}>
              {name ?? t('common.none')}
            </Text>
          );
        },
      }),
      ...officeColumns(col, isParent, t('partners.office')),
      col.accessor('regencyName', {
        id: 'regency',
        header: t('partners.regency'),
        meta: { minWidth: 120 },
        cell: (c) => {
          // A partner at the level of a province stands for the whole province.
          const p = c.row.original.provinceName;
          const name = c.getValue() ?? (p ? t('partners.provinceLevel', { province: p }) : null);
          return (
            <Text size="sm" lineClamp={1} title={name ?? undefined}>
              {name ?? t('common.none')}
            </Text>
          );
        },
      }),
      col.accessor('phone', {
        id: 'phone',
        header: t('partners.phone'),
        enableSorting: false,
        cell: (c) => <Nowrap>{c.getValue() ? displayPhone(c.getValue()) : ''}</Nowrap>,
      }),
      col.accessor('status', {
        id: 'status',
        header: t('partners.status'),
        cell: (c) => (
          <Group gap={4} wrap="nowrap">
            <Badge color={STATUS_COLOR[c.getValue()]} variant="light">
              {t(`status.${c.getValue()}`)}
            </Badge>
            {c.row.original.archivedAt && (
              <Badge color="gray" variant="outline">
                {t('common.archived')}
              </Badge>
            )}
            {!c.row.original.archivedAt && !c.row.original.hasAgreementInForce && (
              <Badge color="orange" variant="outline" title={t('agreements.noActive')}>
                {t('agreements.noActiveShort')}
              </Badge>
            )}
          </Group>
        ),
      }),
      col.accessor('updatedAt', {
        id: 'updatedAt',
        header: t('partners.updatedAt'),
        // The short form leaves the width to the names; the full date is in the tooltip.
        cell: (c) => <Nowrap title={formatDay(c.getValue(), zone, locale)}>{formatDayShort(c.getValue(), zone)}</Nowrap>,
      }),
    ],
    [t, locale, zone, serviceNames, kindNames, isParent],
  );

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const set =
    <K extends keyof typeof filter>(k: K) =>
    (v: (typeof filter)[K] | null) =>
      setFilter((f) => ({ ...f, [k]: v }));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('partners.title')}</Title>
        <Group gap="xs">
          <SegmentedControl
            aria-label={t('partners.filter.archived')}
            value={filter.archived ?? 'active'}
            onChange={(v) => set('archived')(v as 'active' | 'archived' | 'all')}
            data={(['active', 'archived', 'all'] as const).map((v) => ({ value: v, label: t(`partners.filter.archived.${v}`) }))}
          />
          <ExportMenu loading={exporter.isPending} onChoose={(c) => exporter.mutate(c)} />
          {session.can(WRITERS) && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/mitra/baru')}>
              {t('partners.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('partners.searchShort')}
          title={t('partners.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={190}
          data-testid="partner-search"
        />
        <Select
          aria-label={t('partners.bidang')}
          placeholder={t('partners.bidang')}
          clearable
          data={bidangOptions(t)}
          value={filter.bidang ?? null}
          onChange={(v) => set('bidang')(v as never)}
          w={fitWidth(130, labelOf(bidangOptions(t), filter.bidang))}
        />
        <Select
          aria-label={t('partners.category')}
          placeholder={t('partners.category')}
          clearable
          data={categoryOptions(t)}
          value={filter.category ?? null}
          onChange={(v) => set('category')(v as never)}
          w={fitWidth(140, labelOf(categoryOptions(t), filter.category))}
        />
        <Select
          aria-label={t('partners.institutionType')}
          placeholder={t('partners.institutionType')}
          clearable
          searchable
          data={kindOptions}
          value={filter.institutionType ?? null}
          onChange={(v) => set('institutionType')(v)}
          w={fitWidth(150, labelOf(kindOptions, filter.institutionType))}
          data-testid="partner-kind-filter"
        />
        <Select
          aria-label={t('partners.services')}
          placeholder={t('partners.serviceFilter')}
          clearable
          searchable
          data={serviceOptions}
          value={filter.service ?? null}
          onChange={(v) => set('service')(v)}
          w={fitWidth(130, labelOf(serviceOptions, filter.service))}
        />
        <Select
          aria-label={t('partners.status')}
          placeholder={t('partners.status')}
          clearable
          data={statusOptions(t)}
          value={filter.status ?? null}
          onChange={(v) => set('status')(v as never)}
          w={fitWidth(110, labelOf(statusOptions(t), filter.status))}
        />
        <Select
          aria-label={t('partners.regency')}
          placeholder={t('partners.regency')}
          clearable
          data={regencyOptions}
          value={filter.regencyCode ?? null}
          onChange={(v) => set('regencyCode')(v)}
          w={fitWidth(160, labelOf(regencyOptions, filter.regencyCode))}
        />
        {isParent && (
          <Select
            aria-label={t('partners.office')}
            allowDeselect={false}
            data={officeOptions}
            value={filter.origin ?? ALL_OFFICES}
            onChange={(v) => set('origin')(v === ALL_OFFICES ? null : v)}
            w={220}
            comboboxProps={{ width: 320, position: 'bottom-start' }}
            data-testid="partner-office"
          />
        )}
      </Group>
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        sorting={sorting}
        onSortingChange={setSorting}
        onRowClick={(r) => navigate(`/mitra/${r.id}`)}
        height="calc(100vh - 214px)"
        testId="partner-table"
        empty={empty}
      />
      <Text size="sm" c="dimmed" data-testid="partner-count">
        {t('common.rowsShown', { shown: rows.length, total })}
        {total > rows.length ? ` · ${t('partners.limited', { shown: rows.length })}` : ''}
      </Text>
    </Stack>
  );
}
