/** Closed vocabularies of the domain. Stored values are these codes; labels live in `shared/i18n`. */

export const ROLES = ['admin', 'petugas', 'pimpinan', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export const OFFICE_KINDS = ['pos', 'induk'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const OFFICE_CLASSES = ['I', 'II'] as const;
export type OfficeClass = (typeof OFFICE_CLASSES)[number];

/** Indonesia's three zones, mapped to the IANA names the date formatters need. */
export const TIME_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type TimeZoneCode = keyof typeof TIME_ZONES;
export const TIME_ZONE_CODES = Object.keys(TIME_ZONES) as TimeZoneCode[];

export const PARTNER_CATEGORIES = ['perorangan', 'pemerhati', 'akademisi', 'wirausaha', 'ormas', 'instansi', 'pendidikan', 'lainnya'] as const;
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

/** The two bidang of Pokmas Lipas under Kepdirjen PAS-06.OT.02.02 Tahun 2020. */
export const BIDANG = ['kemandirian_kepribadian', 'hukum_kemasyarakatan'] as const;
export type Bidang = (typeof BIDANG)[number];

/**
 * The services a partner can offer. The list is seeded with these codes and an admin may add more
 * (table `service_types`), so code elsewhere must not assume the list is closed.
 */
export const DEFAULT_SERVICES = [
  'penyaluran_kerja',
  'pelatihan_keterampilan',
  'permodalan_wirausaha',
  'bimbingan_keagamaan',
  'konseling_psikologis',
  'layanan_kesehatan',
  'penyuluhan_hukum',
  'bantuan_hukum',
  'pendampingan_sosial',
  'administrasi_kependudukan',
  'pidana_kerja_sosial',
] as const;

export const PARTNER_STATUSES = ['calon', 'terverifikasi', 'aktif', 'nonaktif'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/**
 * Allowed status moves. The usual path is calon -> terverifikasi -> aktif -> nonaktif; a partner
 * that was made inactive may be reactivated, and a candidate that fails verification may be
 * set inactive directly.
 */
export const PARTNER_STATUS_MOVES: Readonly<Record<PartnerStatus, readonly PartnerStatus[]>> = {
  calon: ['terverifikasi', 'nonaktif'],
  terverifikasi: ['aktif', 'nonaktif'],
  aktif: ['nonaktif'],
  nonaktif: ['aktif'],
};

export function canMoveStatus(from: PartnerStatus, to: PartnerStatus): boolean {
  return PARTNER_STATUS_MOVES[from].includes(to);
}

export const AUDIT_ACTIONS = [
  'setup',
  'login',
  'login_failed',
  'account_locked',
  'logout',
  'create',
  'update',
  'status',
  'archive',
  'restore',
  'password_reset',
  'password_change',
  'export',
  /** A user opened a client's full record (personal data: every view is on record). */
  'view',
  /** A bundle applied at a Bapas induk. */
  'import',
  /** A receipt written (Bapas induk) or read (Pos Bapas). */
  'receipt',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
