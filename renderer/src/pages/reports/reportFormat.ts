import type { Locale } from '../../../../shared/format';
import { formatDate } from '../../../../shared/format';
import type { RecordCell, RecordColumn } from '../../../../shared/reports';

const formatters = new Map<Locale, Intl.NumberFormat>();

/** 1.234 and 81,8 in Indonesian; 1,234 and 81.8 in English. */
export function formatNumber(n: number, locale: Locale): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
    formatters.set(locale, f);
  }
  return f.format(n);
}

/** A records table's cell in words: dates written out, codes translated, numbers formatted. */
export function formatCell(col: RecordColumn, v: RecordCell, locale: Locale, t: (key: string) => string): string {
  if (v === null || v === '') return '—';
  if (col.kind === 'date') return formatDate(String(v), locale);
  if (col.kind === 'number') return formatNumber(Number(v), locale);
  if (col.kind === 'enum') return t(`${col.prefix}${v}`);
  return String(v);
}
