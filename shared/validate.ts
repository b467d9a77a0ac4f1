/** Pure validators and normalisers shared by the forms (comfort) and the main process (safety). */

/**
 * Normalises an Indonesian phone number to E.164 (+62...). Accepts the forms officers type:
 * 0812-3456-7890, 0812 3456 7890, +62 812..., 62812..., (0732) 21234. Returns null when the
 * input cannot be an Indonesian number (wrong prefix, too short or too long).
 */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) return null;
  const plus = trimmed.startsWith('+');
  const digits = trimmed.replace(/\D/g, '');
  let national: string;
  if (plus) {
    if (!digits.startsWith('62')) return null;
    national = digits.slice(2);
  } else if (digits.startsWith('62')) {
    national = digits.slice(2);
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else {
    return null;
  }
  // A national significant number: area code or mobile prefix never starts with 0.
  // Landlines have 7-10 digits after the trunk 0 (e.g. 0732 21234 -> 73221234); mobiles 9-12.
  if (national.startsWith('0')) return null;
  if (national.startsWith('8')) {
    if (national.length < 9 || national.length > 12) return null;
  } else if (national.length < 7 || national.length > 11) {
    return null;
  }
  return `+62${national}`;
}

/** Shows a normalised number the way Indonesians write it: +62 812-3456-7890. */
export function displayPhone(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const n = e164.slice(3);
  if (n.startsWith('8')) return `+62 ${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`.replace(/-$/, '');
  return `+62 ${n}`;
}

/** Kemendagri wilayah codes: 17 (province), 17.02 (kabupaten/kota), 17.02.01 (kecamatan), 17.02.01.2001 (desa). */
export const WILAYAH_PATTERNS = {
  province: /^\d{2}$/,
  regency: /^\d{2}\.\d{2}$/,
  district: /^\d{2}\.\d{2}\.\d{2}$/,
  village: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
} as const;
export type WilayahLevel = keyof typeof WILAYAH_PATTERNS;

export function isWilayahCode(level: WilayahLevel, code: string): boolean {
  return WILAYAH_PATTERNS[level].test(code);
}

/** True when `child` lies inside `parent` (e.g. 17.02.01 inside 17.02). */
export function isWithin(parent: string, child: string): boolean {
  return child.startsWith(`${parent}.`);
}

/** `YYYY-MM-DD` that names a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // The calendar's rule without building a Date (every due date of every schedule asks); odd
  // input (a month outside 1–12, years below 100 that Date.UTC reads as 19xx) goes to Date.
  if (Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12)
    return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : MONTH_DAYS[month - 1]!;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Folds text for searching: lower case, accents removed, punctuation to spaces, spaces collapsed.
 * "Pondok Pesantren Al-Hikmah" and "pondok pesantren al hikmah" fold to the same string.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A query that is a phone number as officers type it (0812-3456-7890, 0812 3456, +62 812...) as
 * the one digit run it is stored as ("62812..."): numbers are kept in E.164, so "0812" must look
 * for "62812". Lists search it as an alternative to the query's words (a NIK part "091503" is
 * phone-like too, and must still find the NIK). Null when the query is not phone-like; a run starting "00" (a register number such
 * as 001) is not a phone, nor text with a slash or a dot (12/2025).
 */
export function phoneSearchTerm(q: string): string | null {
  const t = q.trim();
  if (!/^[+\d\s()-]+$/.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  if (digits.length < 4) return null;
  if (t.startsWith('+')) return digits.startsWith('62') ? digits : null;
  if (/^0[1-9]/.test(digits)) return `62${digits.slice(1)}`;
  return null;
}

/** Splits a search query into folded terms; each must match somewhere (AND), as a word part. */
export function searchTerms(q: string): string[] {
  const folded = foldForSearch(q);
  return folded ? [...new Set(folded.split(' '))].slice(0, 8) : [];
}

/** 18-digit NIP of a civil servant (birth date, appointment month, sex, serial). */
export function isNip(s: string): boolean {
  return /^\d{18}$/.test(s);
}

/** A NIP as it is written on letters and cards, "19850312 201001 1 004": the spaces are not part of it. */
export function normalizeNip(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * An 18-digit NIP whose parts can be what they stand for: a birth date (YYYYMMDD), the month of
 * appointment (YYYYMM), the sex (1 or 2) and a serial number. Catches digits typed in the wrong place.
 */
export function isNipWellFormed(s: string): boolean {
  if (!isNip(s)) return false;
  const birth = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  const month = Number(s.slice(12, 14));
  return isIsoDate(birth) && Number(s.slice(8, 12)) >= 1900 && month >= 1 && month <= 12 && (s[14] === '1' || s[14] === '2');
}
