import { sql } from 'kysely';
import { addDays } from '../../../shared/agreements';
import {
  CHECKIN_KINDS,
  GRACE_DAYS,
  HOME_VISIT_AFTER,
  longestDaysOff,
  missRunOn,
  scheduleBetween,
  trackedFrom,
  type CheckinKind,
  type DueRow,
} from '../../../shared/checkins';
import { isIsoDate } from '../../../shared/validate';
import type { Reporting } from '../../../shared/clients';
import type { Db } from '../../connection';
import { underSupervisionOn } from '../caseload';
import { runSql } from './sqlQuery';
import { inScope, type RecordRow, type ReportQuery, type ReportWindow, type Selection, type Tally } from './window';

/**
 * Section 6 (wajib lapor): the due dates come from the one schedule rule (shared/checkins.ts, with
 * the office's holidays and each client's tracked-from day), so the report and a client's page never
 * disagree: `scheduleBetween` and `missRunOn` compute only the period's due dates and the end of a
 * run of misses, and are held to the full `schedule` by tests/unit/checkins-window.test.ts. Two
 * reads per figure set: the clients, then their check-ins.
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

/** A client's check-ins in date order: the dates (searched) and, beside each, its kind. */
interface Checkins {
  readonly dates: string[];
  readonly kinds: CheckinKind[];
}

const NONE: Checkins = { dates: [], kinds: [] };

/** Check-ins of the clients the condition picks, from `since` to `until`, by client, in date order. */
function checkinsOf(db: Db, where: ReturnType<typeof sql>, since: string | null, until: string): Map<string, Checkins> {
  const rows = runSql<CheckinRow>(
    db,
    sql`SELECT k.client_id, k.date, k.kind FROM checkins k JOIN clients c ON c.id = k.client_id
      WHERE ${where} AND k.deleted_at IS NULL AND k.date <= ${until} ${since ? sql`AND k.date >= ${since}` : sql``}`,
  );
  const by = new Map<string, Checkins>();
  for (const r of rows) {
    // A damaged date meets no due date (as in shared/checkins.ts `schedule`).
    if (!isIsoDate(r.date)) continue;
    let mine = by.get(r.client_id);
    if (!mine) by.set(r.client_id, (mine = { dates: [], kinds: [] }));
    mine.dates.push(r.date);
    mine.kinds.push(r.kind);
  }
  // The rows come in date order within each client by the index; SQL does not promise it, so any that do not are sorted.
  for (const [id, c] of by) {
    if (c.dates.every((d, i) => i === 0 || c.dates[i - 1]! <= d)) continue;
    const order = c.dates.map((_, i) => i).sort((a, b) => c.dates[a]!.localeCompare(c.dates[b]!));
    by.set(id, { dates: order.map((i) => c.dates[i]!), kinds: order.map((i) => c.kinds[i]!) });
  }
  return by;
}

/** The kind of the check-in that met a due date: of those made that day, the first in CHECKIN_KINDS' order. */
function kindOn(c: Checkins, date: string | null): CheckinKind | null {
  if (date === null) return null;
  let best: CheckinKind | null = null;
  for (let i = c.dates.indexOf(date); i >= 0 && i < c.dates.length && c.dates[i] === date; i++) {
    const k = c.kinds[i]!;
    if (best === null || CHECKIN_KINDS.indexOf(k) < CHECKIN_KINDS.indexOf(best)) best = k;
  }
  return best;
}

const calendarOf = (c: ClientRow, w: ReportWindow) => ({ from: c.reporting_from, holidays: w.holidays });

interface Item {
  readonly tally: Omit<Tally, 'n' | 'amount'>;
  /** What the records table shows; made only when the records are asked for. */
  readonly row: () => RecordRow;
}

/** Items with the same dimensions and flags counted together (the key written out: this runs for every due date of a year). */
function tallyOf(items: readonly Item[]): Tally[] {
  const by = new Map<string, { tally: Item['tally']; n: number }>();
  for (const { tally } of items) {
    let key = '';
    for (const d in tally.dims) key += `${d}=${tally.dims[d as keyof typeof tally.dims] ?? '∅'};`;
    for (const f in tally.flags) key += `${f}=${tally.flags[f as keyof typeof tally.flags]};`;
    const t = by.get(key);
    if (t) t.n++;
    else by.set(key, { tally, n: 1 });
  }
  return [...by.values()].map(({ tally, n }) => ({ ...tally, n, amount: 0 }));
}

/**
 * A query computed in JavaScript: `build` lists a window's records; `buildEach`, when given, lists
 * those of several windows of one scope in one pass (the year report's months) and must give
 * exactly what `build` gives for each (tests/integration/reports-property.test.ts compares them).
 */
