/**
 * Pasal templates and their placeholders. The office keeps editable templates (the standard one is
 * seeded on first run); a new agreement copies a template's text, placeholders included, and they
 * are filled from the agreement's own data each time it is printed, so a changed date or service
 * never leaves stale text behind.
 */
import { addDays } from './agreements';
import { formatDate } from './format';
import { terbilang } from './terbilang';

/** What a pasal may refer to, written {name}. The editors list these and mark anything else. */
export const PLACEHOLDERS = [
  'mitra',
  'kantor',
  'layanan',
  'tanggal_mulai',
  'tanggal_berakhir',
  'tanggal_tanda_tangan',
  'jangka_waktu',
  'tempat',
  'nomor',
  'nomor_mitra',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Anything in braces counts as a placeholder, so a typo such as {Mitra} or {nama mitra} is caught too. */
const BRACED = /\{([^{}\n]{1,40})\}/g;

/** The placeholders a text uses, in order of first use, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(BRACED)].map((m) => m[1]!))];
}

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((p) => !isPlaceholder(p));
}

/** Printed where a value is missing or a placeholder is unknown: a blank to fill by hand, never a raw {token}. */
export const BLANK = '……………';

/** Fills every placeholder; unknown ones and empty values become a blank line for the pen. */
export function fillPlaceholders(text: string, values: Readonly<Record<Placeholder, string>>): string {
  return text.replace(BRACED, (_m, name: string) => (isPlaceholder(name) && values[name] ? values[name] : BLANK));
}

/** "a", "a dan b", "a, b, dan c": the way a list of services reads in a pasal. */
export function joinIndonesian(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' dan ');
  return `${items.slice(0, -1).join(', ')}, dan ${items.at(-1)}`;
}

/** "2 (dua) tahun", "18 (delapan belas) bulan": a term in months as a pasal states it. */
export function termInWords(months: number): string {
  if (months % 12 === 0) return `${months / 12} (${terbilang(months / 12)}) tahun`;
  return `${months} (${terbilang(months)}) bulan`;
}

/** The term in months when start to end spans whole months (1 Feb 2025 – 31 Jan 2026 is 12); else null. */
export function wholeMonths(startDate: string, endDate: string): number | null {
  const [sy, sm, sd] = startDate.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = addDays(endDate, 1).split('-').map(Number) as [number, number, number];
  const months = (ey - sy) * 12 + (em - sm);
  return ed === sd && months > 0 ? months : null;
}

export interface PlaceholderSource {
  readonly partnerName: string;
  readonly officeName: string;
  readonly serviceNames: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly signDate: string;
  readonly termMonths: number | null;
  readonly signPlace: string;
  readonly officeNumber: string;
  readonly partnerNumber: string;
}

export function placeholderValues(s: PlaceholderSource): Record<Placeholder, string> {
  const months = s.termMonths ?? wholeMonths(s.startDate, s.endDate);
  return {
    mitra: s.partnerName,
    kantor: s.officeName,
    layanan: joinIndonesian(s.serviceNames),
    tanggal_mulai: formatDate(s.startDate),
    tanggal_berakhir: formatDate(s.endDate),
    tanggal_tanda_tangan: formatDate(s.signDate),
    jangka_waktu: months ? termInWords(months) : `sejak tanggal ${formatDate(s.startDate)} sampai dengan tanggal ${formatDate(s.endDate)}`,
    tempat: s.signPlace,
    nomor: s.officeNumber,
    nomor_mitra: s.partnerNumber,
  };
}

/**
 * The standard pasal (common government practice for a PKS), seeded as the office's first
 * template; the office edits it or adds its own.
 */
export const STANDARD_ARTICLES: readonly { readonly heading: string; readonly body: string }[] = [
  {
    heading: 'Maksud dan Tujuan',
    body: 'Perjanjian Kerja Sama ini dimaksudkan sebagai pedoman bagi PARA PIHAK dalam melaksanakan pembimbingan dan pendampingan Klien Pemasyarakatan {kantor} bersama {mitra}, dengan tujuan mendukung reintegrasi sosial Klien.',
  },
  {
    heading: 'Ruang Lingkup',
    body: 'Ruang lingkup Perjanjian Kerja Sama ini meliputi {layanan} bagi Klien Pemasyarakatan yang disalurkan oleh PIHAK PERTAMA kepada PIHAK KEDUA.',
  },
  {
    heading: 'Hak dan Kewajiban',
    body: 'PIHAK PERTAMA berhak menyalurkan Klien dan berkewajiban melakukan pengawasan serta pembimbingan. PIHAK KEDUA berhak memperoleh informasi yang diperlukan tentang Klien dan berkewajiban melaksanakan layanan yang disepakati serta melaporkan perkembangan Klien.',
  },
  {
    heading: 'Jangka Waktu',
    body: 'Perjanjian Kerja Sama ini berlaku selama {jangka_waktu}, terhitung sejak tanggal {tanggal_mulai} sampai dengan tanggal {tanggal_berakhir}, dan dapat diperpanjang atas kesepakatan PARA PIHAK.',
  },
  {
    heading: 'Pembiayaan',
    body: 'Segala biaya yang timbul dari pelaksanaan Perjanjian Kerja Sama ini dibebankan kepada masing-masing PIHAK sesuai ketentuan yang berlaku.',
  },
  {
    heading: 'Evaluasi dan Pelaporan',
    body: 'PARA PIHAK melakukan evaluasi pelaksanaan Perjanjian Kerja Sama ini secara berkala dan menyampaikan laporan kegiatan.',
  },
  {
    heading: 'Penyelesaian Perselisihan',
    body: 'Perselisihan yang timbul dari pelaksanaan Perjanjian Kerja Sama ini diselesaikan secara musyawarah untuk mufakat.',
  },
  {
    heading: 'Keadaan Kahar',
    body: 'Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang mengakibatkan tertundanya pelaksanaan Perjanjian ini. PIHAK yang mengalaminya memberitahukan secara tertulis kepada PIHAK lainnya.',
  },
  // The copies ("rangkap 2 … kekuatan hukum yang sama") are stated once, in the closing sentence the PKS always prints.
  {
    heading: 'Penutup',
    body: 'Hal-hal yang belum diatur dalam Perjanjian Kerja Sama ini akan diatur kemudian atas kesepakatan PARA PIHAK dan dituangkan dalam adendum yang merupakan bagian tidak terpisahkan dari Perjanjian Kerja Sama ini.',
  },
];

/** The seeded standard template keeps a fixed id so every office's first template is the same row. */
export const STANDARD_TEMPLATE_ID = '00000000-0000-7000-8000-000000000001';

export const STANDARD_LEGAL_BASES: readonly string[] = [
  'Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan',
  'Keputusan Direktur Jenderal Pemasyarakatan Nomor PAS-06.OT.02.02 Tahun 2020 tentang Pembentukan Kelompok Masyarakat Peduli Pemasyarakatan',
];
