import { createHash } from 'node:crypto';
import { periodLabel, type Period } from '../../shared/periods';
import type { ReportResult, ReportScope, ReportSeries } from '../../shared/reports';

/**
 * A printed report in the register of printed documents. A report is no record of its own: it is
 * named by its period and scope, written in the register's `number` as a key the verification
 * screen can read back ("month/2026/11 own"), and its `entity_id` is an id made from that key and
 * the printing office, so a post's and its parent's prints of "November 2026" never share a
 * version numbering when the post's register arrives in a bundle.
 *
 * Its content hash is the figures' (the report's and, for a year, each month's), not the printed
 * page's: the page carries the day it was printed, and the question a reader asks is whether the
 * figures still stand.
 */

const YEAR = '(\\d{4})';
const DAY = '(\\d{4}-\\d{2}-\\d{2})';
/** The key's shape, also the bundle rule for a printed report's number (electron/services/bundles/rowRules.ts). */
export const REPORT_KEY = new RegExp(
  `^(?:month/${YEAR}/(1[0-2]|[1-9])|quarter/${YEAR}/([1-4])|semester/${YEAR}/([12])|year/${YEAR}|range/${DAY}/${DAY}) (all|own|post:[A-Z0-9-]{2,20})$`,
);

export function reportKey(period: Period, scope: ReportScope): string {
  const p =
    period.kind === 'month'
      ? `month/${period.year}/${period.month}`
      : period.kind === 'quarter'
        ? `quarter/${period.year}/${period.quarter}`
        : period.kind === 'semester'
          ? `semester/${period.year}/${period.semester}`
          : period.kind === 'year'
            ? `year/${period.year}`
            : `range/${period.from}/${period.to}`;
  return `${p} ${scope.kind === 'post' ? `post:${scope.code}` : scope.kind}`;
}

/** The period and scope a key names; null for a key this app never wrote. */
export function parseReportKey(key: string): { period: Period; scope: ReportScope } | null {
  const m = REPORT_KEY.exec(key);
  if (!m) return null;
  const n = (i: number) => Number(m[i]);
  const period: Period =
    m[1] !== undefined
      ? { kind: 'month', year: n(1), month: n(2) }
      : m[3] !== undefined
        ? { kind: 'quarter', year: n(3), quarter: n(4) }
        : m[5] !== undefined
          ? { kind: 'semester', year: n(5), semester: n(6) }
          : m[7] !== undefined
            ? { kind: 'year', year: n(7) }
            : { kind: 'range', from: m[8]!, to: m[9]! };
  const s = m[10]!;
  const scope: ReportScope = s === 'all' || s === 'own' ? { kind: s } : { kind: 'post', code: s.slice(5) };
  return { period, scope };
}

/** An id in the shape of the app's ids (UUIDv7 layout), the same for the same office and key. */
export function reportEntityId(origin: string, key: string): string {
  const h = createHash('sha256').update(`laporan:${origin}:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The hash of what a printed report says: its period, every figure of it and of its months, and the months its charts show. */
export function reportFiguresHash(r: ReportResult, months: readonly ReportResult[], charts: ReportSeries): string {
  const part = (x: ReportResult) => ({ from: x.from, to: x.to, figures: x.figures });
  const series = { months: charts.months.map((m) => [m.from, m.to]), lines: charts.lines };
  return createHash('sha256')
    .update(JSON.stringify({ report: part(r), months: months.map(part), charts: series }))
    .digest('hex');
}

/** "November 2026", "Tahun 2026 · Pos Bapas Curup": what the verification screen shows as the report's number. */
export const reportNumberLine = (period: Period, scopeName: string | null) => (scopeName ? `${periodLabel(period)} · ${scopeName}` : periodLabel(period));
