import type { Migration } from './types';

const sync = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL`;

const SERVICES: readonly [string, string, string][] = [
  ['penyaluran_kerja', 'Penyaluran kerja', 'Job placement'],
  ['pelatihan_keterampilan', 'Pelatihan keterampilan', 'Skills training'],
  ['permodalan_wirausaha', 'Permodalan / wirausaha', 'Capital / self-employment'],
  ['bimbingan_keagamaan', 'Bimbingan keagamaan', 'Religious guidance'],
  ['konseling_psikologis', 'Konseling psikologis', 'Psychological counselling'],
  ['layanan_kesehatan', 'Layanan kesehatan / rehabilitasi', 'Health care / rehabilitation'],
  ['penyuluhan_hukum', 'Penyuluhan hukum', 'Legal information'],
  ['bantuan_hukum', 'Bantuan hukum', 'Legal aid'],
  ['pendampingan_sosial', 'Pendampingan sosial', 'Social accompaniment'],
  ['administrasi_kependudukan', 'Bantuan administrasi kependudukan', 'Civil registration help'],
  ['pidana_kerja_sosial', 'Tempat pidana kerja sosial', 'Community service site'],
];

export const m0001: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  nip TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'petugas', 'pimpinan', 'operator')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,${sync}
) STRICT;

CREATE TABLE service_types (
  code TEXT PRIMARY KEY,
  label_id TEXT NOT NULL,
  label_en TEXT NOT NULL,
  built_in INTEGER NOT NULL CHECK (built_in IN (0, 1)),${sync}
) STRICT;

CREATE TABLE partners (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_key TEXT NOT NULL,
  search_text TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('perorangan', 'pemerhati', 'akademisi', 'wirausaha', 'ormas', 'instansi', 'pendidikan', 'lainnya')),
  bidang TEXT NOT NULL CHECK (json_valid(bidang) AND json_type(bidang) = 'array' AND json_array_length(bidang) BETWEEN 1 AND 2),
  services TEXT NOT NULL CHECK (json_valid(services) AND json_type(services) = 'array'),
  leader_name TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  regency_code TEXT,
  district_code TEXT,
  village_code TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  status TEXT NOT NULL CHECK (status IN ('calon', 'terverifikasi', 'aktif', 'nonaktif')),
  status_date TEXT NOT NULL,
  sk_number TEXT NOT NULL DEFAULT '',
  sk_date TEXT,
  notes TEXT NOT NULL DEFAULT '',${sync}
) STRICT;
CREATE INDEX partners_by_name ON partners (name COLLATE NOCASE);
CREATE INDEX partners_by_regency ON partners (regency_code, name_key);
CREATE INDEX partners_by_status ON partners (status);
CREATE INDEX partners_by_category ON partners (category);
CREATE INDEX partners_by_updated ON partners (updated_at);

CREATE TABLE partner_status_changes (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners (id),
  from_status TEXT CHECK (from_status IS NULL OR from_status IN ('calon', 'terverifikasi', 'aktif', 'nonaktif')),
  to_status TEXT NOT NULL CHECK (to_status IN ('calon', 'terverifikasi', 'aktif', 'nonaktif')),
  date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  user_id TEXT REFERENCES users (id),${sync}
) STRICT;
CREATE INDEX partner_status_changes_by_partner ON partner_status_changes (partner_id, created_at);

CREATE TABLE pokmas_groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  bidang TEXT NOT NULL CHECK (bidang IN ('kemandirian_kepribadian', 'hukum_kemasyarakatan')),
  description TEXT NOT NULL DEFAULT '',${sync}
) STRICT;

CREATE TABLE pokmas_members (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES pokmas_groups (id),
  partner_id TEXT NOT NULL REFERENCES partners (id),${sync},
  UNIQUE (group_id, partner_id)
) STRICT;
CREATE INDEX pokmas_members_by_partner ON pokmas_members (partner_id);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_id TEXT,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_by_user ON audit_log (user_id);
CREATE INDEX audit_by_at ON audit_log (at);

CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  at TEXT NOT NULL,
  origin TEXT NOT NULL
) STRICT;
`);
    const now = new Date().toISOString();
    const insert = db.prepare(
      `INSERT INTO service_types (code, label_id, label_en, built_in, created_at, updated_at, deleted_at, origin)
       VALUES (?, ?, ?, 1, ?, ?, NULL, '')`,
    );
    for (const [code, id, en] of SERVICES) insert.run(code, id, en, now, now);
  },
};
