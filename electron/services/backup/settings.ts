import { DEFAULT_BACKUP_SETTINGS, retentionOf, type BackupSettings } from '../../../shared/backupPanel';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../../../shared/backups';
import { getSetting, putSetting } from '../../../db/repositories/settings';
import type { AppContext } from '../context';

/** The admin's backup settings, the defaults filling what an older office never stored. */
export function backupSettings(ctx: AppContext): BackupSettings {
  return { ...DEFAULT_BACKUP_SETTINGS, ...(getSetting<Partial<BackupSettings>>(ctx.db, 'backups') ?? {}) };
}

export function saveBackupSettings(ctx: AppContext, next: BackupSettings): void {
  putSetting(ctx.db, 'backups', next, ctx.now().toISOString());
}

/** The retention rule as this office set it. */
export const retentionPolicy = (ctx: AppContext): RetentionPolicy => retentionOf(backupSettings(ctx), DEFAULT_RETENTION);

/** The last copy to another medium that was read back and matched. */
export interface LastCopy {
  readonly at: string;
  readonly filename: string;
}
export const lastCopy = (ctx: AppContext): LastCopy | null => getSetting<LastCopy>(ctx.db, 'backupCopy');
export const recordCopy = (ctx: AppContext, copy: LastCopy): void => putSetting(ctx.db, 'backupCopy', copy, copy.at);

/** Home reminds when there is no copy yet, or the last is older than the reminder's days. */
export function copyOverdue(ctx: AppContext): boolean {
  const last = lastCopy(ctx);
  if (!last) return true;
  return ctx.now().getTime() - Date.parse(last.at) > backupSettings(ctx).copyReminderDays * 86_400_000;
}
