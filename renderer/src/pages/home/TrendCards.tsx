import { AreaChart } from '@mantine/charts';
import { Alert, Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { InputOf } from '../../../../shared/contract';
import { INDICATOR_BY_CODE } from '../../../../shared/indicators';
import type { ReportScope, ReportSeries } from '../../../../shared/reports';
import { formatDate } from '../../../../shared/format';
import { useOffice } from '../../app/useOffice';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { RecordsDrawer, type RecordsRequest } from '../reports/RecordsDrawer';
import { OfficeTrends } from './OfficeTrends';
import { changeWords, figureText, monthName, monthShort, soFar, TREND_CODES, TREND_LABEL, valuesOf, type OpenRecords, type TrendCode } from './trendWords';

/**
 * This month against last month and the twelve months before, each figure opening its records.
 * Its own query: the rest of Beranda never waits for it.
 */
export function TrendCards() {
  const { t, locale } = useI18n();
  const settings = useOffice().settings;
  const isParent = settings?.office.kind === 'induk';
  const input: InputOf<'reports.series'> = { months: 12, codes: [...TREND_CODES], ...(isParent ? { perOffice: true } : {}) };
  // Read again each time Beranda opens (the figures span clients, referrals and check-ins, whose
  // registers refresh only their own keys); the last figures stay on screen meanwhile.
  const series = useQuery({ queryKey: ['reports.series', input], queryFn: () => call('reports.series', input), enabled: settings !== null, staleTime: 0 });
  const [open, setOpen] = useState<RecordsRequest | null>(null);
  const s = series.data;

  const openRecords: OpenRecords = (code, i, scope, office) => {
    const m = s?.months[i];
    if (!m) return;
    const name = INDICATOR_BY_CODE.get(code)!.name[locale];
    const label = monthName(m, locale);
    setOpen({
      input: { period: m.period, scope, code },
      title: office ? `${name}: ${office}` : name,
      periodLabel: t('reports.periodLine', { label, from: formatDate(m.from, locale), to: formatDate(m.to, locale) }),
    });
  };

  return (
    <Stack gap="sm" data-testid="home-trends">
      <Group justify="space-between" align="baseline">
        <Title order={4}>{t('home.trend.title')}</Title>
        {s && (
          <Text size="sm" c="dimmed">
            {t('home.trend.compared', { now: monthName(s.months.at(-1)!, locale), before: monthName(s.months.at(-2)!, locale) })}
            {s.months.at(-1)!.partial ? ` (${soFar(s.months.at(-1)!, locale, t)})` : ''}
          </Text>
        )}
      </Group>
      {series.isError ? (
        <Alert color="red">{t('rpc.internal')}</Alert>
      ) : (
        <SimpleGrid cols={3}>
          {TREND_CODES.map((code) =>
            s ? (
              <TrendCard key={code} code={code} series={s} onOpen={openRecords} />
            ) : (
              <Skeleton key={code} height={190} radius="md" data-testid="home-trend-loading" />
            ),
          )}
        </SimpleGrid>
      )}
      {isParent && s && <OfficeTrends series={s} ownCode={settings.office.code} onOpen={openRecords} />}
      <RecordsDrawer request={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function TrendCard({ code, series, onOpen }: { code: TrendCode; series: ReportSeries; onOpen: OpenRecords }) {
  const { t, locale } = useI18n();
  const ind = INDICATOR_BY_CODE.get(code)!;
  const percent = ind.unit === 'persen';
  const values = valuesOf(series, code, null);
  const last = series.months.length - 1;
  const [now, before] = [values[last] ?? null, values[last - 1] ?? null];
  const change = changeWords(now, before, series.months[last - 1]!, percent, locale, t);
  const data = series.months.map((m, i) => ({ month: monthShort(m, locale), value: values[i] ?? null }));
  const scope: ReportScope = series.scope;
  return (
    <Card withBorder padding="sm" data-testid={`home-trend-${code}`}>
      <Text size="sm" fw={600}>
        {t(TREND_LABEL[code])}
      </Text>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Anchor
          component="button"
          type="button"
          fz={28}
          fw={700}
          lh={1.2}
          onClick={() => onOpen(code, last, scope)}
          aria-label={`${t(TREND_LABEL[code])} ${monthName(series.months[last]!, locale)}: ${figureText(now, percent, locale)}`}
          data-testid={`home-trend-${code}-now`}
        >
          {figureText(now, percent, locale)}
        </Anchor>
        <Text size="xs" c="dimmed" ta="right">
          {`${monthShort(series.months[last - 1]!, locale)}: `}
          <Anchor component="button" type="button" fz="xs" onClick={() => onOpen(code, last - 1, scope)} data-testid={`home-trend-${code}-before`}>
            {figureText(before, percent, locale)}
          </Anchor>
        </Text>
      </Group>
      <Text size="sm" data-testid={`home-trend-${code}-change`}>
        {change.arrow && (
          <Text span aria-hidden fw={700} mr={4}>
            {change.arrow}
          </Text>
        )}
        {change.text}
      </Text>
      <AreaChart
        h={80}
        mt="xs"
        data={data}
        dataKey="month"
        series={[{ name: 'value', label: t(TREND_LABEL[code]), color: 'blue.6' }]}
        curveType="linear"
        withYAxis={false}
        gridAxis="none"
        tickLine="none"
        connectNulls={false}
        xAxisProps={{ interval: 'preserveStartEnd', fontSize: 10 }}
        valueFormatter={(v) => figureText(v, percent, locale)}
      />
    </Card>
  );
}
