import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryProblem, RecoveryState, RestoreResult, SalvageResult } from '../../../shared/backups';
import { AppError } from '../../../shared/errors';
import { ensurePrivateDir } from '../privateFiles';
import { backupNames, backupsDir, removeLeftovers } from './folder';
import { existingBackupKeys, type KeyWrapper } from './keys';
import { peekHeader } from './read';
import { commitStaging, DB_NAME } from './restoreSwap';
import { stageBackup } from './stage';

/**
 * Recovery mode: the database could not be opened at start. There is no database and so no
 * context, users or sessions: only the data folder. What it offers is the recovery screen's two
 * actions; neither removes the damaged file (it is copied under `salinan/` first).
 */
export interface RecoveryFolder {
  readonly dataDir: string;
  readonly keysDir: string;
  readonly now: () => Date;
  readonly wrapper: KeyWrapper;
  readonly problem: RecoveryProblem;
}

export const salvageDir = (dataDir: string) => join(dataDir, 'salinan');
const stamp = (now: Date) => now.toISOString().replace(/[-:.]/g, '');

/** This folder's backups that open with this computer's key, newest first (header only: the full check comes when one is restored). */
async function goodBackups(f: RecoveryFolder): Promise<{ name: string; createdAt: string }[]> {
  const key = (await existingBackupKeys(f, f.wrapper).catch(() => null))?.key ?? null;
  if (!key) return [];
  const out: { name: string; createdAt: string }[] = [];
  for (const name of backupNames(f)) {
    const peek = await peekHeader(join(backupsDir(f), name), key);
    if (peek?.authentic) out.push({ name, createdAt: peek.read.header.createdAt });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export async function recoveryState(f: RecoveryFolder): Promise<RecoveryState> {
  return { problem: f.problem, latestGood: (await goodBackups(f))[0] ?? null };
}

/** The damaged database as found, kept before anything replaces it (with its -wal, which may hold the newest writes). */
function keepDamaged(f: RecoveryFolder): void {
  const live = join(f.dataDir, DB_NAME);
  if (!existsSync(live)) return;
  ensurePrivateDir(salvageDir(f.dataDir));
  const target = join(salvageDir(f.dataDir), `basis-data-rusak-${stamp(f.now())}.sqlite`);
  for (const side of ['', '-wal']) if (existsSync(live + side)) copyFileSync(live + side, target + side);
}

/**
 * `recovery.restoreLatest`: the newest backup that passes the full check is staged and committed
 * (restoreSwap.ts); the caller (the app core) then completes the swap and opens the database.
 * A damaged newest backup is passed over for the one before it.
 */
export async function stageLatestGood(f: RecoveryFolder): Promise<RestoreResult> {
  removeLeftovers(f);
  const key = (await existingBackupKeys(f, f.wrapper).catch(() => null))?.key ?? null;
  for (const b of await goodBackups(f)) {
    let staged: Awaited<ReturnType<typeof stageBackup>>;
    try {
      staged = await stageBackup(f, join(backupsDir(f), b.name), { officeCode: null, machineKey: key, recoveryKey: null, now: f.now });
    } catch {
      continue;
    }
    keepDamaged(f);
    // There is no safety backup of a database that cannot be read: nothing to undo to.
    commitStaging(f.dataDir, staged.id, { safetyBackup: '', restoredFrom: b.createdAt, restoredAt: f.now().toISOString(), undone: true });
    return { restoredFrom: b.createdAt, safetyBackup: null };
  }
  throw new AppError('NOT_FOUND', 'recovery.noGoodBackup');
}

/**
 * `recovery.salvage`: what can still be read, copied into a new database file under `salinan/`.
 * Table by table: its CREATE statement, then its rows in order until the first one that cannot be
 * read (the rows before it are kept, and the table is marked incomplete). Indexes, triggers and
 * views are not copied: the copy is for reading what was there, not for running the app on.
 */
export function salvage(f: RecoveryFolder): SalvageResult {
  const live = join(f.dataDir, DB_NAME);
  let src: BetterSqlite3.Database;
  let tables: { name: string; sql: string }[];
  try {
    src = new BetterSqlite3(live, { readonly: true, fileMustExist: true });
    tables = src.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string;
      sql: string;
    }[];
  } catch {
    throw new AppError('UNAVAILABLE', 'recovery.nothingReadable');
  }
  ensurePrivateDir(salvageDir(f.dataDir));
  const path = join(salvageDir(f.dataDir), `salinan-terbaca-${stamp(f.now())}.sqlite`);
  const out = new BetterSqlite3(path);
  const result: { table: string; rows: number; complete: boolean }[] = [];
  try {
    out.pragma('journal_mode = DELETE');
    for (const t of tables) {
      const q = `"${t.name.replace(/"/g, '""')}"`;
      let rows = 0;
      let complete = true;
      try {
        out.exec(t.sql);
        const cols = (src.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as { name: string }[]).map((c) => `"${c.name.replace(/"/g, '""')}"`);
        const insert = out.prepare(`INSERT INTO ${q} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        out.transaction(() => {
          try {
            for (const row of src
              .prepare(`SELECT ${cols.join(', ')} FROM ${q}`)
              .raw()
              .iterate() as Iterable<unknown[]>) {
              insert.run(...row);
              rows++;
            }
          } catch {
            complete = false;
          }
        })();
      } catch {
        complete = false;
      }
      result.push({ table: t.name, rows, complete });
    }
  } finally {
    out.close();
    src.close();
  }
  return { path, tables: result };
}
