import { sql } from 'kysely';
import { addDays } from '../../../shared/agreements';
import { CHECKIN_KINDS, HOME_VISIT_AFTER, schedule, type CheckinKind, type DueRow } from '../../../shared/checkins';
import type { Reporting } from '../../../shared/clients';
import type { Db } from '../../connection';
import { underSupervisionOn } from '../caseload';
import { runSql } from './sqlQuery';
import { inScope, type RecordRow, type ReportQuery, type ReportWindow, type Selection, type Tally } from './window';

/**
 * Section 6 (wajib lapor): the due dates come from the one schedule rule (shared/checkins.ts
 * `schedule`, with the office's holidays and each client's tracked-from day), so the report and a
 * client's page never disagree. Two reads per figure set: the clients, then their check-ins.
 */

interface ClientRow {
  id: string;
  register_number: string;
  name: string;
  origin: string;
  status: string;
  status_date: string;
  supervision_start: string;
  supervision_end: string;
  reporting: Reporting;
  reporting_from: string;
}

interface CheckinRow {
  client_id: string;
  date: string;
  kind: CheckinKind;
}

const clientCols = sql`c.id, c.register_number, c.name, c.origin, c.status, c.status_date, c.supervision_start, c.supervision_end, c.reporting, c.reporting_from`;

/** Check-ins of the clients the condition picks, from `since` to `until`, by client. */
function checkinsOf(db: Db, where: ReturnType<typeof sql>, since: string | null, until: string): Map<string, CheckinRow[]> {
  const rows = runSql<CheckinRow>(
    db,
    sql`SELECT k.client_id, k.date, k.kind FROM checkins k JOIN clients c ON c.id = k.client_id
      WHERE ${where} AND k.deleted_at IS NULL AND k.date <= ${until} ${since ? sql`AND k.date >= ${since}` : sql``}`,
  );
  const by = new Map<string, CheckinRow[]>();
  // Pushed in place: copying each client's list on every row made this quadratic in a client's check-ins.
  for (const r of rows) {
    const mine = by.get(r.client_id);
    if (mine) mine.push(r);
    else by.set(r.client_id, [r]);
  }
  return by;
}

/** The kind of the check-in that met a due date (the earliest kind listed on that day). */
const kindOn = (checkins: readonly CheckinRow[], date: string | null): CheckinKind | null =>
  date === null ? null : (CHECKIN_KINDS.find((k) => checkins.some((c) => c.date === date && c.kind === k)) ?? null);

const scheduleOf = (c: ClientRow, checkins: readonly CheckinRow[], w: ReportWindow): DueRow[] =>
  schedule(
    c.supervision_start,
    c.supervision_end,
    c.reporting,
    checkins.map((k) => k.date),
    w.today,
    { from: c.reporting_from, holidays: w.holidays },
  );

interface Item {
  readonly tally: Omit<Tally, 'n' | 'amount'>;
  readonly row: RecordRow;
}

function jsQuery(build: (w: ReportWindow) => Item[]): ReportQuery {
  return {
    tally: (w) => {
      const by = new Map<string, Tally>();
      for (const { tally } of build(w)) {
        const key = JSON.stringify([tally.dims, tally.flags]);
        const t = by.get(key);
        by.set(key, t ? { ...t, n: t.n + 1 } : { ...tally, n: 1, amount: 0 });
      }
      return [...by.values()];
    },
    records: (w, s: Selection) =>
      build(w)
        .filter(({ tally }) => Object.entries(s.filter).every(([f, v]) => tally.flags[f as keyof typeof tally.flags] === v))
        .filter(({ tally }) => !s.dim || (tally.dims[s.dim] ?? null) === (s.key ?? null))
        .map(({ row }) => row),
  };
}

/** Every due date (after the move to a working day) in the period of a client who was still open then. */
export const duesQuery = (db: Db): ReportQuery =>
  jsQuery((w) => {
    const where = sql`c.deleted_at IS NULL AND c.reporting <> 'tidak' AND c.supervision_start <= ${w.to} AND c.supervision_end >= ${w.from}
      AND (c.status = 'aktif' OR c.status_date > ${w.from}) AND ${inScope('c', w)}`;
    const clients = runSql<ClientRow>(db, sql`SELECT ${clientCols} FROM clients c WHERE ${where} ORDER BY c.name, c.register_number`);
    // A window opens at most a month and a grace before its due date and closes a grace after it.
    const checkins = checkinsOf(db, where, addDays(w.from, -45), addDays(w.to, 10));
    const items: Item[] = [];
    for (const c of clients) {
      const mine = checkins.get(c.id) ?? [];
      for (const d of scheduleOf(c, mine, w)) {
        if (d.due < w.from || d.due > w.to) continue;
        // A record closed (dicabut, pindah…) owes nothing from the day it was closed.
        if (c.status !== 'aktif' && d.due >= c.status_date) continue;
        const status = d.status === 'met' ? 'met' : d.status === 'missed' ? 'missed' : 'open';
        const kind = kindOn(mine, d.checkin);
        items.push({
          tally: { dims: { kind }, labels: {}, flags: { met: status === 'met' ? 1 : 0, missed: status === 'missed' ? 1 : 0 } },
          row: { register: c.register_number, name: c.name, due: d.due, dueStatus: status, checkin: d.checkin, kind, office: c.origin, amount: 0 },
        });
      }
    }
    return items.sort((a, b) => String(a.row.due).localeCompare(String(b.row.due)));
  });

/** How far back the miss streaks read every client's check-ins at first. */
const RECENT_DAYS = 120;

/** How many of the last closed due dates in a row went unreported. */
function missRun(closed: readonly DueRow[]): number {
  let streak = 0;
  while (streak < closed.length && closed[closed.length - 1 - streak]!.checkin === null) streak++;
  return streak;
}

/** Clients under supervision on the last day whose last HOME_VISIT_AFTER (or more) closed due dates all went unreported. */
export const missStreaksQuery = (db: Db): ReportQuery =>
  jsQuery((w) => {
    const where = sql`c.deleted_at IS NULL AND c.reporting <> 'tidak' AND ${underSupervisionOn('c', w.to)} AND ${inScope('c', w)}`;
    const clients = runSql<ClientRow>(db, sql`SELECT ${clientCols} FROM clients c WHERE ${where} ORDER BY c.name, c.register_number`);
    // A due date is met by a check-in inside its own window, and the windows do not depend on the
    // check-ins, so the recent check-ins settle every recent window. Only a client whose run of
    // misses reaches back past them has the rest of their check-ins read (by the client index).
    const cutoff = addDays(w.to, -RECENT_DAYS);
    const recent = checkinsOf(db, where, cutoff, w.to);
    const items: Item[] = [];
    for (const c of clients) {
      // As it stood on the last day: the windows closed by then, with the check-ins made by then.
      let closed = scheduleOf(c, recent.get(c.id) ?? [], w).filter((d) => d.closes <= w.to);
      let streak = missRun(closed);
      if (streak > 0 && closed[closed.length - streak]!.opens < cutoff) {
        closed = scheduleOf(c, checkinsOf(db, sql`c.id = ${c.id}`, null, w.to).get(c.id) ?? [], w).filter((d) => d.closes <= w.to);
        streak = missRun(closed);
      }
      if (streak < HOME_VISIT_AFTER) continue;
      const since = closed[closed.length - streak]!.due;
      items.push({
        tally: { dims: {}, labels: {}, flags: {} },
        row: { register: c.register_number, name: c.name, streak, since, office: c.origin, amount: 0 },
      });
    }
    return items;
  });
