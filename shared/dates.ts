/**
 * Reading dates written the ways Indonesian offices write them, by hand in a date field or in a
 * spreadsheet cell: 20/01/2025, 20-01-2025, 20.01.2025, 2025-01-20, "20 Januari 2025",
 * "20 jan 2025". One reader for both, so a form and an import never disagree about a date.
 * Pure functions; the renderer's date field and the import both use them.
 */
import { MONTHS } from './format';
import { isIsoDate } from './validate';

/** Month names and abbreviations, Indonesian and English, lower case. */
const MONTH_NAMES = new Map<string, number>([
  ...MONTHS.id.map((m, i) => [m.toLowerCase(), i + 1] as const),
  ...MONTHS.en.map((m, i) => [m.toLowerCase(), i + 1] as const),
  ...MONTHS.id.map((m, i) => [m.slice(0, 3).toLowerCase(), i + 1] as const),
  ...MONTHS.en.map((m, i) => [m.slice(0, 3).toLowerCase(), i + 1] as const),
  // Abbreviations offices and dayjs's Indonesian locale use besides the first three letters.
  ['agt', 8],
  ['ags', 8],
  ['sept', 9],
  // Older spellings still seen in registers.
  ['pebruari', 2],
  ['nopember', 11],
]);

/** The month a name or abbreviation stands for (any case), or null. */
export function monthOfName(name: string): number | null {
  return MONTH_NAMES.get(name.toLowerCase()) ?? null;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export type DateTextReading = { readonly date: string; readonly ambiguous: boolean } | { readonly error: 'date' };

/**
 * Reads a written date, day before month. `twoDigitYears` lets a spreadsheet's 05/03/25 be read
 * as 2025 (marked ambiguous); a date field refuses them, since a birth date typed as 12/05/85
 * must not become 2085. Day and month that could be swapped are marked ambiguous as well.
 * Null for empty text.
 */
export function readDateText(text: string, opts: { twoDigitYears?: boolean } = {}): DateTextReading | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isIsoDate(s) ? { date: s, ambiguous: false } : { error: 'date' };
  const numeric = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$/.exec(s);
  if (numeric) {
    const [d, m, yRaw] = [Number(numeric[1]), Number(numeric[3]), numeric[4]!];
    if (yRaw.length === 2 && !opts.twoDigitYears) return { error: 'date' };
    const y = yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw);
    const date = iso(y, m, d);
    if (!isIsoDate(date)) return { error: 'date' };
    return { date, ambiguous: yRaw.length === 2 || (d <= 12 && m <= 12 && d !== m) };
  }
  // "20 Januari 2025", "20 jan. 2025", "20-Jan-2025", "20 Jan, 2025".
  const worded = /^(\d{1,2})(?:\s+|\s*-\s*)([A-Za-z]+)\.?(?:,?\s+|\s*-\s*)(\d{4})$/.exec(s);
  if (worded) {
    const m = monthOfName(worded[2]!);
    const date = m ? iso(Number(worded[3]), m, Number(worded[1])) : '';
    return m && isIsoDate(date) ? { date, ambiguous: false } : { error: 'date' };
  }
  return { error: 'date' };
}

/**
 * What an officer typed into a date field, as a calendar date (YYYY-MM-DD), or null when it cannot
 * be read (31/02/2025, 2025-13-01, "20 Foo 2025", a two-digit year, empty text). Never a guess.
 */
export function readTypedDate(text: string): string | null {
  const r = readDateText(text);
  return r && 'date' in r ? r.date : null;
}
