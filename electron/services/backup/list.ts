import { join } from 'node:path';
import { retainBackups, type BackupReason, type BackupRow } from '../../../shared/backups';
import type { AppContext } from '../context';
import { retentionPolicy } from './settings';
import { officeSettings } from '../settings';
import { backupNames, backupsDir } from './folder';
import { existingBackupKeys, type KeyWrapper } from './keys';
import { peekHeader } from './read';

/**
 * The finished backups, newest first, from their headers: date, size, kind and whether the header
 * is authentic under this computer's key (the full check is `backups.inspect`). A file that is not
 * a backup at all is not listed.
 */
export async function listBackups(
  ctx: AppContext,
  wrapper: KeyWrapper,
  opts: { withReason?: boolean } = {},
): Promise<(BackupRow & { readonly reason?: BackupReason })[]> {
  const key = (await existingBackupKeys(ctx, wrapper))?.key ?? null;
  const seen: { name: string; createdAt: string; size: number; reason: BackupReason; verified: boolean }[] = [];
  for (const name of backupNames(ctx)) {
    const peek = await peekHeader(join(backupsDir(ctx), name), key);
    if (!peek) continue;
    const h = peek.read.header;
    seen.push({ name, createdAt: h.createdAt, size: peek.read.size, reason: h.reason, verified: peek.authentic });
  }
  const { keep } = retainBackups(seen, officeSettings(ctx)?.timeZone ?? 'WIB', retentionPolicy(ctx));
  return seen
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1))
    .map((b) => ({
      name: b.name,
      createdAt: b.createdAt,
      size: b.size,
      kind: keep.get(b.name) ?? 'hourly',
      verified: b.verified,
      ...(opts.withReason ? { reason: b.reason } : {}),
    }));
}
