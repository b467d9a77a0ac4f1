import type { Migration } from './types';

/** Signed scans of agreements. The bytes live in the data folder under their SHA-256; rows keep the history. */
export const m0003: Migration = {
  version: 3,
  name: 'agreement_scans',
  up(db) {
    db.exec(`
CREATE TABLE agreement_scans (
  id TEXT PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES agreements (id),
  filename TEXT NOT NULL,
  mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  uploaded_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE INDEX agreement_scans_by_agreement ON agreement_scans (agreement_id, created_at);
`);
  },
};
