/** Kinds of activity an office records with its partners (or on its own). */
export const ACTIVITY_TYPES = [
  'pelatihan',
  'bimbingan_keagamaan',
  'penyuluhan_hukum',
  'konseling',
  'kunjungan',
  'rapat_evaluasi',
  'sosialisasi',
  'penandatanganan_pks',
  'lainnya',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
