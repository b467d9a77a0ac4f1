import BetterSqlite3, { type Database, type RunResult, type Statement } from 'better-sqlite3';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { migrate, refuseNewer } from './migrate';
import type { Schema } from './schema';

/**
 * The database handle. Kysely is used only to build typed SQL; statements run synchronously on
 * better-sqlite3. That keeps every service call one synchronous transaction: no await can
 * interleave two writers inside it, and a throw rolls everything back.
 */
export class Db {
  readonly raw: Database;
  readonly q: Kysely<Schema>;
  private readonly statements = new Map<string, Statement>();
  /**
   * Small values read on every call (settings), kept between calls. Cleared whenever a transaction
   * rolls back, so a value written by a failed transaction is never served.
   */
  readonly memo = new Map<string, unknown>();

  constructor(raw: Database) {
    this.raw = raw;
    this.q = new Kysely<Schema>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new SqliteIntrospector(k),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      // Queries with variable-length IN lists make many texts; keep the cache bounded.
      if (this.statements.size > 500) this.statements.clear();
      stmt = this.raw.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).all(...(parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).get(...(parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown>): RunResult {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).run(...(parameters as unknown[]));
  }

  private readonly commitListeners: (() => void)[] = [];

  /**
   * Calls `fn` after every outermost transaction commits (never after a rollback): for work that
   * must only follow what is durably written, such as anchoring the audit log's head outside the
   * file. A listener's failure is logged, not thrown: the transaction has committed by then.
   */
  afterEachCommit(fn: () => void): void {
    this.commitListeners.push(fn);
  }

  /** Runs `fn` in one IMMEDIATE transaction (takes the write lock at once); nested calls are savepoints. */
  tx<T>(fn: () => T): T {
    const outermost = !this.raw.inTransaction;
    let out: T;
    try {
      out = outermost ? this.raw.transaction(fn).immediate() : this.raw.transaction(fn)();
    } catch (e) {
      this.memo.clear();
      throw e;
    }
    if (outermost) for (const listener of this.commitListeners) runListener(listener);
    return out;
  }

  close(): void {
    this.statements.clear();
    if (this.raw.open) this.raw.close();
  }
}

function runListener(listener: () => void): void {
  try {
    listener();
  } catch (e) {
    console.error('[db] after-commit work failed:', e instanceof Error ? e.message : e);
  }
}

/**
 * The database holds personal data: owner-only (0600), set by chmod after creating (the mode given
 * to open is cut by the umask) and tightened when an older version left it readable. `create`
 * makes an empty file first, so SQLite never creates it with the process's default mode.
 */
function ownerOnly(path: string, create: boolean): void {
  if (create && !existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  if (existsSync(path)) chmodSync(path, 0o600);
}

/**
 * Opens (creating if needed) and migrates the database file. Pragmas: WAL so readers never block
 * the writer; synchronous=FULL because offices lose power and a committed record must survive it;
 * foreign keys on; a busy timeout in case a backup tool holds a lock.
 */
export function openDb(file: string, opts: { nativeBinding?: string; check?: (raw: Database) => void } = {}): Db {
  ownerOnly(file, true);
  // Electron loads a better-sqlite3 binary built for its own ABI (see scripts/); Node uses the default.
  const raw = new BetterSqlite3(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    // Checked first: even switching the journal mode would write to a newer app's file.
    refuseNewer(raw);
    // The app's integrity check at start (electron/services/backup/dbCheck.ts), before anything writes.
    opts.check?.(raw);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    migrate(raw);
    // SQLite gives -wal and -shm the database file's mode; set them anyway, whatever made them.
    ownerOnly(`${file}-wal`, false);
    ownerOnly(`${file}-shm`, false);
    return new Db(raw);
  } catch (e) {
    raw.close();
    throw e;
  }
}
