import type { Migration } from './types';

/** The kinds of institution offices sort their partners by, seeded here; an admin may add more. */
export const INSTITUTION_TYPES: readonly [string, string, string][] = [
  ['pondok_pesantren', 'Pondok pesantren', 'Islamic boarding school'],
  ['lbh', 'Lembaga bantuan hukum (LBH)', 'Legal aid institute'],
  ['balai_latihan_kerja', 'Balai latihan kerja (BLK)', 'Vocational training centre'],
  ['perguruan_tinggi', 'Perguruan tinggi', 'University'],
  ['lembaga_rehabilitasi', 'Lembaga rehabilitasi', 'Rehabilitation centre'],
  ['dinas_instansi', 'Dinas / instansi pemerintah', 'Government agency'],
  ['baznas', 'Baznas / lembaga amil zakat', 'Zakat agency'],
  ['bengkel_usaha', 'Bengkel / usaha', 'Workshop / business'],
  ['koperasi', 'Koperasi', 'Cooperative'],
  ['perorangan', 'Perorangan', 'Individual'],
  ['yayasan_lsm', 'Yayasan / LSM', 'Foundation / NGO'],
  ['lainnya', 'Lainnya', 'Other'],
];

/**
 * Partners as offices keep them: the type of institution (beside the Ditjenpas category), from a
 * list kept like the service types; a provincial office registered at the level of the province
 * (province code, no kabupaten). A Pokmas group's SK, chairperson and period.
 * Existing partners keep no type (null: not yet stated) and stay at their kabupaten.
 */
export const m0016: Migration = {
  version: 16,
  name: 'partner_kinds_pokmas_sk',
  up(db) {
    db.exec(`
CREATE TABLE institution_types (
  code TEXT PRIMARY KEY,
  label_id TEXT NOT NULL,
  label_en TEXT NOT NULL,
  built_in INTEGER NOT NULL CHECK (built_in IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
ALTER TABLE partners ADD COLUMN institution_type TEXT;
-- Set only for a partner at the level of a province (regency_code null): the province's two digits.
ALTER TABLE partners ADD COLUMN province_code TEXT CHECK (province_code IS NULL OR (length(province_code) = 2 AND regency_code IS NULL));
CREATE INDEX partners_by_institution ON partners (institution_type);
ALTER TABLE pokmas_groups ADD COLUMN sk_number TEXT NOT NULL DEFAULT '';
ALTER TABLE pokmas_groups ADD COLUMN sk_date TEXT;
ALTER TABLE pokmas_groups ADD COLUMN chair_name TEXT NOT NULL DEFAULT '';
ALTER TABLE pokmas_groups ADD COLUMN chair_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE pokmas_groups ADD COLUMN period_start TEXT;
ALTER TABLE pokmas_groups ADD COLUMN period_end TEXT CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start);
`);
    const now = new Date().toISOString();
    const insert = db.prepare(
      `INSERT INTO institution_types (code, label_id, label_en, built_in, created_at, updated_at, deleted_at, origin)
       VALUES (?, ?, ?, 1, ?, ?, NULL, '')`,
    );
    for (const [code, id, en] of INSTITUTION_TYPES) insert.run(code, id, en, now, now);
  },
};
