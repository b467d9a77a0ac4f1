import { sql, type RawBuilder } from 'kysely';
import type { Dimension, Flag } from '../../../shared/indicators';
import type { RecordCell } from '../../../shared/reports';

/** What every report query is asked: the days, the instants they span, whose records, and the office's calendar. */
export interface ReportWindow {
  readonly from: string;
  readonly to: string;
  /** The UTC instant the office day `from` begins: `created_at >= startInstant` means made in the period. */
  readonly startInstant: string;
  /** The UTC instant after office day `to`: `created_at < endInstant` means made by the period's end. */
  readonly endInstant: string;
  /** Office codes whose records count (`origin`); null for every record the office holds. */
  readonly origins: readonly string[] | null;
  /** "Akan berakhir" this many days before an agreement's end. */
  readonly warnDays: number;
  /** The office's today: a due date whose window has not closed by then is still open. */
  readonly today: string;
  readonly holidays: ReadonlySet<string>;
}

/** One combination of dimension values and flags with how many records have it and their amounts' sum. */
export interface Tally {
  readonly dims: Readonly<Partial<Record<Dimension, string | null>>>;
  readonly labels: Readonly<Partial<Record<Dimension, string | null>>>;
  readonly flags: Readonly<Partial<Record<Flag, number>>>;
  readonly n: number;
  readonly amount: number;
}

/** Which of a query's records a figure (or one breakdown row of it) stands for. */
export interface Selection {
  readonly filter: Readonly<Partial<Record<Flag, 0 | 1>>>;
  readonly dim?: Dimension;
  /** With `dim`: the value (null: records that do not state it). */
  readonly key?: string | null;
}

export type RecordRow = Readonly<Record<string, RecordCell>>;

/** A named query: every figure is tallied from it in one statement, and its records listed by the same text. */
export interface ReportQuery {
  tally(w: ReportWindow): Tally[];
  /** The tallies of several windows of one scope (a year's months), read in one pass where the query can; else one by one. */
  tallyEach?(ws: readonly ReportWindow[]): Tally[][];
  records(w: ReportWindow, s: Selection): RecordRow[];
}

/** `alias.origin` among the scope's offices (always true for every record). */
export function inScope(alias: string, w: ReportWindow): RawBuilder<unknown> {
  if (w.origins === null) return sql`1`;
  if (w.origins.length === 0) return sql`0`;
  return sql`${sql.ref(`${alias}.origin`)} IN (${sql.join(w.origins)})`;
}

/** A SQL condition as a plain 0 or 1. */
export const flag = (cond: RawBuilder<unknown>) => sql`COALESCE((${cond}), 0)`;

/** Each window's tallies: in one pass where the query has one. */
export const tallyEach = (q: ReportQuery, ws: readonly ReportWindow[]): Tally[][] => (q.tallyEach ? q.tallyEach(ws) : ws.map((w) => q.tally(w)));
