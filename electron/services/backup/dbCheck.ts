import type { Database } from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseCheck, RecoveryProblem } from '../../../shared/backups';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { writePrivateFile } from '../privateFiles';

/**
 * The database's integrity checks. At every start SQLite's `quick_check(1)` (stops at the first
 * problem; it reads every page but skips the index-against-table comparison, so it costs a
 * fraction of the full check); once a week at start, and whenever an admin asks
 * (`backups.checkDatabase`), the full `integrity_check`. When the last full check ran is kept in
 * a small file beside the database, not in it, so a damaged database cannot hide it.
 */
const CHECK_FILE = 'db-check.json';
const WEEK_MS = 7 * 24 * 3_600_000;
const MAX_PROBLEMS = 100;

/** Thrown at start for a database that opened but failed its check. */
export class DatabaseDamaged extends Error {
  constructor() {
    super('the database failed its integrity check');
  }
}

function lastFullCheck(dataDir: string): number | null {
  const file = join(dataDir, CHECK_FILE);
  if (!existsSync(file)) return null;
  try {
    const at = Date.parse((JSON.parse(readFileSync(file, 'utf8')) as { fullCheckAt?: string }).fullCheckAt ?? '');
    return Number.isNaN(at) ? null : at;
  } catch {
    return null;
  }
}

const recordFullCheck = (dataDir: string, at: Date) => writePrivateFile(dataDir, CHECK_FILE, JSON.stringify({ fullCheckAt: at.toISOString() }));

/** SQLite's answer rows: the single row 'ok', or one row per problem. */
const problemsOf = (rows: unknown[]) => {
  const texts = rows.map((r) => Object.values(r as Record<string, unknown>)[0]);
  return texts.length === 1 && texts[0] === 'ok' ? 0 : texts.length;
};

/** The check `openDb` runs before it writes anything (see the file comment). Throws DatabaseDamaged. */
export function startupCheck(dataDir: string, now: () => Date): (raw: Database) => void {
  return (raw) => {
    const last = lastFullCheck(dataDir);
    const full = last === null || now().getTime() - last >= WEEK_MS;
    const problems = problemsOf(raw.pragma(full ? `integrity_check(${MAX_PROBLEMS})` : 'quick_check(1)') as unknown[]);
    if (problems > 0) throw new DatabaseDamaged();
    if (full) recordFullCheck(dataDir, now());
  };
}

/** `backups.checkDatabase`: the full check now, on the live connection. */
export function checkDatabase(ctx: AppContext): DatabaseCheck {
  const problems = problemsOf(ctx.db.raw.pragma(`integrity_check(${MAX_PROBLEMS})`) as unknown[]);
  const at = ctx.now();
  if (problems === 0) recordFullCheck(ctx.dataDir, at);
  return { ok: problems === 0, checkedAt: at.toISOString(), problems };
}

const codeOf = (e: unknown) => (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '');

/** Why opening the database at start failed, in the recovery screen's terms. */
export function recoveryProblem(e: unknown): RecoveryProblem {
  if (e instanceof AppError && e.message === 'db.tooNew') return 'tooNew';
  if (e instanceof DatabaseDamaged) return 'corrupt';
  const code = codeOf(e);
  if (code === 'SQLITE_NOTADB') return 'notDatabase';
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  return 'unreadable';
}
