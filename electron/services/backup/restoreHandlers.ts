import { AppError } from '../../../shared/errors';
import type { AppContext, HandlersOf } from '../context';
import { checkDatabase } from './dbCheck';
import { ownerOnlyFile } from './keys';
import { restoreBackup, restorePlan, restoreStatus, undoRestore, type RestoreStep } from './restore';

/**
 * Restore (Pengaturan, "Cadangan": "Pulihkan", "Batalkan pemulihan") and the database check. The
 * recovery methods answer only in recovery mode (see app.ts); with a sound database they refuse.
 * `step` is for the crash test only.
 */
export function restoreHandlers(
  ctx: AppContext,
  step?: RestoreStep,
): HandlersOf<
  | 'backups.restorePlan'
  | 'backups.restore'
  | 'backups.undoRestore'
  | 'backups.restoreStatus'
  | 'backups.checkDatabase'
  | 'recovery.restoreLatest'
  | 'recovery.salvage'
> {
  const wrapper = ctx.keyWrapper ?? ownerOnlyFile;
  const notNeeded = () => {
    throw new AppError('VALIDATION', 'recovery.notNeeded');
  };
  return {
    'backups.restorePlan': (input) => restorePlan(ctx, wrapper, input),
    'backups.restore': (input) => restoreBackup(ctx, wrapper, input, step),
    'backups.undoRestore': () => undoRestore(ctx, wrapper, step),
    'backups.restoreStatus': () => restoreStatus(ctx),
    'backups.checkDatabase': () => checkDatabase(ctx),
    'recovery.restoreLatest': notNeeded,
    'recovery.salvage': notNeeded,
  };
}
