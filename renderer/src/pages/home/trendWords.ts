import { MONTHS, type Locale } from '../../../../shared/format';
import type { ReportScope, ReportSeries, SeriesMonth } from '../../../../shared/reports';
import { formatNumber } from '../reports/reportFormat';

/** Beranda's three trends: active clients, referrals made, reporting compliance. */
export const TREND_CODES = ['klien_aktif', 'rujukan_layanan', 'wl_kepatuhan'] as const;
export type TrendCode = (typeof TREND_CODES)[number];
/** The cards' own words: "rujukan_layanan" is the count of referrals made, not its breakdown. */
export const TREND_LABEL = { klien_aktif: 'home.trend.active', rujukan_layanan: 'home.trend.referrals', wl_kepatuhan: 'home.trend.compliance' } as const;

/** Opens the records behind month `i`'s figure of `code` for `scope` (`office` names it at a Bapas induk). */
export type OpenRecords = (code: TrendCode, i: number, scope: ReportScope, office?: string) => void;

export const valuesOf = (s: ReportSeries, code: string, office: string | null) => s.lines.find((l) => l.code === code && l.office === office)?.values ?? [];

type T = (key: string, params?: Record<string, string | number>) => string;

/** "Desember 2026" from a series month (the server's label is Indonesian only). */
export function monthName(m: SeriesMonth, locale: Locale): string {
  return `${MONTHS[locale][Number(m.from.slice(5, 7)) - 1]} ${m.from.slice(0, 4)}`;
}

/** "Des": a trend chart's tick. */
export function monthShort(m: SeriesMonth, locale: Locale): string {
  return MONTHS[locale][Number(m.from.slice(5, 7)) - 1]!.slice(0, 3);
}

/** "s.d. 2 Desember": the current month counts only the days so far. */
export function soFar(m: SeriesMonth, locale: Locale, t: T): string {
  return t('home.trend.soFar', { date: `${Number(m.to.slice(8, 10))} ${MONTHS[locale][Number(m.to.slice(5, 7)) - 1]}` });
}

/** A figure as the report writes it: 1.234, or 81,8% for a share. */
export function figureText(v: number | null, percent: boolean, locale: Locale): string {
  if (v === null) return '—';
  return `${formatNumber(v, locale)}${percent ? '%' : ''}`;
}

/**
 * This month against last month in words, with an arrow that only repeats them: "naik 3 dari
 * Oktober", "turun 2,5 poin dari Oktober", "sama dengan Oktober". A share with nothing due either
 * month cannot be compared.
 */
export function changeWords(now: number | null, before: number | null, previous: SeriesMonth, percent: boolean, locale: Locale, t: T) {
  const month = MONTHS[locale][Number(previous.from.slice(5, 7)) - 1]!;
  if (now === null || before === null) return { arrow: '', text: t('home.trend.noCompare', { month }) };
  // Rounded as shown, so "sama" never hides a difference the figures themselves show.
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return { arrow: '=', text: t('home.trend.same', { month }) };
  const n = formatNumber(Math.abs(diff), locale);
  const amount = percent ? t('home.trend.points', { n }) : n;
  return diff > 0 ? { arrow: '▲', text: t('home.trend.up', { amount, month }) } : { arrow: '▼', text: t('home.trend.down', { amount, month }) };
}
