import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { RestorePlan, RestoreResult, RestoreStatus } from '../../../shared/backups';
import { AppError, fieldError } from '../../../shared/errors';
import { LATEST_VERSION } from '../../../db/migrations/index';
import type { AppContext } from '../context';
import { officeSettings } from '../settings';
import { createBackup } from './create';
import { BACKUP_NAME, backupsDir, removeLeftovers } from './folder';
import { inspectBackup, type InspectRequest } from './inspect';
import { existingBackupKeys, readRecoveryKey, type KeyWrapper } from './keys';
import { peekHeader } from './read';
import { applyPendingRestore, commitStaging, discardStaging, hasPendingRestore, lastRestore, type LastRestore } from './restoreSwap';
import { confirmationOf, stageBackup } from './stage';

/** Where the crash test stops a restore (between the swap's moves); nothing in the app passes it. */
export type RestoreStep = (what: string) => void;

function backupPath(ctx: AppContext, req: InspectRequest): string {
  if (req.name !== undefined && !BACKUP_NAME.test(req.name)) throw new AppError('NOT_FOUND', 'backups.notFound');
  return req.name !== undefined ? join(backupsDir(ctx), req.name) : req.path!;
}

function typedRecoveryKey(req: InspectRequest): string | null {
  if (req.recoveryKey === undefined || req.recoveryKey.trim() === '') return null;
  const key = readRecoveryKey(req.recoveryKey);
  if (!key) throw fieldError('recoveryKey', 'backups.recoveryKeyFormat');
  return key;
}

/** Rows of each table created or changed after `since` (ISO), from created_at/updated_at; null for a table without them. */
export function changedSince(raw: Database, since: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) {
    const q = `"${name.replace(/"/g, '""')}"`;
    const cols = new Set((raw.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name));
    const stamps = ['created_at', 'updated_at'].filter((c) => cols.has(c));
    out[name] = stamps.length
      ? (raw.prepare(`SELECT count(*) AS n FROM ${q} WHERE ${stamps.map((c) => `${c} > ?`).join(' OR ')}`).get(...stamps.map(() => since)) as { n: number }).n
      : null;
  }
  return out;
}

/** `backups.restorePlan`: the backup checked through, beside today, with what a restore would lose. Changes nothing. */
export async function restorePlan(ctx: AppContext, wrapper: KeyWrapper, req: InspectRequest): Promise<RestorePlan> {
  const seen = await inspectBackup(ctx, wrapper, req);
  const peek = await peekHeader(backupPath(ctx, req), null);
  if (!peek) throw new AppError('INTEGRITY', 'backups.damaged');
  const since = changedSince(ctx.db.raw, seen.createdAt);
  const tables = seen.tables.map((t) => ({ ...t, changedSince: since[t.table] ?? null }));
  return {
    ...seen,
    tables,
    lostSince: tables.reduce((n, t) => n + (t.changedSince ?? 0), 0),
    migrates: seen.schemaVersion < LATEST_VERSION,
    confirmation: confirmationOf(peek.read.headerBytes),
  };
}

/**
 * Closes the database, completes the swap, opens it again (`ctx.reopen`, which replaces the
 * app core's handle and its sessions). Without `reopen` (a context not made by createAppCore) the
 * swap is completed at the next start.
 */
function swapNow(ctx: AppContext, step: RestoreStep | undefined): void {
  if (!ctx.reopen) return;
  ctx.reopen(() => void applyPendingRestore(ctx.dataDir, step));
}

/** Stages `path`, makes the safety backup, writes the marker and swaps; the staging is removed on any failure before the marker. */
async function restoreFrom(
  ctx: AppContext,
  wrapper: KeyWrapper,
  path: string,
  stage: { recoveryKey: string | null; confirmation: string | null; undo: boolean },
  step?: RestoreStep,
): Promise<RestoreResult> {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  removeLeftovers(ctx);
  const machineKey = (await existingBackupKeys(ctx, wrapper))?.key ?? null;
  const { id, opened } = await stageBackup(ctx, path, { officeCode: office.code, machineKey, recoveryKey: stage.recoveryKey, now: ctx.now });
  try {
    if (stage.confirmation !== null && stage.confirmation !== confirmationOf(opened.headerBytes))
      throw new AppError('VALIDATION', 'backups.restoreConfirm', { fields: { confirmation: 'backups.restoreConfirm' } });
    const safety = await createBackup(ctx, wrapper, 'beforeRestore');
    const last: LastRestore = { safetyBackup: safety.name, restoredFrom: opened.header.createdAt, restoredAt: ctx.now().toISOString(), undone: stage.undo };
    step?.('staged');
    commitStaging(ctx.dataDir, id, last);
    step?.('committed');
    swapNow(ctx, step);
    return { restoredFrom: opened.header.createdAt, safetyBackup: safety.name };
  } catch (e) {
    // Before the marker is written the staged copy is scratch; after it, the swap must complete.
    discardStagingUnlessCommitted(ctx, id);
    throw e;
  }
}

function discardStagingUnlessCommitted(ctx: AppContext, id: string): void {
  if (!hasPendingRestore(ctx.dataDir)) discardStaging(ctx.dataDir, id);
}

export async function restoreBackup(
  ctx: AppContext,
  wrapper: KeyWrapper,
  req: InspectRequest & { readonly confirmation: string },
  step?: RestoreStep,
): Promise<RestoreResult> {
  const recoveryKey = typedRecoveryKey(req);
  return restoreFrom(ctx, wrapper, backupPath(ctx, req), { recoveryKey, confirmation: req.confirmation, undo: false }, step);
}

/** `backups.undoRestore`: back to the safety backup of the last restore, the same way (with a safety backup of its own). */
export async function undoRestore(ctx: AppContext, wrapper: KeyWrapper, step?: RestoreStep): Promise<RestoreResult> {
  const last = lastRestore(ctx.dataDir);
  if (!last || !BACKUP_NAME.test(last.safetyBackup)) throw new AppError('NOT_FOUND', 'backups.nothingToUndo');
  return restoreFrom(ctx, wrapper, join(backupsDir(ctx), last.safetyBackup), { recoveryKey: null, confirmation: null, undo: true }, step).catch(
    (e: unknown) => {
      if (e instanceof AppError && e.message === 'backups.notBackup') throw new AppError('NOT_FOUND', 'backups.nothingToUndo');
      throw e;
    },
  );
}

export function restoreStatus(ctx: AppContext): RestoreStatus {
  const last = lastRestore(ctx.dataDir);
  return { lastRestore: last ? { restoredFrom: last.restoredFrom, restoredAt: last.restoredAt, safetyBackup: last.safetyBackup } : null };
}
