import { empty } from './schemas/common';
import { ADMIN, OVERSEERS } from './roles';
import { method } from './contractMethod';
import { BackupInspectInput, RestoreInput, RestorePlanInput } from './schemas/backups';
import type { BackupInspection, BackupRow, DatabaseCheck, RestorePlan, RestoreResult, RestoreStatus, SalvageResult } from './backups';
import { BackupCopyIdInput, BackupCopyInput, BackupSettingsInput } from './schemas/backupPanel';
import type { BackupCopyProgress, BackupSettings, BackupStatus, RecoveryKeyView } from './backupPanel';
import type { ExportFile } from './types';

/** The methods of backups, restore and recovery mode, part of shared/contract.ts. */
export const BACKUP_METHODS = {
  /**
   * Backups (Cadangan): the list for those who oversee the office's records; making one and
   * checking one (a listed backup or a chosen file, which reads any path and takes the recovery key)
   * for the admin.
   */
  'backups.list': method<readonly BackupRow[]>()(empty, OVERSEERS),
  'backups.create': method<BackupRow>()(empty, ADMIN),
  'backups.inspect': method<BackupInspection>()(BackupInspectInput, ADMIN),
  /**
   * The Cadangan panel: the schedule's state, the retention and reminder settings, a copy to
   * another medium (started, then polled, cancelled), and the Kunci Pemulihan shown once, its
   * sheet while it is shown, the confirmation that it was written down, and a new one.
   */
  'backups.status': method<BackupStatus>()(empty, OVERSEERS),
  'backups.saveSettings': method<BackupSettings>()(BackupSettingsInput, ADMIN),
  'backups.copy': method<BackupCopyProgress>()(BackupCopyInput, ADMIN),
  'backups.progress': method<BackupCopyProgress>()(BackupCopyIdInput, ADMIN),
  'backups.cancelCopy': method<BackupCopyProgress>()(BackupCopyIdInput, ADMIN),
  'backups.recoveryKey': method<RecoveryKeyView>()(empty, ADMIN),
  'backups.recoveryKeySheet': method<ExportFile>()(empty, ADMIN),
  'backups.confirmRecoveryKey': method<RecoveryKeyView>()(empty, ADMIN),
  'backups.newRecoveryKey': method<RecoveryKeyView>()(empty, ADMIN),
  /**
   * Restore (Pulihkan dari cadangan), admin only. `restorePlan` checks the backup through (key,
   * every hash, integrity, schema version, office) and says what it holds beside today and what
   * would be lost; nothing changes. `restore` takes the plan's `confirmation` back, makes a
   * safety backup of today's state, and swaps the data folder's state while the database is
   * closed; the app reopens it at once and everyone signs in again. `undoRestore` goes back to
   * that safety backup the same way. `restoreStatus` says whether there is a restore to undo.
   * `checkDatabase` runs SQLite's full integrity check now.
   */
  'backups.restorePlan': method<RestorePlan>()(RestorePlanInput, ADMIN),
  'backups.restore': method<RestoreResult>()(RestoreInput, ADMIN),
  'backups.undoRestore': method<RestoreResult>()(empty, ADMIN),
  'backups.restoreStatus': method<RestoreStatus>()(empty, ADMIN),
  'backups.checkDatabase': method<DatabaseCheck>()(empty, ADMIN),
  /**
   * Recovery mode: the database could not be opened at start (damaged, not a database, from a
   * newer version). Then these and `app.status` are the only methods that answer, with no one
   * signed in (there are no users to check without the database); with a sound database they are
   * refused. `restoreLatest` restores the newest backup that opens with this computer's key (the
   * damaged file is kept under salinan/); `salvage` copies what can still be read into a new file.
   */
  'recovery.restoreLatest': method<RestoreResult>()(empty, 'public'),
  'recovery.salvage': method<SalvageResult>()(empty, 'public'),
};
