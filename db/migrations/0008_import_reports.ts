import type { Migration } from './types';

/** The report of every committed import: counts and, per row, what was done or why it was refused. */
export const m0008: Migration = {
  version: 8,
  name: 'import_reports',
  up(db) {
    db.exec(`
CREATE TABLE import_reports (
  id TEXT PRIMARY KEY,
  filename TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  sheet TEXT NOT NULL,
  counts TEXT NOT NULL CHECK (json_valid(counts)),
  rows TEXT NOT NULL CHECK (json_valid(rows) AND json_type(rows) = 'array'),
  created_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE INDEX import_reports_by_time ON import_reports (created_at);
`);
  },
};
