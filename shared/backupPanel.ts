/**
 * What the Cadangan panel and Home see of the backup schedule, the copies to another medium and
 * the Kunci Pemulihan. Environment-free: the service fills these, the screens read them.
 */
import type { RetentionPolicy } from './backups';

/** The admin's settings: how many automatic backups each tier keeps, and when Home reminds of a copy elsewhere. */
export interface BackupSettings {
  readonly hourly: number;
  readonly daily: number;
  readonly monthly: number;
  /** Days without a copy to another medium after which Home reminds. */
  readonly copyReminderDays: number;
}
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { hourly: 24, daily: 14, monthly: 12, copyReminderDays: 7 };

/** The retention rule's policy from the settings (the guard backups keep their own count). */
export const retentionOf = (s: BackupSettings, base: RetentionPolicy): RetentionPolicy => ({ ...base, hourly: s.hourly, daily: s.daily, monthly: s.monthly });

export interface BackupStatus {
  readonly settings: BackupSettings;
  /** The newest listed backup's time, or null when there is none. */
  readonly lastBackupAt: string | null;
  /** The last automatic backup that failed (and none has succeeded since): its time and message key. */
  readonly lastFailure: { readonly at: string; readonly message: string } | null;
  /** The last copy to another medium that was read back and matched, or null (never). */
  readonly lastCopyAt: string | null;
  /** No copy yet, or the last one is older than the reminder setting. */
  readonly copyOverdue: boolean;
  /** The Kunci Pemulihan has not been written down yet (not shown, or shown and not confirmed). */
  readonly recoveryKeyPending: boolean;
}

export type BackupCopyPhase = 'writing' | 'checking' | 'done' | 'failed' | 'cancelled';

export interface BackupCopyProgress {
  readonly copyId: string;
  readonly phase: BackupCopyPhase;
  readonly done: number;
  readonly total: number;
  /** The message key of a failed copy. */
  readonly error: string | null;
  /** The copy's file name in the chosen folder once done. */
  readonly filename: string | null;
}

/** The Kunci Pemulihan as the sheet shows it once, or that it was shown already. */
export type RecoveryKeyView =
  { readonly state: 'show'; readonly groups: readonly string[]; readonly createdAt: string } | { readonly state: 'shown'; readonly createdAt: string };
