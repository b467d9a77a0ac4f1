import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/activities';
import { WRITERS, type InputOf } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import type { ActivityRow } from '../../../../shared/types';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { useExport } from '../../components/useExport';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { usePartnerOptions } from '../../components/usePartnerOptions';
import { useEmptyRegister } from '../../components/EmptyRegister';

const col = createColumnHelper<ActivityRow>();

/** Activities by month, type and partner, newest first, with the .xlsx of what is shown. */
/** The most a screen shows at once: a list that stops there says so (the export holds them all). */
const LIMIT = 1000;

export function ActivityList() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const [type, setType] = useState<ActivityType | null>(null);
  const [month, setMonth] = useState('');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const partners = usePartnerOptions({ archived: 'all' });
  const filter: InputOf<'activities.list'> = { type, partnerId, month: /^\d{4}-\d{2}$/.test(month) ? month : null, limit: LIMIT };
  const list = useQuery({ queryKey: ['activities.list', filter], queryFn: () => call('activities.list', filter), placeholderData: keepPreviousData });
  const empty = useEmptyRegister('activities', list.data?.length);
  const exporter = useExport(() => call('activities.export', filter));
  const columns = useMemo(
    () => [
      col.accessor('date', { header: t('common.date'), meta: { minWidth: 130 }, cell: (c) => formatDate(c.getValue(), locale) }),
      col.accessor('type', {
        header: t('activities.type'),
        cell: (c) => (
          <Badge variant="light" tt="none">
            {t(`activityType.${c.getValue()}`)}
          </Badge>
        ),
      }),
      col.accessor('title', { header: t('activities.titleField'), cell: (c) => <Text size="sm">{c.getValue()}</Text> }),
      col.accessor('partnerNames', { header: t('activities.partners'), enableSorting: false, cell: (c) => c.getValue().join(', ') || t('activities.office') }),
      col.accessor('attended', { header: t('activities.attendance'), cell: (c) => `${c.getValue()} / ${c.row.original.participants}` }),
      col.accessor('files', { header: t('activities.files') }),
    ],
    [t, locale],
  );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('activities.listTitle')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporter.isPending} onClick={() => exporter.mutate()}>
            Excel (.xlsx)
          </Button>
          {session.can(WRITERS) && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/kegiatan/baru')}>
              {t('activities.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs">
        <Select
          aria-label={t('activities.type')}
          placeholder={t('activities.type')}
          clearable
          data={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`activityType.${x}`) }))}
          value={type}
          onChange={(v) => setType(v as ActivityType | null)}
          w={220}
        />
        <MonthPickerInput
          aria-label={t('activities.month')}
          placeholder={t('activities.month')}
          valueFormat="MMMM YYYY"
          clearable
          value={month ? `${month}-01` : null}
          onChange={(v) => setMonth(v ? String(v).slice(0, 7) : '')}
          w={190}
        />
        <Select
          aria-label={t('activities.partners')}
          placeholder={t('activities.partners')}
          clearable
          {...partners.pickerProps}
          value={partnerId}
          onChange={setPartnerId}
          w={280}
        />
      </Group>
      {(list.data?.length ?? 0) >= LIMIT && (
        <Text size="sm" c="orange" data-testid="activities-capped">
          {t('activities.capped', { n: LIMIT })}
        </Text>
      )}
      <DataTable
        data={list.data ?? []}
        columns={columns}
        getRowId={(r) => r.id}
        onRowClick={(r) => navigate(`/kegiatan/${r.id}`)}
        height="calc(100vh - 250px)"
        testId="activity-table"
        empty={empty}
      />
    </Stack>
  );
}
