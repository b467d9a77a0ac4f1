import type { Migration } from './types';

/**
 * Check-ins (wajib lapor). The client keeps the date of its last check-in, written in the same
 * transaction as the check-in, so the overdue list is computed from the clients table alone.
 */
export const m0007: Migration = {
  version: 7,
  name: 'checkins',
  up(db) {
    db.exec(`
CREATE TABLE checkins (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id),
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('hadir', 'jarak_jauh', 'kunjungan_rumah')),
  reason TEXT NOT NULL DEFAULT '',
  officer_id TEXT REFERENCES users (id),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL,
  CHECK (kind != 'jarak_jauh' OR length(reason) > 0)
) STRICT;
CREATE INDEX checkins_by_client ON checkins (client_id, date);
ALTER TABLE clients ADD COLUMN last_checkin TEXT;
CREATE INDEX clients_reporting ON clients (status, reporting);
`);
  },
};
