import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import type { InputOf } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../../shared/referrals';
import type { Referral } from '../../../../shared/types';
import { isIsoDate } from '../../../../shared/validate';
import { DataTable } from '../../components/DataTable';
import { PkFilter } from '../../components/PkFilter';
import { useEmptyRegister } from '../../components/EmptyRegister';
import { DateField } from '../../components/DateField';
import { DocumentPreview } from '../../components/DocumentPreview';
import { ExportMenu } from '../../components/ExportMenu';
import { REFERRAL_STATUS_COLOR, serviceLabel } from '../../components/labels';
import { useExport } from '../../components/useExport';
import { usePartnerOptions } from '../../components/usePartnerOptions';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';

const col = createColumnHelper<Referral>();
/** One load of the register; beyond it the page says so (the export holds every row). */
const LIMIT = 1000;

/** Register rujukan: every referral of the office, filtered by status, service, partner, PK and period. */
export function ReferralRegister() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [pkUserId, setPk] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  // A date that cannot be read carries its message on its field and filters nothing meanwhile.
  const day = (d: string | null) => (d && isIsoDate(d) ? d : null);
  const filter: InputOf<'referrals.list'> = { status, service, partnerId, pkUserId, from: day(from), to: day(to), clientId: null };
  const list = useQuery({
    queryKey: ['referrals.list', filter],
    queryFn: () => call('referrals.list', { ...filter, limit: LIMIT }),
    placeholderData: keepPreviousData,
  });
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const partners = usePartnerOptions({ archived: 'all' });
  const exporter = useExport(() => call('referrals.export', filter));
  const [printing, setPrinting] = useState(false);
  const serviceNames = useMemo(() => new Map((services.data ?? []).map((s) => [s.code, serviceLabel(s, locale)])), [services.data, locale]);
  const rows = list.data ?? [];
  const empty = useEmptyRegister('referrals', list.data?.length);

  const columns = useMemo(
    () => [
      col.accessor('date', { header: t('referrals.date'), cell: (c) => formatDate(c.getValue(), locale), meta: { minWidth: 130 } }),
      col.accessor('clientName', {
        header: t('referrals.client'),
        cell: (c) => (
          <>
            <Text size="sm" fw={500}>
              {c.getValue()}
            </Text>
            <Text size="xs" c="dimmed">
              {c.row.original.clientRegister}
            </Text>
          </>
        ),
      }),
      col.accessor('partnerName', { header: t('referrals.partner') }),
      col.accessor((r) => serviceNames.get(r.service) ?? r.service, { id: 'service', header: t('referrals.service') }),
      col.accessor((r) => r.pkName ?? '', { id: 'pk', header: 'PK', cell: (c) => c.getValue() || '—' }),
      col.accessor('status', {
        header: t('register.status'),
        meta: { minWidth: 130 },
        cell: (c) => (
          <Badge color={REFERRAL_STATUS_COLOR[c.getValue()]} variant="light">
            {t(`referralStatus.${c.getValue()}`)}
          </Badge>
        ),
      }),
    ],
    [t, locale, serviceNames],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('nav.referrals')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="register-print">
            {t('books.print')}
          </Button>
          <ExportMenu choices={['xlsx']} loading={exporter.isPending} onChoose={() => exporter.mutate()} />
        </Group>
      </Group>
      {printing && <DocumentPreview method="registers.referrals" input={filter} onClose={() => setPrinting(false)} />}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          aria-label={t('register.status')}
          placeholder={t('register.status')}
          clearable
          data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referralStatus.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as ReferralStatus | null)}
          w={140}
          data-testid="register-status"
        />
        <Select
          aria-label={t('referrals.service')}
          placeholder={t('referrals.service')}
          clearable
          searchable
          data={(services.data ?? []).map((s) => ({ value: s.code, label: serviceLabel(s, locale) }))}
          value={service}
          onChange={setService}
          w={200}
        />
        <Select
          aria-label={t('referrals.partner')}
          placeholder={t('referrals.partner')}
          clearable
          {...partners.pickerProps}
          value={partnerId}
          onChange={setPartnerId}
          w={240}
        />
        <PkFilter value={pkUserId} onChange={setPk} w={170} />
        <DateField
          aria-label={t('register.from')}
          placeholder={t('register.from')}
          valueFormat="D MMM YYYY"
          clearable
          value={from}
          onChange={setFrom}
          w={140}
        />
        <DateField aria-label={t('register.to')} placeholder={t('register.to')} valueFormat="D MMM YYYY" clearable value={to} onChange={setTo} w={135} />
      </Group>
      {rows.length >= LIMIT && (
        <Text size="sm" c="orange" data-testid="register-capped">
          {t('register.capped', { n: LIMIT })}
        </Text>
      )}
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        onRowClick={(r) => navigate(`/rujukan/${r.id}`)}
        testId="referral-register"
        empty={empty}
      />
    </Stack>
  );
}
