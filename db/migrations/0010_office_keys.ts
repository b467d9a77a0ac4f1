import type { Migration } from './types';

/**
 * The other offices this one exchanges bundles with: a Pos Bapas registers its Bapas induk; a
 * Bapas induk registers each of its posts. Public keys only, accepted after the fingerprint was
 * confirmed by a person.
 */
export const m0010: Migration = {
  version: 10,
  name: 'office_keys',
  up(db) {
    db.exec(`
CREATE TABLE office_keys (
  office_code TEXT PRIMARY KEY,
  office_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pos', 'induk')),
  relation TEXT NOT NULL CHECK (relation IN ('parent', 'post')),
  signing_key TEXT NOT NULL,
  encryption_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  registered_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- A post has one parent.
CREATE UNIQUE INDEX office_keys_one_parent ON office_keys (relation) WHERE relation = 'parent' AND deleted_at IS NULL;
`);
  },
};
