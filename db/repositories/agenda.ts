import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connection';
import type { AgendaFilter } from '../../shared/checkins';
import { FORTNIGHT_PHASE_OF_START, MONTH_DAY_OF_START } from '../migrations/0021_office_counts_agenda';
import { REPORTING_CLIENT_COLUMNS } from './checkins';

/**
 * The agenda's candidates read from the indexes of migration 0021: clients under supervision with
 * a reporting duty whose start can put a due date in the window (shared/checkins.ts agendaFilter),
 * with only what the next due date and the order need. The filter's tests are turned into the set
 * of start days (1 to 31) or fortnight phases (0 to 13) they let through, so the read is an
 * indexed lookup of those keys instead of a test of every client under supervision.
 */

/**
 * The days of the month a monthly client may have started on: the filter's test (the nominal due
 * date of a month is the start's day clamped to the month's last day, and must lie between the
 * days of lo and hi), tried on each day.
 */
export function monthDaysOf(f: AgendaFilter): number[] | null {
  const m = f.monthly;
  if (m === null) return null;
  const days: number[] = [];
  for (let day = 1; day <= 31; day++) {
    const ok = m.sameMonth
      ? Math.min(day, m.loLast) >= m.loDay && Math.min(day, m.loLast) <= m.hiDay
      : Math.min(day, m.loLast) >= m.loDay || Math.min(day, m.hiLast) <= m.hiDay;
    if (ok) days.push(day);
  }
  return days;
}

/** SQLite's `CAST(julianday(d) AS INTEGER)` for an ISO date: the Julian day number at noon, less a half. */
export const julianDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 2_440_587.5);

/**
 * The fortnight phases (the start's Julian day mod 14) whose start lies 0 to span−1 days of a
 * fortnight before `hi`, i.e. `(julianday(hi) − julianday(start)) mod 14 < span`. A start
 * after `hi` is left out here; it has no due date by `hi` at all.
 */
export function fortnightPhasesOf(f: AgendaFilter): number[] | null {
  if (f.fortnightSpan === null) return null;
  const j = julianDay(f.hi);
  return Array.from({ length: f.fortnightSpan }, (_, t) => (((j - t) % 14) + 14) % 14);
}

/** Clients who share a start, a tracked-from day and a reporting: one schedule, up to their end. */
export interface AgendaGroup {
  readonly reporting: 'bulanan' | 'dua_mingguan';
  readonly supervision_start: string;
  readonly reporting_from: string;
  readonly n: number;
  readonly min_end: string;
}

export interface AgendaClient {
  readonly id: string;
  readonly name_key: string;
  readonly reporting: 'bulanan' | 'dua_mingguan';
  readonly supervision_start: string;
  readonly supervision_end: string;
  readonly reporting_from: string;
}

type Part = 'bulanan' | 'dua_mingguan';

const keyIn = (keys: readonly number[] | null, expr: string) =>
  keys === null ? sql`1` : keys.length === 0 ? sql`0` : sql`${sql.raw(expr)} IN (${sql.join([...keys])})`;
const PARTS: readonly { reporting: Part; expr: string; index: string }[] = [
  { reporting: 'bulanan', expr: MONTH_DAY_OF_START, index: 'clients_agenda_monthly' },
  { reporting: 'dua_mingguan', expr: FORTNIGHT_PHASE_OF_START, index: 'clients_agenda_fortnightly' },
];

/** A stored date that is a real ISO date in range (shared/validate.ts isIsoDate in SQL). */
const sound = (column: string) => sql`(date(${sql.ref(column)}) IS ${sql.ref(column)} AND ${sql.ref(column)} BETWEEN '1900-01-01' AND '2200-12-31')`;

/**
 * The candidates of one reporting, with the key set `keys` (null: any). Each part repeats its
 * index's WHERE terms word for word (the planner uses a partial index only then). INDEXED BY: the
 * planner would otherwise take the index by standing and test every client under supervision (it
 * cannot tell how few keys the list lets through), and a change that stops the index from serving
 * the agenda fails loudly instead of slowing it down. The end and last check-in must be dates
 * (services/checkins.ts scheduleSound); the start and tracked-from day are checked per group.
 */
function candidates(part: (typeof PARTS)[number], keys: readonly number[] | null, today: string) {
  return sql`FROM clients INDEXED BY ${sql.raw(part.index)}
    WHERE deleted_at IS NULL AND status = 'aktif' AND reporting = ${sql.lit(part.reporting)}
    AND ${keyIn(keys, part.expr)} AND supervision_end >= ${today}
    AND ${sound('supervision_end')} AND supervision_start <= supervision_end AND (last_checkin IS NULL OR ${sound('last_checkin')})`;
}

const keysOf = (f: AgendaFilter, reporting: Part) => (reporting === 'bulanan' ? monthDaysOf(f) : fortnightPhasesOf(f));
const run = <R>(db: Db, q: RawBuilder<R>) => db.all({ compile: () => q.compile(db.q) });
const union = <R>(parts: RawBuilder<unknown>[]) => sql<R>`${sql.join(parts, sql` UNION ALL `)}`;

/** The window's candidates grouped by schedule: one row per start, tracked-from day and reporting, however many clients share it. */
export const agendaGroups = (db: Db, today: string, f: AgendaFilter) =>
  run(
    db,
    union<AgendaGroup>(
      PARTS.map(
        (p) =>
          sql`SELECT ${sql.lit(p.reporting)} AS reporting, supervision_start, reporting_from, count(*) AS n, min(supervision_end) AS min_end
          ${candidates(p, keysOf(f, p.reporting), today)} GROUP BY supervision_start, reporting_from`,
      ),
    ),
  );

/** The window's candidates whose supervision ends before `before`, one by one. */
export const agendaEnding = (db: Db, today: string, f: AgendaFilter, before: string) =>
  run(
    db,
    union<AgendaClient>(
      PARTS.map(
        (p) =>
          sql`SELECT id, name_key, ${sql.lit(p.reporting)} AS reporting, supervision_start, supervision_end, reporting_from
          ${candidates(p, keysOf(f, p.reporting), today)} AND supervision_end < ${before}`,
      ),
    ),
  );

/** The members of the groups `groups` whose supervision lasts until `day` at least (their next due date), by id and name. */
export function agendaMembers(db: Db, today: string, groups: readonly AgendaGroup[], day: string) {
  const parts = PARTS.flatMap((p) => {
    const mine = groups.filter((g) => g.reporting === p.reporting);
    if (!mine.length) return [];
    const keys = [...new Set(mine.map((g) => (p.reporting === 'bulanan' ? Number(g.supervision_start.slice(8, 10)) : julianDay(g.supervision_start) % 14)))];
    const pairs = sql.join(mine.map((g) => sql`(${g.supervision_start}, ${g.reporting_from})`));
    return [
      sql`SELECT id, name_key ${candidates(p, keys, today)} AND supervision_end >= ${day}
        AND (supervision_start, reporting_from) IN (VALUES ${pairs})`,
    ];
  });
  return parts.length ? run(db, union<{ id: string; name_key: string }>(parts)) : [];
}

/** The rows a page of the agenda shows, by id (in no order). */
export const agendaRows = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db.all(
        db.q
          .selectFrom('clients as c')
          .leftJoin('users as u', 'u.id', 'c.pk_user_id')
          .select(REPORTING_CLIENT_COLUMNS)
          .where('c.id', 'in', ids as string[]),
      );
