import type { Database } from 'better-sqlite3';

/** A schema step. `up` runs inside the runner's transaction; it must not open its own. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Rebuilds a table (new table, copy, drop, rename: SQLite's way to change a column's
   * constraints): the runner turns foreign keys off around it, as SQLite requires, and checks
   * every reference with foreign_key_check before the migration commits.
   */
  readonly rebuildsTables?: true;
  up(db: Database): void;
}

/**
 * The schema version a list of migrations reaches: its highest number. Numbers are taken per piece
 * of work, so a branch may hold 14 and 15 before 13 is merged; the version is never the count.
 */
export const highestVersion = (migrations: readonly Migration[]) => migrations.reduce((v, m) => Math.max(v, m.version), 0);
