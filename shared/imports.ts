/**
 * Reading client spreadsheets that offices already keep: which column is which (from Indonesian
 * headers), and what a cell really says (dates written five ways, NIKs that Excel has mangled).
 * Pure functions: the main process runs them over every row and the tests over every variant.
 */
import { type DateTextReading, readDateText } from './dates';
import { normalizeNik, readNik } from './nik';
import { foldForSearch } from './validate';

export const IMPORT_FIELDS = [
  'registerNumber',
  'name',
  'nik',
  'sex',
  'placeAndDate',
  'birthPlace',
  'birthDate',
  'address',
  'phone',
  'program',
  'decisionNumber',
  'decisionDate',
  'offence',
  'supervisionStart',
  'supervisionEnd',
  'reporting',
  'guarantorName',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Headers as offices write them, folded (lower case, no punctuation). The first match wins. */
const HEADER_NAMES: readonly (readonly [ImportField, readonly string[]])[] = [
  ['registerNumber', ['no register', 'nomor register', 'no reg', 'register', 'no registrasi', 'nomor registrasi']],
  ['nik', ['nik', 'no ktp', 'nomor ktp', 'nomor induk kependudukan']],
  ['placeAndDate', ['tempat tgl lahir', 'tempat tanggal lahir', 'ttl', 'tempat tgl lhr']],
  ['birthPlace', ['tempat lahir']],
  ['birthDate', ['tanggal lahir', 'tgl lahir', 'tgl lhr']],
  ['sex', ['jenis kelamin', 'jk', 'l p', 'kelamin']],
  ['name', ['nama', 'nama klien', 'nama lengkap', 'nama klien pemasyarakatan']],
  ['address', ['alamat', 'alamat rumah', 'alamat klien']],
  ['phone', ['telepon', 'no hp', 'hp', 'no telp', 'nomor hp', 'no telepon', 'telp']],
  ['program', ['program', 'jenis program', 'jenis bimbingan', 'jenis pembimbingan']],
  ['decisionNumber', ['no sk', 'nomor sk', 'no putusan', 'nomor putusan', 'no sk putusan']],
  ['decisionDate', ['tgl sk', 'tanggal sk', 'tanggal putusan', 'tgl putusan']],
  ['offence', ['tindak pidana', 'kasus', 'perkara', 'pasal']],
  ['supervisionStart', ['tgl mulai bimbingan', 'tanggal mulai bimbingan', 'mulai bimbingan', 'awal bimbingan', 'tgl mulai', 'tanggal mulai']],
  [
    'supervisionEnd',
    ['tgl akhir bimbingan', 'tanggal akhir bimbingan', 'akhir bimbingan', 'tgl selesai', 'tanggal selesai', 'tgl berakhir', 'tanggal berakhir', 'ekspirasi'],
  ],
  ['reporting', ['wajib lapor', 'frekuensi lapor']],
  ['guarantorName', ['penjamin', 'nama penjamin']],
  ['notes', ['keterangan', 'catatan', 'ket']],
];

const fold = (s: string) => foldForSearch(s).replace(/\s+/g, ' ');

/** The field a header names, or null. */
export function fieldOfHeader(header: string): ImportField | null {
  const h = fold(header);
  if (!h) return null;
  for (const [field, names] of HEADER_NAMES) if (names.includes(h)) return field;
  return null;
}

export type ColumnMapping = Partial<Record<ImportField, number>>;

/**
 * Finds the header row among the first rows (titles and blank lines often come first) and maps
 * each recognised header to its column. Null when no row has at least two recognisable headers.
 */
export function detectHeader(rows: readonly (readonly unknown[])[], scan = 15): { row: number; headers: string[]; mapping: ColumnMapping } | null {
  for (let r = 0; r < Math.min(scan, rows.length); r++) {
    const headers = (rows[r] ?? []).map((c) => (c === null || c === undefined ? '' : String(c)));
    const mapping: ColumnMapping = {};
    headers.forEach((h, i) => {
      const f = fieldOfHeader(h);
      if (f && mapping[f] === undefined) mapping[f] = i;
    });
    if (Object.keys(mapping).length >= 2) return { row: r, headers, mapping };
  }
  return null;
}

/** A cell as read from a file: text, a number (Excel's numbers and serial dates), a date, or empty. */
export type Cell = string | number | Date | null;

export type DateReading = DateTextReading;

/** Excel's serial day numbers count from 30 December 1899 (its 1900 leap-year bug included). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 200_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads a date written any of the ways offices write them: an Excel date or serial number,
 * 2025-03-05, 05-03-2025, 5/3/2025, 5.3.2025, "5 Maret 2025". Day-month order is Indonesian;
 * when day and month could be swapped (both 12 or less and different), or the year has two
 * digits, the reading is marked ambiguous so the officer checks it.
 */
export function readDateCell(cell: Cell): DateReading | null {
  if (cell === null || cell === '') return null;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? { error: 'date' } : { date: cell.toISOString().slice(0, 10), ambiguous: false };
  }
  if (typeof cell === 'number') {
    const d = excelSerialToDate(cell);
    return d ? { date: d, ambiguous: false } : { error: 'date' };
  }
  const s = cell.trim();
  // A number on its own is Excel's serial day number, written out as text.
  if (/^\d+(\.\d+)?$/.test(s)) {
    const d = excelSerialToDate(Number(s));
    return d ? { date: d, ambiguous: false } : { error: 'date' };
  }
  return readDateText(s, { twoDigitYears: true }) ?? { error: 'date' };
}

