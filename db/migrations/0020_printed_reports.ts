import type { Migration } from './types';

/**
 * The printed report carries a verification code like the PKS and the referral letter: the
 * register of printed documents takes the kind 'laporan'. SQLite cannot widen a CHECK in place,
 * so the table is rebuilt (foreign keys checked after, see `rebuildsTables` in db/migrate.ts).
 */
export const m0020: Migration = {
  version: 20,
  name: 'printed_reports',
  rebuildsTables: true,
  up(db) {
    db.exec(`
CREATE TABLE printed_documents_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('pks', 'rujukan', 'laporan')),
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
INSERT INTO printed_documents_new (id, kind, entity_id, version, content_sha256, code, title, number, printed_by, created_at, updated_at, deleted_at, origin)
SELECT id, kind, entity_id, version, content_sha256, code, title, number, printed_by, created_at, updated_at, deleted_at, origin FROM printed_documents;
DROP TABLE printed_documents;
ALTER TABLE printed_documents_new RENAME TO printed_documents;
CREATE UNIQUE INDEX printed_documents_version ON printed_documents (kind, entity_id, version);
CREATE INDEX printed_documents_by_content ON printed_documents (kind, entity_id, content_sha256);
`);
  },
};
