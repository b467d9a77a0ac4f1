import type { Migration } from './types';

/**
 * Bundles: the exports a Pos Bapas wrote (with the parent's acknowledgement) and the bundles a
 * Bapas induk received. A parent keeps its posts' records in the same tables, told apart by
 * `origin`, so numbers that are unique within an office become unique per origin.
 */
export const m0011: Migration = {
  version: 11,
  name: 'bundles',
  up(db) {
    db.exec(`
CREATE TABLE bundle_exports (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  mode TEXT NOT NULL CHECK (mode IN ('incremental', 'full')),
  change_from INTEGER NOT NULL,
  change_to INTEGER NOT NULL,
  with_files INTEGER NOT NULL CHECK (with_files IN (0, 1)),
  filenames TEXT NOT NULL CHECK (json_valid(filenames) AND json_type(filenames) = 'array'),
  folder TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  previous_sha256 TEXT,
  counts TEXT NOT NULL CHECK (json_valid(counts)),
  created_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  acknowledged_at TEXT
) STRICT;

CREATE TABLE bundle_imports (
  office_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  -- The signed manifest names every entry by hash: the same manifest is the same bundle, however
  -- the file around it was re-zipped or re-sent.
  manifest_sha256 TEXT NOT NULL,
  previous_sha256 TEXT,
  change_from INTEGER NOT NULL,
  change_to INTEGER NOT NULL,
  bundle_created_at TEXT NOT NULL,
  bundle_created_by TEXT NOT NULL,
  counts TEXT NOT NULL CHECK (json_valid(counts)),
  -- The parent's own change_log position right after the apply: later entries for a post's
  -- record mean the parent changed it too.
  local_seq INTEGER NOT NULL,
  received_by TEXT REFERENCES users (id),
  received_at TEXT NOT NULL,
  PRIMARY KEY (office_code, seq)
) STRICT;

DROP INDEX agreements_office_number;
DROP INDEX agreements_number_seq;
CREATE UNIQUE INDEX agreements_office_number ON agreements (origin, office_number);
CREATE UNIQUE INDEX agreements_number_seq ON agreements (origin, number_year, number_seq) WHERE number_seq IS NOT NULL;
DROP INDEX clients_register_number;
DROP INDEX clients_active_nik;
CREATE UNIQUE INDEX clients_register_number ON clients (origin, register_number) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX clients_active_nik ON clients (origin, nik) WHERE nik IS NOT NULL AND status = 'aktif' AND deleted_at IS NULL;
DROP INDEX referrals_letter_number;
DROP INDEX referrals_letter_seq;
CREATE UNIQUE INDEX referrals_letter_number ON referrals (origin, letter_number);
CREATE UNIQUE INDEX referrals_letter_seq ON referrals (origin, letter_year, letter_seq);
CREATE INDEX partners_by_origin ON partners (origin);
CREATE INDEX clients_by_origin ON clients (origin);
CREATE INDEX change_log_by_entity ON change_log (entity_id);
`);
  },
};
