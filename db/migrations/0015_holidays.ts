import type { Migration } from './types';

/**
 * The office's holidays: days besides Saturday and Sunday on which the office is closed, so a due
 * date of wajib lapor moves to the next working day. Kept by each office for itself (a post and its
 * parent may close on different days, e.g. a regional holiday) and never carried in bundles.
 * `source` says where a day came from: confirmed from the bundled national list, or added by hand.
 */
export const m0015: Migration = {
  version: 15,
  name: 'holidays',
  up(db) {
    db.exec(`
CREATE TABLE holidays (
  date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  source TEXT NOT NULL CHECK (source IN ('nasional', 'kantor')),
  created_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL
) STRICT;
`);
  },
};
