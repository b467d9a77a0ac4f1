import { join } from 'node:path';
import type { BackupInspection } from '../../../shared/backups';
import { AppError, fieldError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { officeSettings } from '../settings';
import { BACKUP_NAME, backupsDir, removeLeftovers, scratchFile } from './folder';
import { existingBackupKeys, readRecoveryKey, type KeyWrapper } from './keys';
import { openBackup } from './read';
import { tableRows } from './snapshot';

export interface InspectRequest {
  readonly name?: string | undefined;
  readonly path?: string | undefined;
  readonly recoveryKey?: string | undefined;
}

/**
 * Checks a listed backup or a file the host's dialog gave, through (see `openBackup`), and says
 * what it holds against today. Reads only; the decrypted database part is a scratch file removed
 * before the answer.
 */
export async function inspectBackup(ctx: AppContext, wrapper: KeyWrapper, req: InspectRequest): Promise<BackupInspection> {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  let recoveryKey: string | null = null;
  if (req.recoveryKey !== undefined && req.recoveryKey.trim() !== '') {
    recoveryKey = readRecoveryKey(req.recoveryKey);
    if (!recoveryKey) throw fieldError('recoveryKey', 'backups.recoveryKeyFormat');
  }
  if (req.name !== undefined && !BACKUP_NAME.test(req.name)) throw new AppError('NOT_FOUND', 'backups.notFound');
  const path = req.name !== undefined ? join(backupsDir(ctx), req.name) : req.path!;
  removeLeftovers(ctx);
  const machineKey = (await existingBackupKeys(ctx, wrapper))?.key ?? null;
  const opened = await openBackup(path, { officeCode: office.code, machineKey, recoveryKey, scratchDb: scratchFile(ctx, 'inspect') }).catch((e: unknown) => {
    // A listed name that is gone is "not found", not "not a backup".
    if (req.name !== undefined && e instanceof AppError && e.message === 'backups.notBackup') throw new AppError('NOT_FOUND', 'backups.notFound');
    throw e;
  });
  const now = tableRows(ctx.db.raw);
  const names = [...new Set([...Object.keys(opened.header.rows), ...Object.keys(now)])].sort();
  return {
    createdAt: opened.header.createdAt,
    reason: opened.header.reason,
    appVersion: opened.header.appVersion,
    schemaVersion: opened.header.schemaVersion,
    officeCode: opened.header.officeCode,
    officeName: opened.header.officeName,
    size: opened.size,
    files: opened.header.parts.filter((p) => p.name.startsWith('file:')).length,
    tables: names.map((table) => ({ table, inBackup: opened.header.rows[table] ?? 0, now: now[table] ?? 0 })),
    openedWithRecoveryKey: opened.openedWithRecoveryKey,
  };
}
