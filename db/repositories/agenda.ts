import { sql } from 'kysely';
import type { Db } from '../connection';
import type { AgendaFilter } from '../../shared/checkins';
import { FORTNIGHT_PHASE_OF_START, MONTH_DAY_OF_START } from '../migrations/0021_office_counts_agenda';

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

export interface AgendaCandidate {
  readonly id: string;
  readonly name_key: string;
  readonly supervision_start: string;
  readonly supervision_end: string;
  readonly reporting: 'bulanan' | 'dua_mingguan';
  readonly reporting_from: string;
  readonly last_checkin: string | null;
}

const keyIn = (keys: readonly number[] | null, expr: string) =>
  keys === null ? sql`1` : keys.length === 0 ? sql`0` : sql`${sql.raw(expr)} IN (${sql.join([...keys])})`;

/**
 * Each part repeats its index's WHERE terms word for word (the planner uses a partial index only
 * then) and reads the index alone: every column selected is in it.
 */
export function agendaCandidates(db: Db, today: string, f: AgendaFilter): AgendaCandidate[] {
  // INDEXED BY: the planner would otherwise take the index by standing and test every client
  // under supervision (it cannot tell how few keys the list lets through); and a change that
  // stops the index from serving this query fails loudly instead of slowing down.
  const part = (reporting: 'bulanan' | 'dua_mingguan', keys: readonly number[] | null, expr: string, index: string) =>
    sql`SELECT id, name_key, supervision_start, supervision_end, ${sql.lit(reporting)} AS reporting, reporting_from, last_checkin
      FROM clients INDEXED BY ${sql.raw(index)} WHERE deleted_at IS NULL AND status = 'aktif' AND reporting = ${sql.lit(reporting)}
      AND ${keyIn(keys, expr)} AND supervision_end >= ${today}`;
  const q = sql<AgendaCandidate>`${part('bulanan', monthDaysOf(f), MONTH_DAY_OF_START, 'clients_agenda_monthly')}
    UNION ALL ${part('dua_mingguan', fortnightPhasesOf(f), FORTNIGHT_PHASE_OF_START, 'clients_agenda_fortnightly')}`;
  return db.all({ compile: () => q.compile(db.q) });
}

/** The rows a page of the agenda shows, by id (in no order). */
export const agendaRows = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db.all(
        db.q
          .selectFrom('clients as c')
          .leftJoin('users as u', 'u.id', 'c.pk_user_id')
          .select([
            'c.id',
            'c.name',
            'c.register_number',
            'c.supervision_start',
            'c.supervision_end',
            'c.reporting',
            'c.last_checkin',
            'c.reporting_from',
            'c.pk_user_id',
            'u.name as pk_name',
          ])
          .where('c.id', 'in', ids as string[]),
      );