function jsQuery(build: (w: ReportWindow) => Item[], buildEach?: (ws: readonly ReportWindow[]) => Item[][]): ReportQuery {
  return {
    tally: (w) => tallyOf(build(w)),
    tallyEach: (ws) => (buildEach ? buildEach(ws) : ws.map(build)).map(tallyOf),
    records: (w, s: Selection) =>
      build(w)
        .filter(({ tally }) => Object.entries(s.filter).every(([f, v]) => tally.flags[f as keyof typeof tally.flags] === v))
        .filter(({ tally }) => !s.dim || (tally.dims[s.dim] ?? null) === (s.key ?? null))
        .map(({ row }) => row()),
  };
}

/** The days from the first window's first to the last window's last, in the windows' common scope. */
const hullOf = (ws: readonly ReportWindow[]): ReportWindow => ({
  ...ws[0]!,
  from: ws.reduce((m, w) => (w.from < m ? w.from : m), ws[0]!.from),
  to: ws.reduce((m, w) => (w.to > m ? w.to : m), ws[0]!.to),
});

/**
 * Every due date (after the move to a working day) in the period of a client who was still open
 * then. A due date moved past the end of supervision (a last due date on a Saturday) still counts,
 * in the month it moved into.
 */
interface DueItem extends Item {
  readonly due: string;
}

/** How far back the miss streaks read every client's check-ins at first. */
const RECENT_DAYS = 120;

/** What both wajib-lapor queries read for a span of days: the clients who can owe in it, and their check-ins. */
interface Caseload {
  readonly clients: readonly ClientRow[];
  readonly checkins: ReadonlyMap<string, Checkins>;
  /** The earliest day whose check-ins were read. */
  readonly since: string;
}

/**
 * The clients who can have a due date in the span (begun by its end, not ended before its first day
 * less the longest run of days off: a last due date can move past the end; still open on its first
 * day), which includes everyone under supervision on any day of it, and their check-ins from
 * RECENT_DAYS (or a month and the longest run of days off, if longer) before it to a grace after it.
 */
function caseloadIn(db: Db, w: ReportWindow): Caseload {
  const longest = longestDaysOff(w.holidays);
  const where = sql`c.deleted_at IS NULL AND c.reporting <> 'tidak' AND c.supervision_start <= ${w.to}
    AND c.supervision_end >= ${addDays(w.from, -longest)} AND (c.status = 'aktif' OR c.status_date > ${w.from}) AND ${inScope('c', w)}`;
  const clients = runSql<ClientRow>(db, sql`SELECT ${clientCols} FROM clients c WHERE ${where} ORDER BY c.name, c.register_number`);
  // A due date's window opens at most a month and the longest run of days off before it.
  const since = addDays(w.from, -Math.max(RECENT_DAYS, 31 + longest));
  return { clients, checkins: checkinsOf(db, where, since, addDays(w.to, Math.max(...Object.values(GRACE_DAYS)))), since };
}

/**
 * Every due date (after the move to a working day) in the period of a client who was still open
 * then. A due date moved past the end of supervision (a last due date on a Saturday) still counts,
 * in the month it moved into.
 */
