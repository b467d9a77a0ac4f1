import type { Migration } from './types';

/**
 * Activities (kegiatan) held with partners or by the office itself, the clients who took part
 * (with attendance), and attached photos and documents (originals kept; images also as a small
 * display copy).
 */
export const m0009: Migration = {
  version: 9,
  name: 'activities',
  up(db) {
    db.exec(`
CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('pelatihan', 'bimbingan_keagamaan', 'penyuluhan_hukum', 'konseling', 'kunjungan', 'rapat_evaluasi', 'sosialisasi', 'penandatanganan_pks', 'lainnya')),
  bidang TEXT CHECK (bidang IS NULL OR bidang IN ('kemandirian_kepribadian', 'hukum_kemasyarakatan')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  place TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  officers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(officers) AND json_type(officers) = 'array'),
  created_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE INDEX activities_by_date ON activities (date);
CREATE INDEX activities_by_type ON activities (type, date);

CREATE TABLE activity_partners (
  activity_id TEXT NOT NULL REFERENCES activities (id),
  partner_id TEXT NOT NULL REFERENCES partners (id),
  PRIMARY KEY (activity_id, partner_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_partners_by_partner ON activity_partners (partner_id, activity_id);

CREATE TABLE activity_participants (
  activity_id TEXT NOT NULL REFERENCES activities (id),
  client_id TEXT NOT NULL REFERENCES clients (id),
  attended INTEGER NOT NULL CHECK (attended IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (activity_id, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_participants_by_client ON activity_participants (client_id, activity_id);

CREATE TABLE activity_files (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activities (id),
  filename TEXT NOT NULL,
  mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  thumb_sha256 TEXT CHECK (thumb_sha256 IS NULL OR length(thumb_sha256) = 64),
  uploaded_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE INDEX activity_files_by_activity ON activity_files (activity_id);
`);
  },
};
