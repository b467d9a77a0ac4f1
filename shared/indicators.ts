/**
 * The indicators of the standard report ("Laporan Pokmas Lipas dan Pembimbingan Klien") as data:
 * what each is called, how it is defined on paper, its unit and section, how it adds up over
 * months, and which named query of db/repositories/reports computes it. Screens, printouts and
 * tests read this table; none of them computes a figure of its own.
 *
 * A figure is the number of rows (or the sum of their amounts, for hours) of its query's records
 * matching its `filter`; a breakdown splits those same rows by one dimension, so the rows of a
 * breakdown add up to the figure. A ratio is one figure over the sum of others, × 100.
 */
import { BIDANG, PARTNER_CATEGORIES, PARTNER_STATUSES } from './domain';
import { CHECKIN_KINDS } from './checkins';
import { CLIENT_STATUSES, PHASES, PROGRAMS } from './clients';
import { ACTIVITY_TYPES } from './activities';
import { OUTCOMES, REFERRAL_STATUSES } from './referrals';

/** The named record queries (db/repositories/reports/groups.ts implements each). */
export const REPORT_GROUPS = [
  'pokmasGroups',
  'partners',
  'partnerBidang',
  'agreements',
  'activeClients',
  'newClients',
  'endedClients',
  'referrals',
  'referralBidang',
  'referralOutcomes',
  'activities',
  'participants',
  'dues',
  'homeVisits',
  'missStreaks',
  'ksClients',
  'ksReferrals',
  'ksHours',
] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/**
 * Dimensions records are split by. `values` lists a closed vocabulary (every value gets a row,
 * zero included, in this order) with its i18n prefix; an open one (partners, services, kinds of
 * institution) takes its rows and labels from the records.
 */
export const DIMENSIONS = {
  bidang: { prefix: 'bidang.', values: BIDANG },
  status: { prefix: 'status.', values: PARTNER_STATUSES },
  category: { prefix: 'category.', values: PARTNER_CATEGORIES },
  institution: { prefix: null, values: null },
  program: { prefix: 'program.', values: PROGRAMS },
  age: { prefix: 'reports.age.', values: ['dewasa', 'anak'] },
  sex: { prefix: 'sex.', values: ['L', 'P'] },
  phase: { prefix: 'phase.', values: PHASES },
  reason: { prefix: 'clientStatus.', values: CLIENT_STATUSES.filter((s) => s !== 'aktif') },
  service: { prefix: null, values: null },
  partner: { prefix: null, values: null },
  referralStatus: { prefix: 'referralStatus.', values: REFERRAL_STATUSES },
  outcome: { prefix: 'outcome.', values: OUTCOMES },
  activityType: { prefix: 'activityType.', values: ACTIVITY_TYPES },
  kind: { prefix: 'checkinKind.', values: CHECKIN_KINDS },
} as const satisfies Record<string, { prefix: string | null; values: readonly string[] | null }>;
export type Dimension = keyof typeof DIMENSIONS;

/** Flags a query sets on each record (1 or 0), for figures that take part of a query's records. */
export type Flag =
  'inForce' | 'isNew' | 'signed' | 'renewed' | 'ended' | 'cancelled' | 'endingSoon' | 'referred' | 'working' | 'attended' | 'met' | 'missed' | 'completed';

export const SECTIONS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Section = (typeof SECTIONS)[number];

export const UNITS = ['orang', 'mitra', 'kelompok', 'pks', 'rujukan', 'kegiatan', 'kali', 'jam', 'persen'] as const;
export type Unit = (typeof UNITS)[number];

/** sum: the months add up to the quarter and the year; state: counted on the period's last day; ratio: a percentage. */
export type Aggregation = 'sum' | 'state' | 'ratio';

interface Text {
  readonly id: string;
  readonly en: string;
}

interface Base {
  readonly code: string;
  readonly section: Section;
  readonly name: Text;
  /** As printed under "Formulasi perhitungan". */
  readonly definition: Text;
  readonly unit: Unit;
}

export interface CountIndicator extends Base {
  readonly aggregation: 'sum' | 'state';
  readonly group: ReportGroup;
  readonly filter?: Partial<Record<Flag, 0 | 1>>;
  readonly breakdown?: Dimension;
  /** `amount`: the figure is the sum of the records' amounts (hours), not their number. */
  readonly measure?: 'count' | 'amount';
}

export interface RatioIndicator extends Base {
  readonly aggregation: 'ratio';
  readonly numerator: string;
  /** Summed: compliance is reported ÷ (reported + missed). */
  readonly denominator: readonly string[];
}

