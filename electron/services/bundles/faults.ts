import { AppError } from '../../../shared/errors';

/**
 * What went wrong at this office while a bundle was being applied, as opposed to what is wrong
 * with the bundle: the disk is full or cannot be written, the database is held by another program.
 * Such a failure rolls the whole receive back like any other, but the officer must not be told the
 * bundle is damaged or inconsistent: the same bundle goes in once the computer is put right.
 */
const STORAGE_SQLITE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|NOMEM|PERM)/;
const BUSY_SQLITE = /^SQLITE_(BUSY|LOCKED)/;
/** The same conditions met while storing the bundle's attachments in the data folder. */
const STORAGE_FS = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE']);
const BUSY_FS = new Set(['EBUSY']);

const codeOf = (e: unknown): string => (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '');

/** The refusal for a failure of this office's storage or database, or null when `e` is not one. */
export function localFault(e: unknown): AppError | null {
  if (e instanceof AppError || !(e instanceof Error)) return null;
  const code = codeOf(e);
  const sqlite = e.name === 'SqliteError';
  if (sqlite ? STORAGE_SQLITE.test(code) : STORAGE_FS.has(code)) return new AppError('UNAVAILABLE', 'bundles.storageFailed');
  if (sqlite ? BUSY_SQLITE.test(code) : BUSY_FS.has(code)) return new AppError('UNAVAILABLE', 'bundles.databaseBusy');
  return null;
}

/** Why applying a bundle failed: this office's own fault, the database refusing a row of the bundle, or (unchanged) anything else. */
export function applyFailure(e: unknown): unknown {
  const local = localFault(e);
  if (local) return local;
  // The database refusing a row (a constraint, a reference no bundle carried) refuses the bundle.
  return e instanceof Error && e.name === 'SqliteError' ? new AppError('VALIDATION', 'bundles.inconsistent') : e;
}
