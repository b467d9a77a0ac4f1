import type { Migration } from './types';

/**
 * A Bapas induk keeps a post's note that it was restored from a backup, as the bundle's signed
 * manifest carried it ({lastKnownSeq, lastUsedSeq}): the submission tracker shows it on that bundle.
 */
export const m0027: Migration = {
  version: 27,
  name: 'bundle_restore_note',
  up(db) {
    db.exec(`ALTER TABLE bundle_imports ADD COLUMN after_restore TEXT CHECK (after_restore IS NULL OR json_valid(after_restore));`);
  },
};
