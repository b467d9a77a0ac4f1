/**
 * Reporting periods on the office's calendar: a month, a triwulan (quarter), a semester, a year or
 * any range of days. Every figure of a report is computed over the days `from`..`to` (both
 * included, office dates), and "at the end of the period" means on `to`. Labels are as printed on
 * the reports: "November 2026", "Triwulan IV 2026", "Semester II 2026", "Tahun 2026",
 * "1 Maret – 15 April 2026".
 */
import { addDays } from './agreements';
import type { TimeZoneCode } from './domain';
import { formatDate, MONTHS, type Locale } from './format';

export const PERIOD_KINDS = ['month', 'quarter', 'semester', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'semester'; readonly year: number; readonly semester: number }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthsRange = (year: number, first: number, last: number): DayRange => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
});

/** The first and last day of a period. */
export function periodRange(p: Period): DayRange {
  switch (p.kind) {
    case 'month':
      return monthsRange(p.year, p.month, p.month);
    case 'quarter':
      return monthsRange(p.year, p.quarter * 3 - 2, p.quarter * 3);
    case 'semester':
      return monthsRange(p.year, p.semester * 6 - 5, p.semester * 6);
    case 'year':
      return monthsRange(p.year, 1, 12);
    case 'range':
      return { from: p.from, to: p.to };
  }
}

/** The calendar months a period covers whole (a range covers none unless it runs from a 1st to a month's end). */
export function monthsOf(p: Period): Period[] {
  const { from, to } = periodRange(p);
  const out: Period[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${pad(m)}-01` <= to) {
    const r = monthsRange(y, m, m);
    if (r.from >= from && r.to <= to) out.push({ kind: 'month', year: y, month: m });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** The year a period lies in, or null for a range over two years: a yearly target applies only within its year. */
export function yearOf(p: Period): number | null {
  const { from, to } = periodRange(p);
  return from.slice(0, 4) === to.slice(0, 4) ? Number(from.slice(0, 4)) : null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The period as a report names it. */
export function periodLabel(p: Period, locale: Locale = 'id'): string {
  const id = locale === 'id';
  switch (p.kind) {
    case 'month':
      return `${MONTHS[locale][p.month - 1]} ${p.year}`;
    case 'quarter':
      return id ? `Triwulan ${ROMAN[p.quarter - 1]} ${p.year}` : `Quarter ${ROMAN[p.quarter - 1]} ${p.year}`;
    case 'semester':
      return `Semester ${ROMAN[p.semester - 1]} ${p.year}`;
    case 'year':
      return id ? `Tahun ${p.year}` : `Year ${p.year}`;
    case 'range':
      return rangeLabel(p.from, p.to, locale);
  }
}

/** "1 Maret – 15 April 2026"; the year (and month) written once where both ends share it. */
function rangeLabel(from: string, to: string, locale: Locale): string {
  if (from === to) return formatDate(from, locale);
  const [fy, fm, fd] = [from.slice(0, 4), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  const [ty, tm] = [to.slice(0, 4), Number(to.slice(5, 7))];
  if (fy !== ty) return `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
  if (fm !== tm) return `${fd} ${MONTHS[locale][fm - 1]} – ${formatDate(to, locale)}`;
  return `${fd} – ${formatDate(to, locale)}`;
}

/** Hours the office's zone is ahead of UTC (Indonesia keeps no summer time). */
const ZONE_HOURS: Readonly<Record<TimeZoneCode, number>> = { WIB: 7, WITA: 8, WIT: 9 };

/**
 * The UTC instant at which an office day begins, as stored timestamps are written: a record made
 * on office day `day` or before has `created_at` earlier than `dayStartInstant(addDays(day, 1))`.
 */
export function dayStartInstant(day: string, zone: TimeZoneCode): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - ZONE_HOURS[zone] * 3_600_000).toISOString();
}

/** The instant after the last moment of office day `day`. */
export const dayEndInstant = (day: string, zone: TimeZoneCode) => dayStartInstant(addDays(day, 1), zone);
