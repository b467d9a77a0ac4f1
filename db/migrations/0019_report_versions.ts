import type { Migration } from './types';

/**
 * Reports handed in ("Tandai sudah dikirim"): each kept version of an office's report for a
 * period, with its figures exactly as sent and their SHA-256. A correction is the next version,
 * never an overwrite, so the rows are only ever added. They travel in bundles: the Bapas induk
 * keeps what each post reported beside what it computes from the post's records.
 */
export const m0019: Migration = {
  version: 19,
  name: 'report_versions',
  up(db) {
    db.exec(`
CREATE TABLE report_versions (
  id TEXT PRIMARY KEY,
  period_kind TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'semester', 'year', 'range')),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL CHECK (period_to >= period_from),
  label TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  figures TEXT NOT NULL,
  figures_sha256 TEXT NOT NULL CHECK (length(figures_sha256) = 64),
  sent_by TEXT REFERENCES users (id),
  sent_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
-- One numbering per office and period: version 1, 2, ... (the office is the row's origin).
CREATE UNIQUE INDEX report_versions_number ON report_versions (origin, period_from, period_to, version);
`);
  },
};
