/**
 * Indonesian numbers in words (terbilang), as written in agreements and letters:
 * 11 "sebelas", 100 "seratus", 1000 "seribu", 1100 "seribu seratus", 2023 "dua ribu dua puluh tiga".
 */
import { MONTHS, weekdayOf } from './format';

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
/** Scale words by powers of a thousand; "ribu" takes the "se-" prefix for one (seribu), the others do not. */
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'] as const;
export const TERBILANG_MAX = 999_999_999_999_999;

/** 1..999 in words (never "nol"). */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(DIGITS[hundreds]!, 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(DIGITS[rest - 10]!, 'belas');
  else if (rest >= 20) {
    words.push(DIGITS[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10) words.push(DIGITS[rest % 10]!);
  } else if (rest > 0) words.push(DIGITS[rest]!);
  return words;
}

export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || Math.abs(n) > TERBILANG_MAX) throw new RangeError(`terbilang: ${n} is not a whole number up to ${TERBILANG_MAX}`);
  if (n === 0) return 'nol';
  if (n < 0) return `minus ${terbilang(-n)}`;
  const words: string[] = [];
  for (let scale = SCALES.length - 1; scale >= 0; scale--) {
    const chunk = Math.floor(n / 1000 ** scale) % 1000;
    if (chunk === 0) continue;
    if (scale === 1 && chunk === 1) words.push('seribu');
    else words.push(...belowThousand(chunk), ...(scale > 0 ? [SCALES[scale]!] : []));
  }
  return words.join(' ');
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Roman numerals, used for the month in letter numbers (e.g. .../III/2025). */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`toRoman: ${n} is outside 1..3999`);
  let out = '';
  let rest = n;
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

export interface DateInWords {
  readonly hari: string;
  readonly tanggal: string;
  readonly bulan: string;
  readonly tahun: string;
}

/** A calendar date spelled out as in the opening of an agreement. */
export function dateInWords(date: string): DateInWords {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`dateInWords: ${date} is not YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { hari: weekdayOf(date), tanggal: terbilang(d), bulan: MONTHS.id[mo - 1] ?? '', tahun: terbilang(y) };
}

/** "Pada hari ini Selasa tanggal tiga puluh satu bulan Januari tahun dua ribu dua puluh tiga" */
export function openingDateSentence(date: string): string {
  const w = dateInWords(date);
  return `Pada hari ini ${w.hari} tanggal ${w.tanggal} bulan ${w.bulan} tahun ${w.tahun}`;
}
