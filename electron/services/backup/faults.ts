import { AppError } from '../../../shared/errors';

const codeOf = (e: unknown): string => (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '');

/**
 * A backup that could not be written because of this computer's storage, in words an admin can act
 * on; null when `e` is something else (then it stays an internal error).
 */
export function storageFault(e: unknown): AppError | null {
  if (e instanceof AppError) return null;
  const code = codeOf(e);
  if (['ENOSPC', 'EDQUOT', 'SQLITE_FULL'].includes(code)) return new AppError('UNAVAILABLE', 'backups.diskFull');
  if (['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM'].includes(code))
    return new AppError('UNAVAILABLE', 'backups.folderReadOnly');
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return new AppError('UNAVAILABLE', 'backups.writeFailed');
  return null;
}

/** The refusals of a file that is not a sound backup of this office, one message each. */
export const refuse = {
  notBackup: () => new AppError('VALIDATION', 'backups.notBackup'),
  truncated: () => new AppError('INTEGRITY', 'backups.truncated'),
  damaged: () => new AppError('INTEGRITY', 'backups.damaged'),
  tooNew: () => new AppError('VALIDATION', 'backups.tooNew'),
  otherOffice: (officeName: string) => new AppError('VALIDATION', 'backups.otherOffice', { params: { office: officeName.slice(0, 120) } }),
  needRecoveryKey: () => new AppError('VALIDATION', 'backups.needRecoveryKey', { fields: { recoveryKey: 'backups.needRecoveryKey' } }),
  wrongRecoveryKey: () => new AppError('VALIDATION', 'backups.wrongRecoveryKey', { fields: { recoveryKey: 'backups.wrongRecoveryKey' } }),
};
