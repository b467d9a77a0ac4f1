import type { Migration } from './types';

/**
 * Bundle safety. An export's number is reserved before its file is written (`state` reserved →
 * done, or abandoned at the next start when the file never reached the folder), so a power cut
 * between writing the file and recording it can never hand the same number to two bundles. A
 * Bapas induk takes only encrypted bundles from a post unless an admin allows plain ones for it,
 * and keeps the signed head of the post's audit log that each bundle carries.
 */
export const m0012: Migration = {
  version: 12,
  name: 'bundle_safety',
  up(db) {
    db.exec(`
ALTER TABLE bundle_exports ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('reserved', 'done', 'abandoned'));
ALTER TABLE office_keys ADD COLUMN allow_plain INTEGER NOT NULL DEFAULT 0 CHECK (allow_plain IN (0, 1));
-- The post's signed audit head as its bundle carried it: the parent holds evidence of each post's log.
ALTER TABLE bundle_imports ADD COLUMN audit_head TEXT CHECK (audit_head IS NULL OR json_valid(audit_head));
`);
  },
};
