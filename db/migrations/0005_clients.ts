import type { Migration } from './types';

/**
 * Clients under supervision. The register number is unique in the office; a NIK may appear on
 * several records over the years (a client can come back) but on one active client at a time.
 */
export const m0005: Migration = {
  version: 5,
  name: 'clients',
  up(db) {
    db.exec(`
CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  register_number TEXT NOT NULL CHECK (length(register_number) BETWEEN 1 AND 60),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
  name_key TEXT NOT NULL,
  search_text TEXT NOT NULL,
  nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
  sex TEXT NOT NULL CHECK (sex IN ('L', 'P')),
  birth_place TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  address TEXT NOT NULL DEFAULT '',
  regency_code TEXT,
  district_code TEXT,
  village_code TEXT,
  phone TEXT NOT NULL DEFAULT '',
  religion TEXT,
  education TEXT,
  skills TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills) AND json_type(skills) = 'array'),
  interests TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(interests) AND json_type(interests) = 'array'),
  program TEXT NOT NULL CHECK (program IN ('pb', 'cb', 'cmb', 'asimilasi', 'pidana_bersyarat', 'pidana_kerja_sosial', 'diversi', 'pengawasan_lain')),
  decision_number TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  offence TEXT NOT NULL DEFAULT '',
  supervision_start TEXT NOT NULL,
  supervision_end TEXT NOT NULL CHECK (supervision_end >= supervision_start),
  phase_override TEXT CHECK (phase_override IS NULL OR phase_override IN ('awal', 'lanjutan', 'akhir')),
  pk_user_id TEXT REFERENCES users (id),
  guarantor_name TEXT NOT NULL DEFAULT '',
  guarantor_relation TEXT NOT NULL DEFAULT '',
  guarantor_phone TEXT NOT NULL DEFAULT '',
  reporting TEXT NOT NULL CHECK (reporting IN ('bulanan', 'dua_mingguan', 'tidak')),
  status TEXT NOT NULL CHECK (status IN ('aktif', 'selesai', 'dicabut', 'pindah', 'meninggal')),
  status_date TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX clients_register_number ON clients (register_number) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX clients_active_nik ON clients (nik) WHERE nik IS NOT NULL AND status = 'aktif' AND deleted_at IS NULL;
CREATE INDEX clients_by_name ON clients (name_key);
CREATE INDEX clients_by_status ON clients (status, name_key);
CREATE INDEX clients_by_pk ON clients (pk_user_id, name_key);

CREATE TABLE client_status_changes (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id),
  from_status TEXT,
  to_status TEXT NOT NULL CHECK (to_status IN ('aktif', 'selesai', 'dicabut', 'pindah', 'meninggal')),
  date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  changed_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE INDEX client_status_changes_by_client ON client_status_changes (client_id, date);
`);
  },
};
