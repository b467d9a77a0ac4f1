import { translate } from '../../shared/i18n/index';
import type { Period } from '../../shared/periods';
import { chartSeriesInput, reportCharts } from '../../shared/reportCharts';
import type { ReportResult, ReportScope, ReportSeries } from '../../shared/reports';
import type { AppContext, Call } from './context';
import type { DocumentModel } from './documents/model';
import { seriesHandlers } from './reportSeries';
import { officeToday } from './settings';

/**
 * The printed report's charts: the same charts as the Laporan screen (shared/reportCharts.ts), their
 * months asked of `reports.series` and their breakdowns taken from the report's own figures, with
 * the Indonesian labels the page prints. The months are part of what the printed report's code
 * stands for (reportPrinting.ts `reportFiguresHash`): a change to an earlier month shown on a chart
 * is a new version.
 */
export function chartSeries(ctx: AppContext, period: Period, scope: ReportScope, call: Call): ReportSeries {
  // The series handler reads synchronously; its type allows a promise, which it never returns.
  return seriesHandlers(ctx)['reports.series'](chartSeriesInput(period, scope, officeToday(ctx)), call) as ReportSeries;
}

export function printedCharts(r: ReportResult, period: Period, series: ReportSeries): NonNullable<DocumentModel['charts']> {
  const t = (key: string, params?: Parameters<typeof translate>[2]) => translate('id', key, params);
  const items = reportCharts(period, r, series, 'id', t).map((c) => ({
    title: c.title,
    kind: c.kind,
    categories: c.bars.map((b) => b.label),
    series: [{ name: t(`reports.unit.${c.unit}`), values: c.bars.map((b) => b.value) }],
    unit: t(`reports.unit.${c.unit}`),
  }));
  return { heading: t('reports.chart.heading'), items };
}
