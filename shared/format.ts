/** Indonesian (and English) date wording. Month names are kept here, not taken from Intl, so that
 * printed letters read the same on every machine whatever its ICU data. */
import { TIME_ZONES, type TimeZoneCode } from './domain';

export type Locale = 'id' | 'en';

export const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export const WEEKDAYS: Readonly<Record<Locale, readonly string[]>> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

function parseIsoDate(date: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** "2025-03-05" -> "5 Maret 2025" (or "5 March 2025"). Returns the input when it is not a date. */
export function formatDate(date: string, locale: Locale = 'id'): string {
  const p = parseIsoDate(date);
  if (!p || p.m < 1 || p.m > 12) return date;
  return `${p.d} ${MONTHS[locale][p.m - 1]} ${p.y}`;
}

/** "Curup, 5 Maret 2025": the place-and-date line of a letter. */
export function formatPlaceDate(city: string, date: string, locale: Locale = 'id'): string {
  return `${city}, ${formatDate(date, locale)}`;
}

/** Weekday name of a calendar date (no time zone involved: a calendar date is a calendar date). */
export function weekdayOf(date: string, locale: Locale = 'id'): string {
  const p = parseIsoDate(date);
  if (!p) return '';
  return WEEKDAYS[locale][new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()] ?? '';
}

/** The office's calendar date of an instant, e.g. for "today" in WIT while UTC is still yesterday. */
/** Building an Intl formatter costs far more than using one: one per zone, made once. */
const dayFormatters = new Map<TimeZoneCode, Intl.DateTimeFormat>();

export function localDateOf(instant: Date, zone: TimeZoneCode): string {
  let formatter = dayFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONES[zone], year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "2025-03-05T07:30:00.000Z" in WIB -> "5 Maret 2025 14.30 WIB". */
export function formatDateTime(iso: string, zone: TimeZoneCode, locale: Locale = 'id'): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONES[zone],
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const sep = locale === 'id' ? '.' : ':';
  return `${formatDate(localDateOf(instant, zone), locale)} ${get('hour')}${sep}${get('minute')} ${zone}`;
}

/** "2025-03-05T20:30:00.000Z" in WIB -> "6 Maret 2025": the office's calendar day of a time stamp. */
export function formatDay(iso: string, zone: TimeZoneCode, locale: Locale = 'id'): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : formatDate(localDateOf(instant, zone), locale);
}

/** "05/03/2025": the office's day of a time stamp in the short form officers write, for narrow columns. */
export function formatDayShort(iso: string, zone: TimeZoneCode): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : localDateOf(instant, zone).split('-').reverse().join('/');
}

/**
 * "1,2 MB" (or "1.2 MB"): file sizes in binary units, one decimal below 10 so a limit of 18 MB
 * and an estimate of 17,6 MB can be told apart. The decimal mark is written here, not by Intl,
 * for the same reason as the month names.
 */
export function formatBytes(bytes: number, locale: Locale = 'id'): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${locale === 'id' ? text.replace('.', ',') : text} ${units[unit]}`;
}

/** "2025-03-05T20:29:00.000Z" in WIB -> "03.29 WIB": the clock time of an instant in the office zone (lockout ends). */
export function formatClock(iso: string, zone: TimeZoneCode, locale: Locale = 'id'): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONES[zone], hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('hour')}${locale === 'id' ? '.' : ':'}${get('minute')} ${zone}`;
}
