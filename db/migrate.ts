import type { Database } from 'better-sqlite3';
import { AppError } from '../shared/errors';
import { MIGRATIONS } from './migrations/index';
import { highestVersion, type Migration } from './migrations/types';

/**
 * Brings the schema up to `target`. Each migration runs in its own transaction together with
 * its `PRAGMA user_version` bump, so a power cut leaves the file at a whole version, never
 * between two. A database written by a newer Mitra Lipas is refused, never opened.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = highestVersion(migrations)): number {
  const current = refuseNewer(db, highestVersion(migrations));
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    // foreign_keys cannot change inside a transaction, so a rebuild turns them off before it.
    const keysOff = m.rebuildsTables === true && db.pragma('foreign_keys', { simple: true }) === 1;
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`migration ${m.version}: a reference broke`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (keysOff) db.pragma('foreign_keys = ON');
    }
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** Reads the schema version and refuses a file from a newer app before anything writes to it. */
export function refuseNewer(db: Database, supported: number = highestVersion(MIGRATIONS)): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > supported) throw new AppError('INTEGRITY', 'db.tooNew', { params: { found: current, supported } });
  return current;
}
