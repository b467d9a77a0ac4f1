/**
 * Wajib lapor (the reporting duty): when a client is due, and whether they kept to it.
 *
 * Due dates run from the start of supervision: monthly on the same day of the month (clamped to
 * the month's last day, so a start on 31 January is due on 28/29 February and 31 March), or every
 * 14 days, up to the end of supervision. A due date that falls on a Saturday, a Sunday or one of the
 * office's holidays moves to the next working day (the office is closed; the client cannot come).
 * Each due date has a window: from the end of the previous window to a few days of grace after the
 * (moved) date itself. Windows do not overlap, so each check-in counts for exactly one due date, and
 * whether a client is up to date follows from the date of their last check-in alone (kept on the
 * client record, so the overdue list is one indexed read).
 *
 * A client entered after their supervision began (a caseload moved into the app) is counted from
 * the day their wajib lapor is tracked from: due dates before it are not theirs to have missed, and
 * the first window opens on it.
 */
import { addDays, addMonths, weekdayOf } from './agreements';
import type { Reporting } from './clients';
import { isIsoDate } from './validate';

export const CHECKIN_KINDS = ['hadir', 'jarak_jauh', 'kunjungan_rumah'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

/** Days after a due date within which a late report still counts for it. */
export const GRACE_DAYS: Readonly<Record<Exclude<Reporting, 'tidak'>, number>> = { bulanan: 7, dua_mingguan: 3 };

/** Consecutive missed due dates after which a home visit is called for. */
export const HOME_VISIT_AFTER = 3;

/** What the office's calendar adds to a client's dates. */
export interface ReportingCalendar {
  /** The day wajib lapor is counted from ("wajib lapor dihitung sejak"); the supervision start when absent. */
  readonly from?: string | null;
  /** The office's holidays (ISO dates) besides Saturdays and Sundays. */
  readonly holidays?: ReadonlySet<string>;
}

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/** Saturday, Sunday or a holiday: the office is closed. */
export function isDayOff(date: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6 || holidays.has(date);
}

/**
 * The day itself, or the next working day after it. A year of days off in a row (a damaged
 * holiday list) stops the search: the date is then left where the loop ended.
 */
export function nextWorkingDay(date: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): string {
  let d = date;
  for (let i = 0; i < 366 && isDayOff(d, holidays); i++) d = addDays(d, 1);
  return d;
}

/** The k-th due date (k ≥ 1) of a schedule as the calendar of months gives it, before any move to a working day. */
export function dueDate(start: string, reporting: Exclude<Reporting, 'tidak'>, k: number): string {
  return reporting === 'bulanan' ? addMonths(start, k) : addDays(start, 14 * k);
}

/**
 * The most due dates any schedule can have: fortnightly over the widest span a date may take
 * (isIsoDate: 1900 to 2200). The loops below stop there whatever the dates say.
 */
export const MAX_DUE_DATES = 301 * 27;

/** A schedule needs a real period: with a date that is not one (a damaged record), there is none. */
const hasPeriod = (start: string, end: string, reporting: Reporting): reporting is Exclude<Reporting, 'tidak'> =>
  (reporting === 'bulanan' || reporting === 'dua_mingguan') && isIsoDate(start) && isIsoDate(end) && start <= end;

/** The tracked-from date that applies: the supervision start when none (or a damaged one) is given, never before it. */
export const trackedFrom = (start: string, cal: ReportingCalendar | undefined) => (cal?.from && isIsoDate(cal.from) && cal.from > start ? cal.from : start);

/** Every due date within the supervision period, before moving to working days. */
export function dueDates(start: string, end: string, reporting: Reporting): string[] {
  if (!hasPeriod(start, end, reporting)) return [];
  const out: string[] = [];
  for (let k = 1; k <= MAX_DUE_DATES; k++) {
    const d = dueDate(start, reporting, k);
    if (d > end) break;
    out.push(d);
  }
  return out;
}

export interface ReportingState {
  /** How many counted due dates have had their window close (grace included). */
  readonly passedCount: number;
  /** How many of the last passed due dates in a row had no check-in. */
  readonly missedStreak: number;
  /** The earliest of those missed due dates (the client is overdue since then), or null. */
  readonly overdueSince: string | null;
  /** The next due date whose window is still open, or null after the last. */
  readonly nextDue: string | null;
}

/** How many nominal due dates fall on or before `date` (within the supervision period), without listing them. */
function duesUpTo(start: string, end: string, reporting: Exclude<Reporting, 'tidak'>, date: string): number {
  const until = date < end ? date : end;
  if (until < start) return 0;
  let k: number;
  if (reporting === 'bulanan') {
    const [sy, sm] = start.split('-').map(Number) as [number, number];
    const [uy, um] = until.split('-').map(Number) as [number, number];
    k = (uy - sy) * 12 + (um - sm);
    if (k > 0 && dueDate(start, reporting, k) > until) k--;
  } else {
    k = Math.floor((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / (14 * 86_400_000));
  }
  return Math.max(0, k);
}

/**
 * A schedule with the office's days off: the k-th due date moved to a working day, and how many
 * moved due dates fall on or before a date. Moving never reorders due dates (the next working day
 * of a later date is never earlier), so the count is the nominal one, stepped back over the few
 * due dates that moved past the date.
 */
function plan(start: string, end: string, reporting: Exclude<Reporting, 'tidak'>, holidays: ReadonlySet<string>) {
  const due = (k: number) => nextWorkingDay(dueDate(start, reporting, k), holidays);
  const upTo = (date: string) => {
    let k = duesUpTo(start, end, reporting, date);
    while (k > 0 && due(k) > date) k--;
    return k;
  };
  const exists = (k: number) => dueDate(start, reporting, k) <= end;
  return { due, upTo, exists };
}

/**
 * Where a client stands on `today`, given the date of their last check-in. A due date is missed
 * when its window closed and the last check-in falls before the window opened. Computed with a
 * handful of date operations, however long the supervision: the overdue list runs it for every
 * active client.
 */
export function reportingState(
  start: string,
  end: string,
  reporting: Reporting,
  lastCheckin: string | null,
  today: string,
  cal?: ReportingCalendar,
): ReportingState {
  if (!hasPeriod(start, end, reporting) || !isIsoDate(today)) return { passedCount: 0, missedStreak: 0, overdueSince: null, nextDue: null };
  const last = lastCheckin !== null && isIsoDate(lastCheckin) ? lastCheckin : null;
  const grace = GRACE_DAYS[reporting];
  const p = plan(start, end, reporting, cal?.holidays ?? NO_HOLIDAYS);
  const from = trackedFrom(start, cal);
  // Due dates (moved) before the tracked-from day are not counted.
  const skipped = p.upTo(addDays(from, -1));
  // Counted due dates whose window closed before today: due + grace < today.
  const passedCount = Math.max(0, p.upTo(addDays(today, -grace - 1)) - skipped);
  // Window i opens the day after window i-1 closes (the first on the tracked-from day), so the last
  // check-in meets window q+1, where q counts the counted due dates whose window had closed before it.
  const metUpTo = last === null || last < from ? 0 : Math.max(0, p.upTo(addDays(last, -grace - 1)) - skipped) + 1;
  const streak = Math.max(0, passedCount - metUpTo);
  const next = skipped + passedCount + 1;
  return {
    passedCount,
    missedStreak: streak,
    overdueSince: streak > 0 ? p.due(skipped + passedCount - streak + 1) : null,
    nextDue: p.exists(next) ? p.due(next) : null,
  };
}

/** The longest run of days off in a row (weekends and `holidays`): how far a due date can move. */
export function longestDaysOff(holidays: ReadonlySet<string> = NO_HOLIDAYS): number {
  // A run starts on a Saturday or on a holiday; a Saturday is tried for every week holding one.
  let longest = 2;
  for (const h of holidays) {
    if (!isIsoDate(h)) continue;
    const saturday = addDays(h, -((new Date(`${h}T00:00:00Z`).getUTCDay() + 1) % 7));
    for (const start of [h, saturday]) {
      let run = 0;
      for (let d = start; run < 366 && isDayOff(d, holidays); d = addDays(d, 1)) run++;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}

/**
 * The day before which a client's last check-in must fall for them to be overdue on `today` at
 * all; null when the calendar's days off are so long that any client may be. Derived from the
 * rule above: the check-in met the window of the (m+1)-th due date, so due(m+1) ≥ last − grace;
 * the next nominal due date comes at least 28 days (monthly: 31 January to 28 February) or 14
 * days later, and moving to a working day only delays it, while due(m+1) was moved by at most the
 * longest run of days off. A streak needs due(m+2) + grace < today, hence last < today − (gap −
 * longest run). The overdue list reads only clients before this day (or with no usable check-in,
 * or a damaged schedule) and computes the exact state for them alone.
 */
export function overdueCutoff(reporting: Exclude<Reporting, 'tidak'>, today: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): string | null {
  const margin = (reporting === 'bulanan' ? 28 : 14) - longestDaysOff(holidays);
  return margin > 0 && isIsoDate(today) ? addDays(today, -margin) : null;
}

export type DueStatus = 'met' | 'missed' | 'open' | 'upcoming';

export interface DueRow {
  /** The day the client is due: a working day. */
  readonly due: string;
  /** The day the calendar of months gave, when it was a day off and the due date moved from it; else null. */
  readonly movedFrom: string | null;
  readonly opens: string;
  readonly closes: string;
  readonly status: DueStatus;
  readonly checkin: string | null;
}

/** Each counted due date with what happened in its window, for a client's page. `checkins` are ISO dates, any order. */
export function schedule(start: string, end: string, reporting: Reporting, checkins: readonly string[], today: string, cal?: ReportingCalendar): DueRow[] {
  if (!hasPeriod(start, end, reporting) || !isIsoDate(today)) return [];
  const grace = GRACE_DAYS[reporting];
  const holidays = cal?.holidays ?? NO_HOLIDAYS;
  const from = trackedFrom(start, cal);
  const sorted = checkins.filter(isIsoDate).sort();
  let opens = from;
  return dueDates(start, end, reporting)
    .map((nominal) => ({ nominal, due: nextWorkingDay(nominal, holidays) }))
    .filter((d) => d.due >= from)
    .map(({ nominal, due }) => {
      const closes = addDays(due, grace);
      const checkin = sorted.find((c) => c >= opens && c <= closes) ?? null;
      const status: DueStatus = checkin ? 'met' : closes < today ? 'missed' : opens <= today ? 'open' : 'upcoming';
      const row = { due, movedFrom: nominal === due ? null : nominal, opens, closes, status, checkin };
      opens = addDays(closes, 1);
      return row;
    });
}

/** The first index of `sorted` whose date is `date` or later (binary search). */
function firstOnOrAfter(sorted: readonly string[], date: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The rows of `schedule` whose due date lies in [lo, hi], without walking the whole supervision:
 * the reports ask this of every client for every month. `sortedCheckins` must be valid ISO dates
 * in ascending order. A due date's window opens the day after the previous counted one closes (the
 * first on the tracked-from day) and does not depend on the check-ins, so each row is computed on
 * its own. Equal to `schedule(...).filter(d => lo <= d.due && d.due <= hi)`
 * (tests/unit/checkins-window.test.ts holds it to that).
 */
export function scheduleBetween(
  start: string,
  end: string,
  reporting: Reporting,
  sortedCheckins: readonly string[],
  today: string,
  cal: ReportingCalendar | undefined,
  lo: string,
  hi: string,
): DueRow[] {
  if (!hasPeriod(start, end, reporting) || !isIsoDate(today) || hi < lo) return [];
  const grace = GRACE_DAYS[reporting];
  const p = plan(start, end, reporting, cal?.holidays ?? NO_HOLIDAYS);
  const from = trackedFrom(start, cal);
  // Counted due dates are those from skipped + 1 on; the rows asked for run from first to last.
  const skipped = p.upTo(addDays(from, -1));
  const first = Math.max(skipped, p.upTo(addDays(lo, -1))) + 1;
  const last = Math.min(p.upTo(hi), MAX_DUE_DATES);
  const out: DueRow[] = [];
  for (let k = first; k <= last && p.exists(k); k++) {
    const nominal = dueDate(start, reporting, k);
    const due = p.due(k);
    const opens = k === skipped + 1 ? from : addDays(p.due(k - 1), grace + 1);
    const closes = addDays(due, grace);
    const i = firstOnOrAfter(sortedCheckins, opens);
    const checkin = i < sortedCheckins.length && sortedCheckins[i]! <= closes ? sortedCheckins[i]! : null;
    const status: DueStatus = checkin ? 'met' : closes < today ? 'missed' : opens <= today ? 'open' : 'upcoming';
    out.push({ due, movedFrom: nominal === due ? null : nominal, opens, closes, status, checkin });
  }
  return out;
}

/**
 * How many of the due dates closed by `day` (window and grace over) went unreported in a row at
 * the end, and the first of them; walks back from the last closed one and stops at a met one.
 * `sortedCheckins` as for scheduleBetween, read from `since` on (null: all of them): when the run
 * reaches a window opening before `since`, the answer is null (the caller reads the rest and asks
 * again).
 */
export function missRunOn(
  start: string,
  end: string,
  reporting: Reporting,
  sortedCheckins: readonly string[],
  cal: ReportingCalendar | undefined,
  day: string,
  since: string | null,
): { readonly streak: number; readonly since: string | null } | null {
  if (!hasPeriod(start, end, reporting) || !isIsoDate(day)) return { streak: 0, since: null };
  const grace = GRACE_DAYS[reporting];
  const p = plan(start, end, reporting, cal?.holidays ?? NO_HOLIDAYS);
  const from = trackedFrom(start, cal);
  const skipped = p.upTo(addDays(from, -1));
  // Closed by `day`: due + grace <= day.
  const lastClosed = Math.min(p.upTo(addDays(day, -grace)), MAX_DUE_DATES);
  let streak = 0;
  let firstMissed: string | null = null;
  for (let k = lastClosed; k > skipped && p.exists(k); k--) {
    const due = p.due(k);
    const opens = k === skipped + 1 ? from : addDays(p.due(k - 1), grace + 1);
    const i = firstOnOrAfter(sortedCheckins, opens);
    if (i < sortedCheckins.length && sortedCheckins[i]! <= addDays(due, grace)) break;
    // Unreported as far as the check-ins read go; an earlier one may still have met it.
    if (since !== null && opens < since) return null;
    streak++;
    firstMissed = due;
  }
  return { streak, since: firstMissed };
}

/**
 * Which clients can have their next due date between `from` and `until` (the agenda), told by the
 * day of the month (monthly) or the day within the fortnight (fortnightly) their supervision began.
 * A due date is the nominal one moved forward by at most the longest run of days off, so a due date
 * in the window has its nominal date in [from − longest run, until]. The agenda reads only those
 * clients and computes the exact next due date for them alone, as the overdue list does with
 * overdueCutoff. A filter part is null when the window is so wide that any client of that
 * reporting may be due in it.
 */
export interface AgendaFilter {
  /** The earliest nominal date that can land in the window. */
  readonly lo: string;
  readonly hi: string;
  /** Fortnightly: the days from `lo` to `hi`, when under 14. */
  readonly fortnightSpan: number | null;
  /** Monthly: the day of `lo` and of `hi` and the last day of their months, when the window is under 28 days. */
  readonly monthly: { readonly loDay: number; readonly loLast: number; readonly hiDay: number; readonly hiLast: number; readonly sameMonth: boolean } | null;
}

export function agendaFilter(from: string, until: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): AgendaFilter | null {
  if (!isIsoDate(from) || !isIsoDate(until) || until < from) return null;
  const lo = addDays(from, -longestDaysOff(holidays));
  const span = Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${lo}T00:00:00Z`)) / 86_400_000) + 1;
  const day = (d: string) => Number(d.slice(8, 10));
  const last = (d: string) => Number(addDays(addMonths(`${d.slice(0, 7)}-01`, 1), -1).slice(8, 10));
  return {
    lo,
    hi: until,
    fortnightSpan: span < 14 ? span : null,
    monthly: span < 28 ? { loDay: day(lo), loLast: last(lo), hiDay: day(until), hiLast: last(until), sameMonth: lo.slice(0, 7) === until.slice(0, 7) } : null,
  };
}
