import type { AppContext, HandlersOf } from '../context';
import { createBackup } from './create';
import { inspectBackup } from './inspect';
import { nodeBackupIo, type BackupIo } from './io';
import { ownerOnlyFile } from './keys';
import { listBackups } from './list';

/** Backups (Pengaturan, "Cadangan"). `io` is the file system; tests pass failing ones. */
export function backupHandlers(ctx: AppContext, io: BackupIo = nodeBackupIo): HandlersOf<'backups.list' | 'backups.create' | 'backups.inspect'> {
  const wrapper = ctx.keyWrapper ?? ownerOnlyFile;
  return {
    'backups.list': () => listBackups(ctx, wrapper),
    'backups.create': () => createBackup(ctx, wrapper, 'manual', io),
    'backups.inspect': (input) => inspectBackup(ctx, wrapper, input),
  };
}