function duesIn(load: Caseload, w: ReportWindow): DueItem[] {
  const items: DueItem[] = [];
  for (const c of load.clients) {
    const mine = load.checkins.get(c.id) ?? NONE;
    for (const d of scheduleBetween(c.supervision_start, c.supervision_end, c.reporting, mine.dates, w.today, calendarOf(c, w), w.from, w.to)) {
      // A record closed (dicabut, pindah…) owes nothing from the day it was closed.
      if (c.status !== 'aktif' && d.due >= c.status_date) continue;
      const status = d.status === 'met' ? 'met' : d.status === 'missed' ? 'missed' : 'open';
      const kind = kindOn(mine, d.checkin);
      items.push({
        due: d.due,
        tally: { dims: { kind }, labels: {}, flags: { met: status === 'met' ? 1 : 0, missed: status === 'missed' ? 1 : 0 } },
        row: () => ({ register: c.register_number, name: c.name, due: d.due, dueStatus: status, checkin: d.checkin, kind, office: c.origin, amount: 0 }),
      });
    }
  }
  // By due date, clients in name order within a day (a stable sort keeps the clients' order).
  return items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** The first item due on `day` or later, in items sorted by due date. */
function firstDue(items: readonly DueItem[], day: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.due < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last index of `rows` (in due order) whose window closed by `day`, or -1. */
function lastClosedBy(rows: readonly DueRow[], day: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.closes <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Clients under supervision on each window's last day whose last HOME_VISIT_AFTER (or more) closed
 * due dates all went unreported: as it stood on that day, the windows closed by then, with the
 * check-ins made by then (a check-in after the day meets no window closed by it). `each`: missRunOn
 * per client and window; `once`: each client's due dates since the check-ins read begin, computed
 * once for every window. Either way a run of misses that reaches back before the check-ins read is
 * asked of `missRunOn` with all the client's check-ins (by the index).
 */
function missStreaksOn(db: Db, load: Caseload, ws: readonly ReportWindow[], how: 'each' | 'once'): Item[][] {
  const hull = hullOf(ws);
  // Who was under supervision on each last day: the one rule, in SQL (caseload.ts).
  const under = ws.map(
    (w) =>
      new Set(
        runSql<{ id: string }>(
          db,
          sql`SELECT c.id FROM clients c WHERE c.deleted_at IS NULL AND c.reporting <> 'tidak' AND ${underSupervisionOn('c', w.to)} AND ${inScope('c', w)}`,
        ).map((r) => r.id),
      ),
  );
  const out: Item[][] = ws.map(() => []);
  for (const c of load.clients) {
    const picked = under.map((u, i) => (u.has(c.id) ? i : -1)).filter((i) => i >= 0);
    if (picked.length === 0) continue;
    const cal = calendarOf(c, hull);
    const dates = (load.checkins.get(c.id) ?? NONE).dates;
    const rows = how === 'once' ? scheduleBetween(c.supervision_start, c.supervision_end, c.reporting, dates, hull.today, cal, load.since, hull.to) : [];
    let all: readonly string[] | null = null;
    for (const i of picked) {
      const w = ws[i]!;
      const ask = (checkins: readonly string[], since: string | null) =>
        missRunOn(c.supervision_start, c.supervision_end, c.reporting, checkins, cal, w.to, since);
      if (how === 'each') {
        const run = ask(dates, load.since) ?? ask((all ??= (checkinsOf(db, sql`c.id = ${c.id}`, null, hull.to).get(c.id) ?? NONE).dates), null)!;
        if (run.streak >= HOME_VISIT_AFTER) out[i]!.push(streakItem(c, run));
        continue;
      }
      let streak = 0;
      let k = lastClosedBy(rows, w.to);
      while (k >= 0 && rows[k]!.checkin === null && rows[k]!.opens >= load.since) {
        streak++;
        k--;
      }
      // Settled at a met due date, or at the first counted one (tracked from the check-ins read on).
      // Else the run may go on before the check-ins read.
      let run: { readonly streak: number; readonly since: string | null } = { streak, since: streak ? rows[k + 1]!.due : null };
      if (k < 0 ? trackedFrom(c.supervision_start, cal) < load.since : rows[k]!.checkin === null) {
        run = ask((all ??= (checkinsOf(db, sql`c.id = ${c.id}`, null, hull.to).get(c.id) ?? NONE).dates), null)!;
      }
      if (run.streak >= HOME_VISIT_AFTER) out[i]!.push(streakItem(c, run));
    }
  }
  return out;
}

const streakItem = (c: ClientRow, run: { readonly streak: number; readonly since: string | null }): Item => ({
  tally: { dims: {}, labels: {}, flags: {} },
  row: () => ({ register: c.register_number, name: c.name, streak: run.streak, since: run.since, office: c.origin, amount: 0 }),
});

/**
 * The two queries of section 6, reading one caseload per span: the due dates and the miss streaks of
 * a report (or of a year and its months) read the clients and their check-ins once. Made per
 * report computation (reportQueries), so nothing read outlives it.
 */
export function reportingQueries(db: Db): { readonly dues: ReportQuery; readonly missStreaks: ReportQuery } {
  const loaded = new Map<string, Caseload>();
  const load = (w: ReportWindow) => {
    const key = JSON.stringify([w.from, w.to, w.origins]);
    if (!loaded.has(key)) loaded.set(key, caseloadIn(db, w));
    return loaded.get(key)!;
  };
  return {
    // A window's due dates are those of any wider span whose due date falls in it: the clients a
    // window leaves out (ended before it, closed before it, begun after it) have none in it.
    dues: jsQuery(
      (w) => duesIn(load(w), w),
      (ws) => {
        const hull = hullOf(ws);
        const all = duesIn(load(hull), hull);
        return ws.map((w) => all.slice(firstDue(all, w.from), firstDue(all, addDays(w.to, 1))));
      },
    ),
    // One window asks missRunOn of each client; several (a year's months) walk each client's due
    // dates once. Two ways to one answer, compared by tests/integration/reports-property.test.ts.
    missStreaks: jsQuery(
      (w) => missStreaksOn(db, load(w), [w], 'each')[0]!,
      (ws) => missStreaksOn(db, load(hullOf(ws)), ws, 'once'),
    ),
  };
}