export type NikCellReading = { readonly nik: string } | { readonly error: 'nikDamaged' | 'nikInvalid' } | null;

/**
 * A NIK cell. Excel keeps 15 significant digits, so a 16-digit NIK typed into a number cell loses
 * its last digit (it becomes 0) or shows as 3.20123E+15: a number cell, or text in scientific
 * notation, is reported as damaged and never guessed at. Text is read as typed.
 */
export function readNikCell(cell: Cell): NikCellReading {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') return { error: 'nikDamaged' };
  if (cell instanceof Date) return { error: 'nikInvalid' };
  const s = cell.trim().replace(/^'/, '');
  if (/^\d(\.\d+)?e\+?\d+$/i.test(s) || /^\d+[.,]\d+e\+?\d+$/i.test(s)) return { error: 'nikDamaged' };
  const digits = normalizeNik(s);
  return readNik(digits).ok ? { nik: digits } : { error: 'nikInvalid' };
}

export function readSexCell(cell: Cell): 'L' | 'P' | null {
  const s = fold(String(cell ?? ''));
  if (['l', 'lk', 'laki laki', 'laki', 'pria', 'male', 'm'].includes(s)) return 'L';
  if (['p', 'pr', 'perempuan', 'wanita', 'female', 'f', 'w'].includes(s)) return 'P';
  return null;
}

const PROGRAM_NAMES: readonly (readonly [string, readonly string[]])[] = [
  ['pb', ['pb', 'pembebasan bersyarat']],
  ['cb', ['cb', 'cuti bersyarat']],
  ['cmb', ['cmb', 'cuti menjelang bebas']],
  ['asimilasi', ['asimilasi', 'as']],
  ['pidana_bersyarat', ['pidana bersyarat', 'pib', 'pidana percobaan']],
  ['pidana_kerja_sosial', ['pidana kerja sosial', 'pks', 'kerja sosial', 'pidsos']],
  ['diversi', ['diversi']],
  ['pengawasan_lain', ['pengawasan', 'pengawasan lainnya', 'lainnya']],
];

export function readProgramCell(cell: Cell): string | null {
  const s = fold(String(cell ?? ''));
  return PROGRAM_NAMES.find(([, names]) => names.includes(s))?.[0] ?? null;
}

export function readReportingCell(cell: Cell): 'bulanan' | 'dua_mingguan' | 'tidak' | null {
  const s = fold(String(cell ?? ''));
  if (!s) return null;
  if (['bulanan', 'sebulan sekali', '1 bulan', 'per bulan'].includes(s)) return 'bulanan';
  if (['dua mingguan', '2 minggu', 'dua minggu', 'per 2 minggu'].includes(s)) return 'dua_mingguan';
  if (['tidak', 'tidak wajib', '-'].includes(s)) return 'tidak';
  return null;
}

/** "Curup, 15-03-1985" or "Curup / 15 Maret 1985": the place and the date in one cell. */
export function splitPlaceAndDate(cell: Cell): { place: string; date: Cell } {
  if (cell === null) return { place: '', date: null };
  if (typeof cell !== 'string') return { place: '', date: cell };
  const m = /^(.*?)[,/]\s*(\d.*)$/.exec(cell.trim());
  return m ? { place: m[1]!.trim(), date: m[2]!.trim() } : { place: cell.trim(), date: null };
}
