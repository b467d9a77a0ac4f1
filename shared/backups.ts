/**
 * Backups (cadangan): what the screens see of them, and which ones are kept. Environment-free, so
 * the retention rule is one pure function tested on its own.
 */
import type { TimeZoneCode } from './domain';

/** Why a backup was made. The automatic ones are thinned by `retainBackups`; the others guard a change or were asked for. */
export const BACKUP_REASONS = ['manual', 'scheduled', 'atStart', 'atClose', 'beforeMigration', 'beforeRestore', 'beforeImport'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
const AUTOMATIC: ReadonlySet<BackupReason> = new Set(['scheduled', 'atStart', 'atClose']);

/** What the list shows as a backup's kind: the tier that keeps an automatic one, or the reason of any other. */
export type BackupKind = 'hourly' | 'daily' | 'monthly' | Exclude<BackupReason, 'scheduled' | 'atStart' | 'atClose'>;
export const BACKUP_KINDS = [
  'hourly',
  'daily',
  'monthly',
  'manual',
  'beforeMigration',
  'beforeRestore',
  'beforeImport',
] as const satisfies readonly BackupKind[];

export interface BackupRow {
  /** The file's name in the data folder's backups/ (not a path). */
  readonly name: string;
  readonly createdAt: string;
  readonly size: number;
  readonly kind: BackupKind;
  /** The header is authentic under this computer's backup key and the file is as long as it says. */
  readonly verified: boolean;
}

export interface BackupInspection {
  readonly createdAt: string;
  readonly reason: BackupReason;
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly officeCode: string;
  readonly officeName: string;
  readonly size: number;
  readonly files: number;
  /** Rows per table in the backup beside today's count (0 for a table this database no longer has). */
  readonly tables: readonly { readonly table: string; readonly inBackup: number; readonly now: number }[];
  /** Opened with the recovery key typed in rather than this computer's key. */
  readonly openedWithRecoveryKey: boolean;
}

export interface RetentionPolicy {
  readonly hourly: number;
  readonly daily: number;
  readonly monthly: number;
  /** Newest kept per reason that is not automatic (manual, before a migration…). */
  readonly perGuardReason: number;
}
export const DEFAULT_RETENTION: RetentionPolicy = { hourly: 24, daily: 14, monthly: 12, perGuardReason: 12 };

const ZONE_HOURS: Readonly<Record<TimeZoneCode, number>> = { WIB: 7, WITA: 8, WIT: 9 };

export interface RetainedBackup {
  readonly name: string;
  readonly createdAt: string;
  readonly reason: BackupReason;
}

/**
 * Which backups stay: of the automatic ones the newest of each of the `hourly` most recent hours
 * that have one, of the `daily` most recent days and the `monthly` most recent months (the
 * office's calendar, so a day turns at the office's midnight); of every other reason its newest
 * `perGuardReason`. The newest backup of all is always kept. Returns the kind of each kept one
 * (the longest tier that keeps it) and the names to remove.
 */
export function retainBackups(
  backups: readonly RetainedBackup[],
  zone: TimeZoneCode,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): { readonly keep: ReadonlyMap<string, BackupKind>; readonly remove: readonly string[] } {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
  const keep = new Map<string, BackupKind>();
  const local = (iso: string) => new Date(Date.parse(iso) + ZONE_HOURS[zone] * 3_600_000).toISOString();
  const tiers = [
    { kind: 'monthly', limit: policy.monthly, key: (iso: string) => local(iso).slice(0, 7), seen: new Set<string>() },
    { kind: 'daily', limit: policy.daily, key: (iso: string) => local(iso).slice(0, 10), seen: new Set<string>() },
    { kind: 'hourly', limit: policy.hourly, key: (iso: string) => local(iso).slice(0, 13), seen: new Set<string>() },
  ] as const;
  const guards = new Map<BackupReason, number>();
  for (const b of newestFirst) {
    if (!AUTOMATIC.has(b.reason)) {
      const n = guards.get(b.reason) ?? 0;
      if (n < policy.perGuardReason) keep.set(b.name, b.reason as BackupKind);
      guards.set(b.reason, n + 1);
      continue;
    }
    // Tiers from the longest: the first that keeps a backup names it.
    for (const tier of tiers) {
      const bucket = tier.key(b.createdAt);
      if (tier.seen.has(bucket) || tier.seen.size >= tier.limit) continue;
      tier.seen.add(bucket);
      if (!keep.has(b.name)) keep.set(b.name, tier.kind);
    }
  }
  const newest = newestFirst[0];
  if (newest && !keep.has(newest.name)) keep.set(newest.name, AUTOMATIC.has(newest.reason) ? 'hourly' : (newest.reason as BackupKind));
  return { keep, remove: newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name) };
}

/** `backups.restorePlan`: a backup checked through, beside today's database, before anything is restored. */
export interface RestorePlan extends Omit<BackupInspection, 'tables'> {
  /**
   * Per table: rows in the backup, rows today, and rows today created or changed after the
   * backup's time (from their created_at/updated_at; null for a table without them). Those
   * changes are what the restore would lose (the safety backup keeps them).
   */
  readonly tables: readonly { readonly table: string; readonly inBackup: number; readonly now: number; readonly changedSince: number | null }[];
  /** The sum of `changedSince`. */
  readonly lostSince: number;
  /** The backup is older than this version's schema: it is brought up to date after restoring. */
  readonly migrates: boolean;
  /** To be sent back to `backups.restore`: names this very backup file, so a different one is not restored by mistake. */
  readonly confirmation: string;
}

/** `backups.restore` / `backups.undoRestore` / `recovery.restoreLatest`. Everyone signs in again afterwards (the users are the backup's). */
export interface RestoreResult {
  /** When the restored backup was made. */
  readonly restoredFrom: string;
  /** The backup of the state before the restore (in the list as "beforeRestore"); `backups.undoRestore` goes back to it. Null when there was no readable state to save (recovery). */
  readonly safetyBackup: string | null;
}

/** What the office can undo: the last restore, until it is undone. */
export interface RestoreStatus {
  readonly lastRestore: { readonly restoredFrom: string; readonly restoredAt: string; readonly safetyBackup: string } | null;
}

/** `backups.checkDatabase`: SQLite's full integrity check of the live database. */
export interface DatabaseCheck {
  readonly ok: boolean;
  readonly checkedAt: string;
  /** How many problems SQLite named (up to 100); their wording is SQLite's, so it is not shown. */
  readonly problems: number;
}

/** Why the database could not be opened at start (recovery mode). */
export type RecoveryProblem = 'corrupt' | 'notDatabase' | 'tooNew' | 'unreadable';
export interface RecoveryState {
  readonly problem: RecoveryProblem;
  /** The newest backup of this data folder that opens with this computer's key, or null. */
  readonly latestGood: { readonly name: string; readonly createdAt: string } | null;
}

/** `recovery.salvage`: what could be read of the damaged database, copied into a new file. */
export interface SalvageResult {
  /** The copy's path (under the data folder's `salinan/`). */
  readonly path: string;
  readonly tables: readonly { readonly table: string; readonly rows: number; readonly complete: boolean }[];
}
