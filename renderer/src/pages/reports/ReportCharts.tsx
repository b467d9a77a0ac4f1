import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { INDICATOR_BY_CODE } from '../../../../shared/indicators';
import { periodLabel } from '../../../../shared/periods';
import { chartSeriesInput, reportCharts, type ChartBar, type ReportChart } from '../../../../shared/reportCharts';
import type { BreakdownRow, Figure, ReportResult } from '../../../../shared/reports';
import { useOfficeToday } from '../../app/useOffice';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import type { RecordsRequest } from './RecordsDrawer';
import { formatNumber } from './reportFormat';

/**
 * The report's charts under its figures (shared/reportCharts.ts, the same as the printed report's):
 * the month against the five before (a month report), active clients by programme, referrals and
 * activities by bidang, compliance over twelve months. A bar or point opens the records behind it
 * in the drawer the figures open: that month's for a series, the breakdown row's for a breakdown.
 */
export function ReportCharts({
  input,
  report,
  onFigure,
  onRecords,
}: {
  input: InputOf<'reports.compute'>;
  report: ReportResult;
  onFigure: (f: Figure, b: BreakdownRow) => void;
  onRecords: (r: RecordsRequest) => void;
}) {
  const { t, locale } = useI18n();
  const today = useOfficeToday();
  const seriesInput = chartSeriesInput(input.period, input.scope ?? { kind: 'all' }, today);
  const series = useQuery({
    queryKey: ['reports.series', seriesInput],
    queryFn: () => call('reports.series', seriesInput),
    placeholderData: keepPreviousData,
  });
  const charts = reportCharts(input.period, report, series.data ?? null, locale, t);
  const open = (c: ReportChart, bar: ChartBar | undefined) => {
    if (bar?.row) {
      const f = report.figures.find((x) => x.code === c.code);
      if (f) onFigure(f, bar.row);
    } else if (bar?.month) {
      const m = bar.month;
      const label = periodLabel({ kind: 'month', year: Number(m.from.slice(0, 4)), month: Number(m.from.slice(5, 7)) }, locale);
      onRecords({
        input: { period: m.period, scope: input.scope, code: c.code },
        title: INDICATOR_BY_CODE.get(c.code)!.name[locale],
        periodLabel: t('reports.periodLine', { label, from: formatDate(m.from, locale), to: formatDate(m.to, locale) }),
      });
    }
  };
  if (charts.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="report-charts">
      <Title order={4}>{t('reports.chart.heading')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('reports.chart.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} spacing="md" verticalSpacing="lg">
        {charts.map((c) => (
          <OneChart key={c.id} chart={c} onOpen={(i) => open(c, c.bars[i])} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** One chart under its title; the title is also its accessible name, the values are printed on it. */
function OneChart({ chart: c, onOpen }: { chart: ReportChart; onOpen: (index: number) => void }) {
  const { t, locale } = useI18n();
  const percent = c.unit === 'persen';
  const unit = t(`reports.unit.${c.unit}`);
  const format = (v: number) => `${formatNumber(v, locale)}${percent ? '%' : ''}`;
  const data = c.bars.map((b) => ({ label: b.label, value: b.value }));
  const series = [{ name: 'value', label: unit, color: 'blue.6' }];
  // A click anywhere over a bar's or a point's place opens its records.
  const onClick = (state: { activeTooltipIndex?: number | string | null }) => {
    const i = Number(state.activeTooltipIndex);
    if (state.activeTooltipIndex !== undefined && state.activeTooltipIndex !== null && Number.isInteger(i)) onOpen(i);
  };
  const common = {
    data,
    dataKey: 'label',
    series,
    valueFormatter: format,
    tickLine: 'none' as const,
    style: { cursor: 'pointer' },
  };
  return (
    <Stack gap={4} role="img" aria-label={c.title} data-testid={`report-chart-${c.id}`} miw={0}>
      <Text size="sm" fw={600} lh={1.3}>
        {c.title}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reports.head.unit')}: {unit}
        {c.bars.every((b) => b.value === null) ? ` · ${t('reports.chart.empty')}` : ''}
      </Text>
      {c.kind === 'line' ? (
        <LineChart
          {...common}
          h={170}
          curveType="linear"
          connectNulls={false}
          withPointLabels
          yAxisProps={{ domain: [0, 100] }}
          lineChartProps={{ onClick, margin: { top: 16, right: 12 } }}
        />
      ) : c.kind === 'column' ? (
        <BarChart
          {...common}
          h={170}
          withBarValueLabel
          yAxisProps={{ allowDecimals: false }}
          barProps={{ onClick: (_: unknown, i: number) => onOpen(i) }}
          barChartProps={{ margin: { top: 16 } }}
        />
      ) : (
        <BarChart
          {...common}
          h={Math.max(90, 26 * c.bars.length + 30)}
          orientation="vertical"
          withBarValueLabel
          yAxisProps={{ width: 150 }}
          xAxisProps={{ allowDecimals: false }}
          gridAxis="none"
          barProps={{ onClick: (_: unknown, i: number) => onOpen(i) }}
        />
      )}
    </Stack>
  );
}
