import { Badge, Button, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconPlus, IconSearch, IconTemplate } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../../../shared/agreements';
import { ADMIN, WRITERS } from '../../../../shared/contract';
import type { Bidang } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import type { AgreementRow } from '../../../../shared/types';
import { useSession } from '../../app/session';
import { AGREEMENT_STATUS_COLOR } from '../../components/agreementStatus';
import { DataTable } from '../../components/DataTable';
import { bidangOptions } from '../../components/labels';
import { useExport } from '../../components/useExport';
import { useDebounced } from '../../components/useDebounced';
import { fitWidth, labelOf } from '../../components/fitWidth';
import { rangeOf } from '../../../../shared/schemas/limits';
import { AgreementListInput } from '../../../../shared/schemas/agreements';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { usePartnerOptions } from '../../components/usePartnerOptions';
import { useEmptyRegister } from '../../components/EmptyRegister';

const col = createColumnHelper<AgreementRow>();

export function AgreementList() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  // The home screen opens this list pre-filtered (?status=akan_berakhir).
  const initialStatus = new URLSearchParams(useSearch()).get('status');
  const [status, setStatus] = useState<AgreementStatus | null>(
    (AGREEMENT_STATUSES as readonly string[]).includes(initialStatus ?? '') ? (initialStatus as AgreementStatus) : null,
  );
  // Take the filter over, then drop it from the address so the sidebar link opens the full list.
  useEffect(() => {
    if (initialStatus) navigate('/pks?', { replace: true });
  }, [initialStatus, navigate]);
  const [bidang, setBidang] = useState<Bidang | null>(null);
  const [expiring, setExpiring] = useState<number | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const partners = usePartnerOptions({});
  const [qTyped, setQ] = useState('');
  const q = useDebounced(qTyped, 250);
  const filter = { status, bidang, partnerId, expiringWithinDays: expiring, q };
  const list = useQuery({ queryKey: ['agreements.list', filter], queryFn: () => call('agreements.list', filter), placeholderData: keepPreviousData });
  const empty = useEmptyRegister('agreements', list.data?.length);
  const exporter = useExport(() => call('agreements.export', filter));

  const columns = useMemo(
    () => [
      col.accessor('officeNumber', {
        header: t('agreements.officeNumber'),
        meta: { minWidth: 180 },
        // A draft's automatic number comes with its signing; the cell says so instead of staying blank.
        cell: (c) =>
          c.getValue() ?? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('agreements.numberOnSigning')}
            </Text>
          ),
      }),
      col.accessor('partnerName', { header: t('agreements.partner'), meta: { minWidth: 180 } }),
      col.accessor('subject', {
        header: t('agreements.subject'),
        cell: (c) => (
          <Text size="sm" lineClamp={2}>
            {c.getValue()}
          </Text>
        ),
      }),
      col.accessor('startDate', { header: t('agreements.startDate'), cell: (c) => formatDate(c.getValue(), locale), meta: { minWidth: 130 } }),
      col.accessor('endDate', { header: t('agreements.endDate'), cell: (c) => formatDate(c.getValue(), locale), meta: { minWidth: 130 } }),
      col.accessor('status', {
        header: t('agreements.status'),
        meta: { minWidth: 170 },
        cell: (c) => (
          <Badge color={AGREEMENT_STATUS_COLOR[c.getValue()]} variant="light">
            {t(`agreement.status.${c.getValue()}`)}
          </Badge>
        ),
      }),
    ],
    [t, locale],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('agreements.title')}</Title>
        <Group gap="xs">
          {session.can(ADMIN) && (
            <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => navigate('/pks/templat')}>
              {t('templates.title')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporter.isPending} onClick={() => exporter.mutate()}>
            Excel (.xlsx)
          </Button>
          {session.can(WRITERS) && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/pks/baru')}>
              {t('agreements.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('agreements.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
          data-testid="agreement-search"
        />
        <Select
          aria-label={t('agreements.status')}
          placeholder={t('agreements.status')}
          clearable
          data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreement.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as AgreementStatus | null)}
          w={170}
        />
        <Select
          aria-label={t('agreements.partner')}
          placeholder={t('agreements.partner')}
          clearable
          {...partners.pickerProps}
          value={partnerId}
          onChange={setPartnerId}
          w={240}
        />
        <Select
          aria-label={t('partners.bidang')}
          placeholder={t('partners.bidang')}
          clearable
          data={bidangOptions(t)}
          value={bidang}
          onChange={(v) => setBidang(v as Bidang | null)}
          w={fitWidth(150, labelOf(bidangOptions(t), bidang))}
        />
        <NumberInput
          aria-label={t('agreements.expiringWithin')}
          placeholder={t('agreements.expiringWithin')}
          {...rangeOf(AgreementListInput.shape.expiringWithinDays)}
          allowDecimal={false}
          value={expiring ?? ''}
          onChange={(v) => setExpiring(typeof v === 'number' ? v : null)}
          w={200}
        />
      </Group>
      <DataTable
        data={list.data ?? []}
        columns={columns}
        getRowId={(r) => r.id}
        onRowClick={(r) => navigate(`/pks/${r.id}`)}
        height="calc(100vh - 250px)"
        testId="agreement-table"
        empty={empty}
      />
      <Text size="sm" c="dimmed">
        {t('common.rowsShown', { shown: list.data?.length ?? 0, total: list.data?.length ?? 0 })}
      </Text>
    </Stack>
  );
}
