import type { BackupStatus } from '../../../shared/backupPanel';
import { recordChange } from '../audit';
import { actorOf, type AppContext, type HandlersOf } from '../context';
import { backupCopies } from './copy';
import { nodeBackupIo, type BackupIo } from './io';
import { ownerOnlyFile } from './keys';
import { listBackups } from './list';
import { confirmRecoveryKey, newRecoveryKey, recoveryKeyPending, recoveryKeySheet, recoveryKeyView } from './recoveryKey';
import { backupSettings, copyOverdue, lastCopy, saveBackupSettings } from './settings';

type PanelMethods =
  | 'backups.status'
  | 'backups.saveSettings'
  | 'backups.copy'
  | 'backups.progress'
  | 'backups.cancelCopy'
  | 'backups.recoveryKey'
  | 'backups.recoveryKeySheet'
  | 'backups.confirmRecoveryKey'
  | 'backups.newRecoveryKey';

/** The Cadangan panel's calls beside the list: the schedule's state, settings, a copy elsewhere, the Kunci Pemulihan. `io` as in backupHandlers. */
export function backupPanelHandlers(ctx: AppContext, io: BackupIo = nodeBackupIo): HandlersOf<PanelMethods> {
  const wrapper = ctx.keyWrapper ?? ownerOnlyFile;
  const copies = backupCopies(ctx, wrapper, io);
  return {
    'backups.status': async (): Promise<BackupStatus> => {
      // The panel and Home must open even when the backups cannot be read (that is what they report).
      const newest = await listBackups(ctx, wrapper).then(
        (rows) => rows[0],
        () => undefined,
      );
      return {
        settings: backupSettings(ctx),
        lastBackupAt: newest?.createdAt ?? null,
        lastFailure: ctx.backupSchedule?.lastFailure() ?? null,
        lastCopyAt: lastCopy(ctx)?.at ?? null,
        copyOverdue: copyOverdue(ctx),
        recoveryKeyPending: await recoveryKeyPending(ctx, wrapper).catch(() => true),
      };
    },
    'backups.saveSettings': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = backupSettings(ctx);
        saveBackupSettings(ctx, input);
        recordChange(ctx, actor, { action: 'update', entity: 'settings', entityId: 'backups', before, after: input, sync: false });
        return backupSettings(ctx);
      });
    },
    'backups.copy': (input, call) => copies.start(input.folder, call),
    'backups.progress': (input) => copies.progress(input.copyId),
    'backups.cancelCopy': (input) => copies.cancel(input.copyId),
    'backups.recoveryKey': () => recoveryKeyView(ctx, wrapper),
    'backups.recoveryKeySheet': () => recoveryKeySheet(ctx, wrapper),
    'backups.confirmRecoveryKey': (_input, call) => confirmRecoveryKey(ctx, wrapper, call),
    'backups.newRecoveryKey': (_input, call) => newRecoveryKey(ctx, wrapper, call),
  };
}
