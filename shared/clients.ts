/**
 * Client (klien pemasyarakatan) vocabularies and the rules that both forms and the main process
 * apply: adult or child, and the suggested bimbingan phase.
 */
import { foldForSearch } from './validate';

/** What a client is found by: any part of the name, register number or NIK digits. */
export const clientSearchText = (name: string, registerNumber: string, nik: string | null) => foldForSearch([name, registerNumber, nik ?? ''].join(' '));

export const PROGRAMS = ['pb', 'cb', 'cmb', 'asimilasi', 'pidana_bersyarat', 'pidana_kerja_sosial', 'diversi', 'pengawasan_lain'] as const;
export type Program = (typeof PROGRAMS)[number];

export const CLIENT_STATUSES = ['aktif', 'selesai', 'dicabut', 'pindah', 'meninggal'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/**
 * What "aktif" means. The stored status says whether the record is open: `aktif` until the office
 * closes it (selesai, dicabut, pindah, meninggal). A client is under supervision ("aktif" in every
 * count, list filter, overdue list, agenda and home visit) only while the record is open AND the
 * supervision has not ended: the day after `supervision_end`, an open record is "masa bimbingan
 * berakhir, belum ditutup" (standing `berakhir`), counted nowhere as aktif and listed for closing.
 * The one rule in SQL is `underSupervision` in db/repositories/caseload.ts, tested against this one.
 */
export const CLIENT_STANDINGS = [...CLIENT_STATUSES, 'berakhir'] as const;
export type ClientStanding = (typeof CLIENT_STANDINGS)[number];

export function clientStanding(status: ClientStatus, supervisionEnd: string, today: string): ClientStanding {
  return status === 'aktif' && supervisionEnd < today ? 'berakhir' : status;
}

export const isUnderSupervision = (status: ClientStatus, supervisionEnd: string, today: string) => clientStanding(status, supervisionEnd, today) === 'aktif';

/**
 * Under supervision on a past (or any) day, as the reports count "aktif at the end of the period":
 * the record was open that day (still open, or closed after it: `statusDate` is the day it was
 * closed), the supervision had begun and had not ended. On the office's today it is
 * `isUnderSupervision` for every supervision already begun. SQL twin: `underSupervisionOn` in
 * db/repositories/caseload.ts.
 */
export function wasUnderSupervisionOn(status: ClientStatus, statusDate: string, supervisionStart: string, supervisionEnd: string, day: string): boolean {
  const open = status === 'aktif' || statusDate > day;
  return open && supervisionStart <= day && supervisionEnd >= day;
}

/**
 * The default "wajib lapor dihitung sejak": the day the client is entered, within the supervision
 * period (a client registered before the start is counted from the start).
 */
export function defaultReportingFrom(supervisionStart: string, supervisionEnd: string, today: string): string {
  return today < supervisionStart ? supervisionStart : today > supervisionEnd ? supervisionEnd : today;
}

export const REPORTING = ['bulanan', 'dua_mingguan', 'tidak'] as const;
export type Reporting = (typeof REPORTING)[number];

export const PHASES = ['awal', 'lanjutan', 'akhir'] as const;
export type Phase = (typeof PHASES)[number];

export const RELIGIONS = ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'khonghucu', 'kepercayaan'] as const;
export const EDUCATION = ['tidak_sekolah', 'sd', 'smp', 'sma', 'diploma', 's1', 's2_s3'] as const;

/** Whole years between two ISO dates (the birthday counts on the day itself). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Anak (child) when under 18 at the start of supervision (UU 11/2012 on juvenile justice); unknown
 * without a birth date.
 */
export function isChild(birthDate: string | null, supervisionStart: string): boolean | null {
  return birthDate ? ageOn(birthDate, supervisionStart) < 18 : null;
}

/**
 * The bimbingan phase a date falls in, as practised by Bapas: awal up to one third of the
 * supervision period, lanjutan up to one half, akhir after that. Before the start it is awal; after
 * the end, akhir. The PK may override it.
 */
export function suggestedPhase(start: string, end: string, on: string): Phase {
  const span = dayNumber(end) - dayNumber(start) + 1;
  const done = dayNumber(on) - dayNumber(start) + 1;
  if (done * 3 <= span) return 'awal';
  if (done * 2 <= span) return 'lanjutan';
  return 'akhir';
}

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
