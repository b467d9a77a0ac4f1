/**
 * Agreement (PKS) rules that both the forms and the main process apply: office number templates,
 * the end date of a term, and the status, which is derived from dates and actions, never typed.
 */
import { daysInMonth, isIsoDate } from './validate';
import { toRoman } from './terbilang';

/**
 * `belum_berlaku`: signed, but its start date has not come ("ditandatangani, belum berlaku"): not
 * in force, so no referral rests on it yet. `rusak`: the record's own dates are not dates (a
 * damaged record): shown as such, never guessed.
 */
export const AGREEMENT_STATUSES = ['draf', 'belum_berlaku', 'aktif', 'akan_berakhir', 'berakhir', 'dibatalkan', 'rusak'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const NUMBER_TOKENS = ['seq', 'year', 'month', 'month_roman', 'office_code'] as const;
export type NumberToken = (typeof NUMBER_TOKENS)[number];

const TOKEN = /\{([a-z_]+)(?::(\d))?\}/g;

/** Tokens a template uses that the numbering does not know, e.g. a typo like {yaer}. */
export function unknownTokens(template: string): string[] {
  const bad = [...template.matchAll(TOKEN)].map((m) => m[1]!).filter((t) => !(NUMBER_TOKENS as readonly string[]).includes(t));
  return [...new Set(bad)];
}

/**
 * Fills an office number template: W7.PAS.PAS.4-PK.01.05.02-{seq:3}/{month_roman}/{year} with
 * sequence 12 in March 2025 gives W7.PAS.PAS.4-PK.01.05.02-012/III/2025. `{seq:N}` pads to N digits.
 */
export function renderNumber(template: string, v: { seq: number; date: string; officeCode: string }): string {
  const unknown = unknownTokens(template);
  if (unknown.length) throw new RangeError(`unknown token {${unknown[0]}}`);
  const [year, month] = v.date.split('-');
  return template.replace(TOKEN, (_m, name: NumberToken, pad?: string) => {
    switch (name) {
      case 'seq':
        return String(v.seq).padStart(pad ? Number(pad) : 1, '0');
      case 'year':
        return year ?? '';
      case 'month':
        return month ?? '';
      case 'month_roman':
        return toRoman(Number(month));
      case 'office_code':
        return v.officeCode;
    }
  });
}

/** Adds whole months to a calendar date, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  // Read by position where the date has the plain shape (the schedules call this for every due date).
  const plain = date.length === 10 && date[4] === '-' && date[7] === '-';
  const [y, m, d] = plain
    ? [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
    : (date.split('-').map(Number) as [number, number, number]);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil calendar algorithms). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function civilDate(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = era * 400 + yoe + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(date: string, days: number): string {
  // A real date and a whole step are counted in days without building a Date: the schedules of
  // every client under supervision take hundreds of thousands of these steps per list. Anything
  // else goes the Date way (which is what this equals: tests/unit/date-steps.test.ts).
  const plain = Number.isInteger(days) ? PLAIN_DATE.exec(date) : null;
  if (plain) {
    const y = Number(plain[1]);
    const m = Number(plain[2]);
    const d = Number(plain[3]);
    if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      const out = civilDate(dayNumber(y, m, d) + days);
      if (out.length === 10 && out >= '1000') return out;
    }
  }
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The day of the week of an ISO date, 0 for Sunday to 6 for Saturday (as Date's getUTCDay), counted
 * in days for a real date: the schedules ask it of every due date they move.
 */
export function weekdayOf(date: string): number {
  const plain = PLAIN_DATE.exec(date);
  if (plain) {
    const y = Number(plain[1]);
    const m = Number(plain[2]);
    const d = Number(plain[3]);
    // 1 January 1970 was a Thursday.
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return (((dayNumber(y, m, d) + 4) % 7) + 7) % 7;
  }
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The last day of a term of `months` starting on `start`: one year from 5 March 2025 ends 4 March 2026. */
export function endOfTerm(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** The dates that decide whether an agreement is in force (the same columns the SQL twin reads). */
export interface InForceFacts {
  /** Date the agreement was signed (set when the signing is recorded); null while a draft. */
  readonly signedOn: string | null;
  readonly startDate: string;
  /** The last valid day. */
  readonly endDate: string;
  /** The cancellation takes effect on this day: the day before, the agreement is still in force. */
  readonly cancelledOn: string | null;
}
export type StatusFacts = InForceFacts;

/** Whether the record's own dates are dates at all; a damaged record is never in force. */
const soundDates = (f: InForceFacts) =>
  isIsoDate(f.startDate) && isIsoDate(f.endDate) && (f.signedOn === null || isIsoDate(f.signedOn)) && (f.cancelledOn === null || isIsoDate(f.cancelledOn));

/**
 * THE rule of "agreement in force" on `day`: signed by then, started, not past its end, and not
 * cancelled on or before that day. db/repositories/agreementInForce.ts is its SQL twin, and
 * tests/integration/agreement-in-force.test.ts proves the two (and the status below) agree.
 */
export function inForceOn(f: InForceFacts, day: string): boolean {
  return soundDates(f) && f.signedOn !== null && f.signedOn <= day && f.startDate <= day && day <= f.endDate && (f.cancelledOn === null || f.cancelledOn > day);
}

/** The statuses that mean "in force": exactly the days `inForceOn` is true. */
export const IN_FORCE_STATUSES: ReadonlySet<AgreementStatus> = new Set(['aktif', 'akan_berakhir']);

/**
 * Status on `today` (the office's calendar date), built on `inForceOn`: in force is aktif, or
 * "akan berakhir" within `warnDays` days of the end; otherwise the status says why not.
 */
export function agreementStatus(f: StatusFacts, today: string, warnDays: number): AgreementStatus {
  if (!soundDates(f)) return 'rusak';
  if (inForceOn(f, today)) return today >= addDays(f.endDate, -warnDays) ? 'akan_berakhir' : 'aktif';
  if (f.cancelledOn !== null && f.cancelledOn <= today) return 'dibatalkan';
  if (f.signedOn === null || f.signedOn > today) return 'draf';
  if (today > f.endDate) return 'berakhir';
  return 'belum_berlaku';
}

/** How far ahead a cancellation may be dated: a notice of termination, not a distant plan. */
export const CANCEL_AHEAD_DAYS = 90;

/**
 * The days a cancellation may be dated: not before the signing (a draft has no lower bound), not
 * after the end date (an ended agreement is not cancelled later), and not more than
 * CANCEL_AHEAD_DAYS ahead of today.
 */
export function cancellationBounds(f: Pick<InForceFacts, 'signedOn' | 'endDate'>, today: string): { min: string | null; max: string } {
  const ahead = addDays(today, CANCEL_AHEAD_DAYS);
  return { min: f.signedOn, max: f.endDate < ahead ? f.endDate : ahead };
}
