/**
 * The report's charts as data, the same on screen (Laporan) and in the printed report: the month
 * against the five before it (a month report), active clients by programme, referrals and
 * activities by bidang, and wajib lapor compliance over twelve months. Month by month values come
 * from `reports.series`, breakdowns from `reports.compute`'s figures; nothing here counts records.
 */
import type { MessageParams } from './errors';
import { MONTHS, type Locale } from './format';
import { DIMENSIONS, INDICATOR_BY_CODE, type Unit } from './indicators';
import { periodLabel, periodRange, type Period } from './periods';
import type { BreakdownRow, Figure, ReportResult, ReportScope, ReportSeries, SeriesMonth } from './reports';

/** The key figures shown month by month beside a month report. */
export const TREND_CODES = ['klien_aktif', 'rujukan_layanan', 'kegiatan_jenis', 'wl_kepatuhan'] as const;
export const TREND_MONTHS = 6;
export const COMPLIANCE_CODE = 'wl_kepatuhan';
export const COMPLIANCE_MONTHS = 12;
/** The breakdowns drawn as bars: by programme, by bidang. */
export const BREAKDOWN_CODES = ['klien_aktif_program', 'rujukan_bidang', 'kegiatan_bidang'] as const;

type Translate = (key: string, params?: MessageParams) => string;

/** One bar or point: its label, its value, and what opens its records. */
export interface ChartBar {
  readonly label: string;
  readonly value: number | null;
  /** A month of a series: that month's records of the chart's indicator. */
  readonly month?: SeriesMonth;
  /** A breakdown row: the report's records of that row. */
  readonly row?: BreakdownRow;
}

export interface ReportChart {
  /** Stable: `trend-<code>`, `breakdown-<code>`, `compliance`. */
  readonly id: string;
  readonly code: string;
  /** `column`: months across; `bar`: categories down, for long names; `line`: a rate over months. */
  readonly kind: 'column' | 'bar' | 'line';
  readonly title: string;
  readonly unit: Unit;
  readonly bars: readonly ChartBar[];
}

/**
 * What `reports.series` is asked for a report's charts: twelve months ending with the period's last
 * month, or with the current month when the period runs on past today (a series never runs ahead).
 */
export function chartSeriesInput(period: Period, scope: ReportScope, today: string) {
  const { to } = periodRange(period);
  const last = to < today ? to : today;
  return {
    until: { year: Number(last.slice(0, 4)), month: Number(last.slice(5, 7)) },
    months: COMPLIANCE_MONTHS,
    codes: [...TREND_CODES],
    scope,
    perOffice: false,
  };
}

/** "Jun 2026": a month on a chart's axis. */
export function monthTick(m: SeriesMonth, locale: Locale): string {
  return `${MONTHS[locale][Number(m.from.slice(5, 7)) - 1]!.slice(0, 3)} ${m.from.slice(0, 4)}`;
}

const monthPeriod = (m: SeriesMonth): Period => ({ kind: 'month', year: Number(m.from.slice(0, 4)), month: Number(m.from.slice(5, 7)) });

/** A breakdown row's name: from the records for an open list, else the vocabulary's word. */
export function rowName(f: Figure, b: BreakdownRow, t: Translate): string {
  if (b.key === null) return t('reports.notStated');
  const ind = INDICATOR_BY_CODE.get(f.code)!;
  const dim = 'breakdown' in ind && ind.breakdown ? DIMENSIONS[ind.breakdown] : null;
  return b.label ?? (dim?.prefix ? t(`${dim.prefix}${b.key}`) : b.key);
}

/** The charts of a report, in order: the trend (month reports only), the breakdowns, compliance. */
export function reportCharts(period: Period, r: ReportResult, series: ReportSeries | null, locale: Locale, t: Translate): ReportChart[] {
  const name = (code: string) => INDICATOR_BY_CODE.get(code)!.name[locale];
  const unitOf = (code: string) => INDICATOR_BY_CODE.get(code)!.unit;
  const span = (months: readonly SeriesMonth[]) => ({
    from: periodLabel(monthPeriod(months[0]!), locale),
    to: periodLabel(monthPeriod(months.at(-1)!), locale),
  });
  const monthly = (code: string, count: number) => {
    const line = series?.lines.find((l) => l.code === code && l.office === null);
    if (!series || !line) return null;
    const start = Math.max(0, series.months.length - count);
    return series.months.slice(start).map((m, i) => ({ label: monthTick(m, locale), value: line.values[start + i] ?? null, month: m }));
  };
  const out: ReportChart[] = [];
  if (period.kind === 'month') {
    for (const code of TREND_CODES) {
      const bars = monthly(code, TREND_MONTHS);
      if (!bars?.length) continue;
      const title = t('reports.chart.trend', { name: name(code), ...span(bars.map((b) => b.month)) });
      out.push({ id: `trend-${code}`, code, kind: unitOf(code) === 'persen' ? 'line' : 'column', title, unit: unitOf(code), bars });
    }
  }
  for (const code of BREAKDOWN_CODES) {
    const f = r.figures.find((x) => x.code === code);
    if (!f?.breakdown) continue;
    const bars = f.breakdown.map((b) => ({ label: rowName(f, b, t), value: b.value, row: b }));
    out.push({
      id: `breakdown-${code}`,
      code,
      kind: 'bar',
      title: t('reports.chart.breakdown', { name: name(code), period: periodLabel(period, locale) }),
      unit: f.unit,
      bars,
    });
  }
  const compliance = monthly(COMPLIANCE_CODE, COMPLIANCE_MONTHS);
  if (compliance?.length) {
    const title = t('reports.chart.compliance', { count: compliance.length, ...span(compliance.map((b) => b.month)) });
    out.push({ id: 'compliance', code: COMPLIANCE_CODE, kind: 'line', title, unit: 'persen', bars: compliance });
  }
  return out;
}
