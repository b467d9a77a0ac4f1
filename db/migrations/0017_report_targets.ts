import type { Migration } from './types';

/**
 * Yearly targets of the report's indicators (from the office's Perjanjian Kinerja), per office:
 * at a Bapas induk an admin may keep its posts' targets too. Entered by an admin; kept at this
 * office only (not in bundles for now), so there is no origin or tombstone: a target taken away
 * is a deleted row, written in the audit log.
 */
export const m0017: Migration = {
  version: 17,
  name: 'report_targets',
  up(db) {
    db.exec(`
CREATE TABLE report_targets (
  office_code TEXT NOT NULL CHECK (length(office_code) BETWEEN 1 AND 20),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  indicator TEXT NOT NULL CHECK (length(indicator) BETWEEN 1 AND 60),
  target REAL NOT NULL CHECK (target >= 0),
  updated_by TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (office_code, year, indicator)
) STRICT;
`);
  },
};
