/**
 * Agreement (PKS) rules that both the forms and the main process apply: office number templates,
 * the end date of a term, and the status, which is derived from dates and actions, never typed.
 */
import { daysInMonth, isIsoDate } from './validate';
import { toRoman } from './terbilang';

/** `rusak`: the record's own dates are not dates (a damaged record): shown as such, never guessed. */
export const AGREEMENT_STATUSES = ['draf', 'aktif', 'akan_berakhir', 'berakhir', 'dibatalkan', 'rusak'] as const;
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
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The last day of a term of `months` starting on `start`: one year from 5 March 2025 ends 4 March 2026. */
export function endOfTerm(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

export interface StatusFacts {
  /** Date the agreement was signed (set when the signed scan is filed); null while a draft. */
  readonly signedOn: string | null;
  readonly endDate: string;
  readonly cancelledOn: string | null;
}

/**
 * Status on `today` (the office's calendar date). The end date is the last valid day; within
 * `warnDays` days of it the agreement is "akan berakhir".
 */
export function agreementStatus(f: StatusFacts, today: string, warnDays: number): AgreementStatus {
  if (!isIsoDate(f.endDate) || (f.signedOn !== null && !isIsoDate(f.signedOn)) || (f.cancelledOn !== null && !isIsoDate(f.cancelledOn))) return 'rusak';
  if (f.cancelledOn && f.cancelledOn <= today) return 'dibatalkan';
  if (!f.signedOn || f.signedOn > today) return 'draf';
  if (today > f.endDate) return 'berakhir';
  if (today >= addDays(f.endDate, -warnDays)) return 'akan_berakhir';
  return 'aktif';
}
