import BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../../../db/connection';

/**
 * A consistent copy of the live database through SQLite's online backup API on the app's own
 * connection (never a copy of the file or its -wal). It runs in steps between which the app keeps
 * answering; writes made meanwhile through the same connection are carried into the copy by SQLite.
 */
export async function snapshotDatabase(db: Db, target: string): Promise<void> {
  await db.raw.backup(target, { progress: () => 256 });
  // The copy keeps the live file's WAL mode in its header; as a single self-contained file it is
  // switched to a rollback journal, so opening it (to count, to check, to restore) makes no -wal.
  const copy = new BetterSqlite3(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Rows per table of a database file, opened read-only; optionally the full integrity check first. */
export function countRows(
  file: string,
  opts: { integrity?: boolean } = {},
): { readonly rows: Record<string, number>; readonly schemaVersion: number; readonly integrity: boolean } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = opts.integrity ? db.pragma('integrity_check', { simple: true }) === 'ok' : true;
    return { rows: tableRows(db), schemaVersion: db.pragma('user_version', { simple: true }) as number, integrity };
  } finally {
    db.close();
  }
}

/** Rows per table (every table but SQLite's own), by name. */
export function tableRows(db: BetterSqlite3.Database): Record<string, number> {
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  const rows: Record<string, number> = {};
  for (const name of names) rows[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return rows;
}
