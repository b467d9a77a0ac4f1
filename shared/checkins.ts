/**
 * Wajib lapor (the reporting duty): when a client is due, and whether they kept to it.
 *
 * Due dates run from the start of supervision: monthly on the same day of the month (clamped to
 * the month's last day, so a start on 31 January is due on 28/29 February and 31 March), or every
 * 14 days, up to the end of supervision. Each due date has a window: from the end of the previous
 * window to a few days of grace after the date itself. Windows do not overlap, so each check-in
 * counts for exactly one due date, and whether a client is up to date follows from the date of
 * their last check-in alone (kept on the client record, so the overdue list is one indexed read).
 */
import { addDays, addMonths } from './agreements';
import type { Reporting } from './clients';
import { isIsoDate } from './validate';

export const CHECKIN_KINDS = ['hadir', 'jarak_jauh', 'kunjungan_rumah'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

/** Days after a due date within which a late report still counts for it. */
export const GRACE_DAYS: Readonly<Record<Exclude<Reporting, 'tidak'>, number>> = { bulanan: 7, dua_mingguan: 3 };

/** Consecutive missed due dates after which a home visit is called for. */
export const HOME_VISIT_AFTER = 3;

/** The k-th due date (k ≥ 1) of a schedule. */
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

/** Every due date within the supervision period. */
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
  /** How many due dates have had their window close (grace included). */
  readonly passedCount: number;
  /** How many of the last passed due dates in a row had no check-in. */
  readonly missedStreak: number;
  /** The earliest of those missed due dates (the client is overdue since then), or null. */
  readonly overdueSince: string | null;
  /** The next due date whose window is still open, or null after the last. */
  readonly nextDue: string | null;
}

/** How many due dates fall on or before `date` (within the supervision period), without listing them. */
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
 * Where a client stands on `today`, given the date of their last check-in. A due date is missed
 * when its window closed and the last check-in falls before the window opened. Computed with a
 * handful of date operations, however long the supervision: the overdue list runs it for every
 * active client.
 */
export function reportingState(start: string, end: string, reporting: Reporting, lastCheckin: string | null, today: string): ReportingState {
  if (!hasPeriod(start, end, reporting) || !isIsoDate(today)) return { passedCount: 0, missedStreak: 0, overdueSince: null, nextDue: null };
  const last = lastCheckin !== null && isIsoDate(lastCheckin) ? lastCheckin : null;
  const grace = GRACE_DAYS[reporting];
  // Due dates whose window closed before today: d + grace < today.
  const passedCount = duesUpTo(start, end, reporting, addDays(today, -grace - 1));
  // Window i opens the day after window i-1 closes (window 1 at the start), so the last check-in
  // meets window q+1, where q counts the due dates whose window had closed before it.
  const metUpTo = last === null || last < start ? 0 : duesUpTo(start, end, reporting, addDays(last, -grace - 1)) + 1;
  const streak = Math.max(0, passedCount - metUpTo);
  const next = dueDate(start, reporting, passedCount + 1);
  return {
    passedCount,
    missedStreak: streak,
    overdueSince: streak > 0 ? dueDate(start, reporting, passedCount - streak + 1) : null,
    nextDue: next <= end ? next : null,
  };
}

export type DueStatus = 'met' | 'missed' | 'open' | 'upcoming';

/** Each due date with what happened in its window, for a client's page. `checkins` are ISO dates, any order. */
export function schedule(
  start: string,
  end: string,
  reporting: Reporting,
  checkins: readonly string[],
  today: string,
): { readonly due: string; readonly opens: string; readonly closes: string; readonly status: DueStatus; readonly checkin: string | null }[] {
  if (!hasPeriod(start, end, reporting) || !isIsoDate(today)) return [];
  const grace = GRACE_DAYS[reporting];
  const sorted = checkins.filter(isIsoDate).sort();
  let opens = start;
  return dueDates(start, end, reporting).map((due) => {
    const closes = addDays(due, grace);
    const checkin = sorted.find((c) => c >= opens && c <= closes) ?? null;
    const status: DueStatus = checkin ? 'met' : closes < today ? 'missed' : opens <= today ? 'open' : 'upcoming';
    const row = { due, opens, closes, status, checkin };
    opens = addDays(closes, 1);
    return row;
  });
}