export type Indicator = CountIndicator | RatioIndicator;

const t = (id: string, en: string): Text => ({ id, en });

export const INDICATORS: readonly Indicator[] = [
  // 1 Mitra dan Pokmas
  {
    code: 'pokmas_kelompok',
    section: 1,
    name: t('Kelompok Pokmas Lipas menurut bidang', 'Pokmas groups by bidang'),
    definition: t('jumlah kelompok Pokmas Lipas terdaftar pada akhir periode', 'groups registered at the end of the period'),
    unit: 'kelompok',
    aggregation: 'state',
    group: 'pokmasGroups',
    breakdown: 'bidang',
  },
  {
    code: 'mitra_jumlah',
    section: 1,
    name: t('Mitra terdaftar', 'Registered partners'),
    definition: t('jumlah mitra terdaftar pada akhir periode', 'partners registered at the end of the period'),
    unit: 'mitra',
    aggregation: 'state',
    group: 'partners',
  },
  {
    code: 'mitra_status',
    section: 1,
    name: t('Mitra menurut status', 'Partners by status'),
    definition: t('jumlah mitra menurut status pada akhir periode', 'partners by status at the end of the period'),
    unit: 'mitra',
    aggregation: 'state',
    group: 'partners',
    breakdown: 'status',
  },
  {
    code: 'mitra_bidang',
    section: 1,
    name: t('Mitra menurut bidang', 'Partners by bidang'),
    definition: t('jumlah mitra pada tiap bidang (satu mitra dapat berada di dua bidang)', 'partners in each bidang (a partner may be in both)'),
    unit: 'mitra',
    aggregation: 'state',
    group: 'partnerBidang',
    breakdown: 'bidang',
  },
  {
    code: 'mitra_kategori',
    section: 1,
    name: t('Mitra menurut kategori', 'Partners by category'),
    definition: t('jumlah mitra menurut kategori pada akhir periode', 'partners by category at the end of the period'),
    unit: 'mitra',
    aggregation: 'state',
    group: 'partners',
    breakdown: 'category',
  },
  {
    code: 'mitra_jenis',
    section: 1,
    name: t('Mitra menurut jenis lembaga', 'Partners by type of institution'),
    definition: t('jumlah mitra menurut jenis lembaga pada akhir periode', 'partners by type of institution at the end of the period'),
    unit: 'mitra',
    aggregation: 'state',
    group: 'partners',
    breakdown: 'institution',
  },
  {
    code: 'mitra_baru',
    section: 1,
    name: t('Mitra baru', 'New partners'),
    definition: t('jumlah mitra yang didaftarkan dalam periode', 'partners registered in the period'),
    unit: 'mitra',
    aggregation: 'sum',
    group: 'partners',
    filter: { isNew: 1 },
  },
  {
    code: 'mitra_ber_pks',
    section: 1,
    name: t('Mitra dengan PKS berlaku', 'Partners with an agreement in force'),
    definition: t('jumlah mitra yang memiliki PKS berlaku pada akhir periode', 'partners holding an agreement in force at the end of the period'),
    unit: 'mitra',
    aggregation: 'state',
    group: 'partners',
    filter: { inForce: 1 },
  },
  {
    code: 'mitra_tanpa_pks',
    section: 1,
    name: t('Mitra tanpa PKS berlaku', 'Partners without an agreement in force'),
    definition: t('jumlah mitra tanpa PKS berlaku pada akhir periode', 'partners with no agreement in force at the end of the period'),
    unit: 'mitra',
    aggregation: 'state',
    group: 'partners',
    filter: { inForce: 0 },
  },
  // 2 PKS
  {
    code: 'pks_berlaku',
    section: 2,
    name: t('PKS berlaku pada akhir periode', 'Agreements in force at the end'),
    definition: t('jumlah PKS yang berlaku pada hari terakhir periode', 'agreements in force on the last day'),
    unit: 'pks',
    aggregation: 'state',
    group: 'agreements',
    filter: { inForce: 1 },
  },
  {
    code: 'pks_ditandatangani',
    section: 2,
    name: t('PKS ditandatangani', 'Agreements signed'),
    definition: t('jumlah PKS yang ditandatangani dalam periode', 'agreements signed in the period'),
    unit: 'pks',
    aggregation: 'sum',
    group: 'agreements',
    filter: { signed: 1 },
  },
  {
    code: 'pks_diperpanjang',
    section: 2,
    name: t('PKS diperpanjang', 'Agreements renewed'),
    definition: t('jumlah PKS perpanjangan yang ditandatangani dalam periode', 'renewals signed in the period'),
    unit: 'pks',
    aggregation: 'sum',
    group: 'agreements',
    filter: { renewed: 1 },
  },
  {
    code: 'pks_berakhir',
    section: 2,
    name: t('PKS berakhir', 'Agreements ended'),
    definition: t('jumlah PKS yang masa berlakunya habis dalam periode', 'agreements whose term ended in the period'),
    unit: 'pks',
    aggregation: 'sum',
    group: 'agreements',
    filter: { ended: 1 },
  },
  {
    code: 'pks_dibatalkan',
    section: 2,
    name: t('PKS dibatalkan', 'Agreements cancelled'),
    definition: t('jumlah PKS yang dibatalkan dalam periode', 'agreements cancelled in the period'),
    unit: 'pks',
    aggregation: 'sum',
    group: 'agreements',
    filter: { cancelled: 1 },
  },
  {
    code: 'pks_akan_berakhir',
    section: 2,
    name: t('PKS akan berakhir', 'Agreements ending soon'),
    definition: t(
      'jumlah PKS berlaku yang berakhir dalam batas hari peringatan setelah akhir periode',
      'agreements in force ending within the warning days after the period',
    ),
    unit: 'pks',
    aggregation: 'state',
    group: 'agreements',
    filter: { endingSoon: 1 },
  },
  // 3 Klien
  {
    code: 'klien_aktif',
    section: 3,
    name: t('Klien aktif', 'Active clients'),
    definition: t('jumlah klien dalam masa bimbingan pada akhir periode', 'clients under supervision at the end of the period'),
    unit: 'orang',
    aggregation: 'state',
    group: 'activeClients',
  },
  {
    code: 'klien_aktif_program',
    section: 3,
    name: t('Klien aktif menurut program', 'Active clients by programme'),
    definition: t('jumlah klien aktif pada akhir periode menurut program', 'active clients by programme'),
    unit: 'orang',
    aggregation: 'state',
    group: 'activeClients',
    breakdown: 'program',
  },
  {
    code: 'klien_aktif_usia',
    section: 3,
    name: t('Klien aktif dewasa dan anak', 'Active clients, adults and children'),
    definition: t('anak: belum 18 tahun pada awal bimbingan', 'child: under 18 at the start of supervision'),
    unit: 'orang',
    aggregation: 'state',
    group: 'activeClients',
    breakdown: 'age',
  },
  {
    code: 'klien_aktif_jk',
    section: 3,
    name: t('Klien aktif menurut jenis kelamin', 'Active clients by sex'),
    definition: t('jumlah klien aktif pada akhir periode menurut jenis kelamin', 'active clients by sex'),
    unit: 'orang',
    aggregation: 'state',
    group: 'activeClients',
    breakdown: 'sex',
  },
  {
    code: 'klien_aktif_tahap',
    section: 3,
    name: t('Klien aktif menurut tahap bimbingan', 'Active clients by phase'),
    definition: t('tahap pada akhir periode (awal ≤ ⅓, lanjutan ≤ ½ masa bimbingan, atau tahap yang ditetapkan PK)', 'phase at the end of the period'),
    unit: 'orang',
    aggregation: 'state',
    group: 'activeClients',
    breakdown: 'phase',
  },
  {
    code: 'klien_baru',
    section: 3,
    name: t('Klien baru', 'New clients'),
    definition: t('jumlah klien yang masa bimbingannya dimulai dalam periode', 'clients whose supervision began in the period'),
    unit: 'orang',
    aggregation: 'sum',
    group: 'newClients',
    breakdown: 'program',
  },
  {
    code: 'klien_berakhir',
    section: 3,
    name: t('Klien berakhir menurut alasan', 'Clients ended by reason'),
    definition: t('jumlah klien yang ditutup dalam periode menurut alasan', 'clients closed in the period by reason'),
    unit: 'orang',
    aggregation: 'sum',
    group: 'endedClients',
    breakdown: 'reason',
  },
  // 4 Rujukan
  {
    code: 'rujukan_layanan',
    section: 4,
    name: t('Rujukan menurut layanan', 'Referrals by service'),
    definition: t('jumlah rujukan yang dibuat dalam periode', 'referrals made in the period'),
    unit: 'rujukan',
    aggregation: 'sum',
    group: 'referrals',
    breakdown: 'service',
  },
  {
    code: 'rujukan_bidang',
    section: 4,
    name: t('Rujukan menurut bidang mitra', 'Referrals by the partner’s bidang'),
    definition: t('jumlah rujukan dalam periode pada tiap bidang mitra tujuan', 'referrals in the period by the bidang of the partner'),
    unit: 'rujukan',
    aggregation: 'sum',
    group: 'referralBidang',
    breakdown: 'bidang',
  },
  {
    code: 'rujukan_mitra',
    section: 4,
    name: t('Rujukan menurut mitra', 'Referrals by partner'),
    definition: t('jumlah rujukan dalam periode menurut mitra tujuan', 'referrals in the period by partner'),
    unit: 'rujukan',
    aggregation: 'sum',
    group: 'referrals',
    breakdown: 'partner',
  },
  {
    code: 'rujukan_status',
    section: 4,
    name: t('Rujukan menurut status', 'Referrals by status'),
    definition: t('rujukan yang dibuat dalam periode menurut statusnya saat ini', 'referrals made in the period by their status now'),
    unit: 'rujukan',
    aggregation: 'sum',
    group: 'referrals',
    breakdown: 'referralStatus',
  },
  {
    code: 'rujukan_hasil',
    section: 4,
    name: t('Hasil rujukan', 'Referral outcomes'),
    definition: t('jumlah rujukan yang selesai dengan hasil tercatat dalam periode', 'referrals closed with an outcome in the period'),
    unit: 'rujukan',
    aggregation: 'sum',
    group: 'referralOutcomes',
    breakdown: 'outcome',
  },
  {
    code: 'klien_dirujuk',
    section: 4,
    name: t('Klien aktif yang pernah dirujuk', 'Active clients referred'),
    definition: t('jumlah klien aktif pada akhir periode yang memiliki rujukan', 'active clients with a referral'),
    unit: 'orang',
    aggregation: 'state',
    group: 'activeClients',
    filter: { referred: 1 },
  },
  {
    code: 'klien_dirujuk_pct',
    section: 4,
    name: t('Persentase klien aktif yang dirujuk', 'Share of active clients referred'),
    definition: t('jumlah klien aktif yang dirujuk ÷ jumlah klien aktif × 100%', 'active clients referred ÷ active clients × 100%'),
    unit: 'persen',
    aggregation: 'ratio',
    numerator: 'klien_dirujuk',
    denominator: ['klien_aktif'],
  },
  {
    code: 'klien_bekerja',
    section: 4,
    name: t('Klien aktif yang bekerja', 'Active clients in work'),
    definition: t('jumlah klien aktif pada akhir periode dengan hasil rujukan bekerja', 'active clients with a referral outcome of work'),
    unit: 'orang',
    aggregation: 'state',
    group: 'activeClients',
    filter: { working: 1 },
  },
  {
    code: 'klien_bekerja_pct',
    section: 4,
    name: t('Persentase klien bekerja', 'Share of clients in work'),
    definition: t('jumlah klien bekerja ÷ jumlah klien aktif × 100%', 'clients in work ÷ active clients × 100%'),
    unit: 'persen',
    aggregation: 'ratio',
    numerator: 'klien_bekerja',
    denominator: ['klien_aktif'],
  },
  // 5 Kegiatan
  {
    code: 'kegiatan_jenis',
    section: 5,
    name: t('Kegiatan menurut jenis', 'Activities by type'),
    definition: t('jumlah kegiatan yang dilaksanakan dalam periode', 'activities held in the period'),
    unit: 'kegiatan',
    aggregation: 'sum',
    group: 'activities',
    breakdown: 'activityType',
  },
  {
    code: 'kegiatan_bidang',
    section: 5,
    name: t('Kegiatan menurut bidang', 'Activities by bidang'),
    definition: t('jumlah kegiatan dalam periode menurut bidang', 'activities in the period by bidang'),
    unit: 'kegiatan',
    aggregation: 'sum',
    group: 'activities',
    breakdown: 'bidang',
  },
  {
    code: 'kegiatan_peserta',
    section: 5,
    name: t('Peserta kegiatan', 'Participants'),
    definition: t('jumlah klien terdaftar sebagai peserta kegiatan dalam periode', 'clients listed as participants'),
    unit: 'orang',
    aggregation: 'sum',
    group: 'participants',
  },
  {
    code: 'kegiatan_hadir',
    section: 5,
    name: t('Peserta hadir', 'Participants present'),
    definition: t('jumlah peserta yang hadir', 'participants who attended'),
    unit: 'orang',
    aggregation: 'sum',
    group: 'participants',
    filter: { attended: 1 },
  },
  {
    code: 'kegiatan_kehadiran_pct',
    section: 5,
    name: t('Persentase kehadiran', 'Attendance'),
    definition: t('jumlah peserta hadir ÷ jumlah peserta × 100%', 'present ÷ participants × 100%'),
    unit: 'persen',
    aggregation: 'ratio',
    numerator: 'kegiatan_hadir',
    denominator: ['kegiatan_peserta'],
  },
  // 6 Wajib lapor
  {
    code: 'wl_wajib',
    section: 6,
    name: t('Jadwal wajib lapor', 'Reporting dates due'),
    definition: t('jumlah jadwal wajib lapor klien yang jatuh dalam periode', 'due dates falling in the period'),
    unit: 'kali',
    aggregation: 'sum',
    group: 'dues',
  },
  {
    code: 'wl_lapor',
    section: 6,
    name: t('Melapor menurut cara', 'Reported, by way'),
    definition: t('jumlah jadwal dalam periode yang dipenuhi dengan lapor diri', 'due dates met by a check-in'),
    unit: 'kali',
    aggregation: 'sum',
    group: 'dues',
    filter: { met: 1 },
    breakdown: 'kind',
  },
  {
    code: 'wl_tidak',
    section: 6,
    name: t('Tidak melapor', 'Missed'),
    definition: t('jumlah jadwal dalam periode yang lewat batas tanpa lapor diri', 'due dates whose window closed without a check-in'),
    unit: 'kali',
    aggregation: 'sum',
    group: 'dues',
    filter: { missed: 1 },
  },
  {
    code: 'wl_kepatuhan',
    section: 6,
    name: t('Kepatuhan wajib lapor', 'Reporting compliance'),
    definition: t('jumlah lapor ÷ (jumlah lapor + jumlah tidak lapor) × 100%', 'reported ÷ (reported + missed) × 100%'),
    unit: 'persen',
    aggregation: 'ratio',
    numerator: 'wl_lapor',
    denominator: ['wl_lapor', 'wl_tidak'],
  },
  {
    code: 'wl_kunjungan',
    section: 6,
    name: t('Kunjungan rumah', 'Home visits'),
    definition: t('jumlah kunjungan rumah yang dilakukan dalam periode', 'home visits made in the period'),
    unit: 'kali',
    aggregation: 'sum',
    group: 'homeVisits',
  },
  {
    code: 'wl_tiga_kali',
    section: 6,
    name: t('Klien tiga kali berturut-turut tidak lapor', 'Clients with three misses in a row'),
    definition: t(
      'jumlah klien aktif yang pada akhir periode tidak melapor tiga jadwal berturut-turut atau lebih',
      'active clients with three or more misses in a row at the end',
    ),
    unit: 'orang',
    aggregation: 'state',
    group: 'missStreaks',
  },
  // 7 Kerja sosial
  {
    code: 'ks_klien',
    section: 7,
    name: t('Klien pidana kerja sosial', 'Community service clients'),
    definition: t(
      'jumlah klien dengan rujukan kerja sosial yang berjalan pada akhir periode',
      'clients with a community service referral under way at the end',
    ),
    unit: 'orang',
    aggregation: 'state',
    group: 'ksClients',
  },
  {
    code: 'ks_jam_putusan',
    section: 7,
    name: t('Jam kerja sosial diputuskan', 'Hours ordered'),
    definition: t('jumlah jam dalam rujukan kerja sosial yang dibuat dalam periode', 'hours of community service referrals made in the period'),
    unit: 'jam',
    aggregation: 'sum',
    group: 'ksReferrals',
    filter: { isNew: 1 },
    measure: 'amount',
  },
  {
    code: 'ks_jam_dilaksanakan',
    section: 7,
    name: t('Jam kerja sosial dilaksanakan', 'Hours done'),
    definition: t('jumlah jam kerja sosial yang dikerjakan dalam periode', 'hours worked in the period'),
    unit: 'jam',
    aggregation: 'sum',
    group: 'ksHours',
    measure: 'amount',
  },
  {
    code: 'ks_selesai',
    section: 7,
    name: t('Kerja sosial selesai', 'Community service completed'),
    definition: t('jumlah rujukan kerja sosial yang selesai dalam periode', 'community service referrals completed in the period'),
    unit: 'rujukan',
    aggregation: 'sum',
    group: 'ksReferrals',
    filter: { completed: 1 },
  },
];

export const INDICATOR_BY_CODE: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.code, i]));

/** realisasi ÷ target × 100, one decimal; null without a target (or a zero one). */
export function achievement(value: number, target: number | null): number | null {
  return target === null || target === 0 ? null : Math.round((value / target) * 1000) / 10;
}

/** A ratio × 100 to one decimal; null when the denominator is zero (nothing to measure). */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}
