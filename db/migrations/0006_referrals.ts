import type { Migration } from './types';

/**
 * Referrals of clients to partners, their status history and (community service) the hours worked;
 * printed documents may now also be referral cover letters.
 */
export const m0006: Migration = {
  version: 6,
  name: 'referrals',
  up(db) {
    db.exec(`
CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id),
  partner_id TEXT NOT NULL REFERENCES partners (id),
  agreement_id TEXT REFERENCES agreements (id),
  service TEXT NOT NULL,
  date TEXT NOT NULL,
  letter_number TEXT NOT NULL,
  letter_year INTEGER NOT NULL,
  letter_seq INTEGER NOT NULL,
  pk_user_id TEXT REFERENCES users (id),
  goal TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('diusulkan', 'diterima', 'ditolak', 'berjalan', 'selesai', 'dihentikan')),
  status_date TEXT NOT NULL,
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('bekerja', 'berwirausaha', 'lulus_pelatihan', 'melanjutkan_pendidikan', 'bimbingan_selesai', 'tidak_selesai')),
  outcome_note TEXT NOT NULL DEFAULT '',
  override_reason TEXT NOT NULL DEFAULT '',
  hours_required INTEGER CHECK (hours_required IS NULL OR hours_required > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX referrals_letter_number ON referrals (letter_number);
CREATE UNIQUE INDEX referrals_letter_seq ON referrals (letter_year, letter_seq);
CREATE INDEX referrals_by_client ON referrals (client_id, date);
CREATE INDEX referrals_by_partner ON referrals (partner_id, status);
CREATE INDEX referrals_by_agreement ON referrals (agreement_id, status);

CREATE TABLE referral_status_changes (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  changed_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE INDEX referral_status_changes_by_referral ON referral_status_changes (referral_id, date);

CREATE TABLE work_hours (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  date TEXT NOT NULL,
  hours REAL NOT NULL CHECK (hours > 0 AND hours <= 12),
  signed_by TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  recorded_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE INDEX work_hours_by_referral ON work_hours (referral_id, date);

-- SQLite cannot widen a CHECK in place: the register of printed documents is rebuilt with the new kind.
CREATE TABLE printed_documents_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('pks', 'rujukan')),
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  number TEXT NOT NULL,
  printed_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
INSERT INTO printed_documents_new SELECT * FROM printed_documents;
DROP TABLE printed_documents;
ALTER TABLE printed_documents_new RENAME TO printed_documents;
CREATE UNIQUE INDEX printed_documents_version ON printed_documents (kind, entity_id, version);
CREATE INDEX printed_documents_by_content ON printed_documents (kind, entity_id, content_sha256);
`);
  },
};
