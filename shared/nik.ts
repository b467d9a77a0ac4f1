/**
 * NIK (Nomor Induk Kependudukan): 16 digits = province (2) + kabupaten/kota (2) + kecamatan (2)
 * + birth date DDMMYY (DD + 40 for women) + a 4-digit serial from 0001. This module reads what
 * the number itself says; whether the kecamatan exists is checked against the Kemendagri list in
 * the main process, and a NIK held by another active client is refused there.
 */
import { daysInMonth } from './validate';

export type Sex = 'L' | 'P';

export interface NikFacts {
  /** Kecamatan code in Kemendagri notation, e.g. "17.02.01". */
  readonly districtCode: string;
  readonly sex: Sex;
  readonly day: number;
  readonly month: number;
  /** Two-digit year of birth: the NIK does not say the century. */
  readonly yy: number;
}

/** `short`/`long`: digits only, but not 16 of them; `format`: something other than digits. */
export type NikProblem = 'format' | 'short' | 'long' | 'date' | 'serial';

export type NikReading = { readonly ok: true; readonly facts: NikFacts } | { readonly ok: false; readonly problem: NikProblem };

/** Digits only: people type NIKs with spaces or dots ("3201 0123 4567 0001"). */
export const normalizeNik = (raw: string): string => raw.replace(/[\s.-]+/g, '');

export function readNik(raw: string): NikReading {
  const nik = normalizeNik(raw);
  if (!/^\d+$/.test(nik)) return { ok: false, problem: 'format' };
  // Said before anything read from the positions: a NIK missing digits has its serial and date
  // shifted, and a message about those would send the user looking in the wrong place.
  if (nik.length < 16) return { ok: false, problem: 'short' };
  if (nik.length > 16) return { ok: false, problem: 'long' };
  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = dd > 40 ? 'P' : 'L';
  const day = sex === 'P' ? dd - 40 : dd;
  // Without the century, 29 February is accepted when either 19yy or 20yy is a leap year (00 is, via 2000).
  const maxDay = month >= 1 && month <= 12 ? Math.max(daysInMonth(1900 + yy, month), daysInMonth(2000 + yy, month)) : 0;
  if (day < 1 || day > maxDay) return { ok: false, problem: 'date' };
  if (nik.slice(12) === '0000') return { ok: false, problem: 'serial' };
  return { ok: true, facts: { districtCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`, sex, day, month, yy } };
}

/** What the NIK says that the record does not: each a warning, never a refusal (records hold typos both ways). */
export function nikMismatches(facts: NikFacts, record: { sex: Sex | null; birthDate: string | null }): ('sex' | 'birthDate')[] {
  const out: ('sex' | 'birthDate')[] = [];
  if (record.sex && record.sex !== facts.sex) out.push('sex');
  if (record.birthDate) {
    const [y, m, d] = record.birthDate.split('-').map(Number) as [number, number, number];
    if (d !== facts.day || m !== facts.month || y % 100 !== facts.yy) out.push('birthDate');
  }
  return out;
}

/** How many leading and trailing digits of a NIK a masked view shows (search obeys the same). */
export const NIK_SHOWN_HEAD = 4;
export const NIK_SHOWN_TAIL = 4;

/** 3201********0001: enough to tell two people apart on a list, not enough to misuse. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, NIK_SHOWN_HEAD)}${'*'.repeat(16 - NIK_SHOWN_HEAD - NIK_SHOWN_TAIL)}${nik.slice(16 - NIK_SHOWN_TAIL)}` : nik;
}

/**
 * A NIK cell as it was typed (any length, with spaces or dots, or cut short by Excel), masked the
 * same way: only its first and last four digits shown, none when it has too few to hide the rest.
 */
export function maskNikCell(text: string): string {
  if (/^\d{16}$/.test(text)) return maskNik(text);
  const digits = text.replace(/\D/g, '').length;
  let seen = 0;
  return text.replace(/\d/g, (d) => (digits >= 12 && (++seen <= 4 || seen > digits - 4) ? d : '*'));
}

/** Free text (a message about another column) with any run of 12 or more digits, a NIK perhaps, masked. */
export function maskNiksIn(text: string): string {
  return text.replace(/\d{12,}/g, maskNikCell);
}

/**
 * The birth date a NIK states, with the century the NIK leaves out: this century unless that would
 * put the birth after `today` (YYYY-MM-DD), then the last one.
 */
export function nikBirthDate(facts: NikFacts, today: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const recent = `20${pad(facts.yy)}-${pad(facts.month)}-${pad(facts.day)}`;
  // 29 February of a year that is not a leap year in this century is one of the last (readNik allowed it for either).
  const real = facts.month !== 2 || facts.day !== 29 || daysInMonth(2000 + facts.yy, 2) === 29;
  return real && recent <= today ? recent : `19${pad(facts.yy)}-${pad(facts.month)}-${pad(facts.day)}`;
}

/**
 * What a valid NIK fills in on a client form: the sex and the birth date, each only where the
 * field is empty (`null`). Nothing for a NIK that does not read.
 */
export function nikFill(nik: string, empty: { readonly sex: boolean; readonly birthDate: boolean }, today: string): { sex?: Sex; birthDate?: string } {
  const r = readNik(nik);
  if (!r.ok) return {};
  return { ...(empty.sex ? { sex: r.facts.sex } : {}), ...(empty.birthDate ? { birthDate: nikBirthDate(r.facts, today) } : {}) };
}
