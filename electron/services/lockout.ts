import { AppError } from '../../shared/errors';
import { addFailedLogin, updateUser, userById, type UserRow } from '../../db/repositories/users';
import type { AppContext } from './context';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 5;

/** The end of the account's lock, or null when it is not locked at `nowMs`. */
export function lockedUntil(row: Pick<UserRow, 'locked_until'>, nowMs: number): string | null {
  return row.locked_until && Date.parse(row.locked_until) > nowMs ? row.locked_until : null;
}

export const accountLocked = (until: string) => new AppError('ACCOUNT_LOCKED', 'auth.accountLocked', { params: { until } });

export interface FailedAttempt {
  /** The lock end when the account is locked after this attempt (by it, or by one that came first). */
  readonly until: string | null;
  /** True only for the attempt whose count reached the limit. */
  readonly lockedNow: boolean;
  /** Wrong passwords still allowed before the lock (0 once locked). */
  readonly remaining: number;
}

/**
 * The refusal of a wrong password. The attempt before the lock warns that one is left, with the
 * count in its params; earlier ones say only "wrong", so that a single try does not tell a
 * stranger which user names exist (the lock itself says so after five anyway).
 */
export function wrongPassword(attempt: FailedAttempt, plain: AppError): AppError {
  if (attempt.until) return accountLocked(attempt.until);
  if (attempt.remaining !== 1) return plain;
  const params = { remaining: attempt.remaining, minutes: LOCKOUT_MINUTES };
  return plain.fields
    ? new AppError(plain.code, 'auth.badPasswordLast', {
        params,
        fields: Object.fromEntries(Object.keys(plain.fields).map((f) => [f, 'auth.badPasswordLast'])),
      })
    : new AppError(plain.code, 'auth.lastAttempt', { params });
}

/**
 * Counts a wrong password. Must run inside the write transaction that follows the (slow, async)
 * hash, so it sees what concurrent attempts wrote meanwhile: the row is read again, the count is
 * incremented in SQL and the lock is decided from the value the database returns. An attempt that
 * finds the account already locked by a concurrent one does not count again; the lock stands.
 */
export function countFailedAttempt(ctx: AppContext, userId: string, nowMs: number): FailedAttempt {
  const current = userById(ctx.db, userId);
  if (!current) return { until: null, lockedNow: false, remaining: MAX_FAILED_LOGINS };
  const already = lockedUntil(current, nowMs);
  if (already) return { until: already, lockedNow: false, remaining: 0 };
  const counted = addFailedLogin(ctx.db, userId);
  if (!counted) return { until: null, lockedNow: false, remaining: MAX_FAILED_LOGINS };
  if (counted.failed_logins < MAX_FAILED_LOGINS) return { until: null, lockedNow: false, remaining: MAX_FAILED_LOGINS - counted.failed_logins };
  const until = new Date(nowMs + LOCKOUT_MINUTES * 60_000).toISOString();
  // The count restarts so that, once the lock ends, the next five wrong passwords lock it again.
  updateUser(ctx.db, userId, { failed_logins: 0, locked_until: until });
  return { until, lockedNow: true, remaining: 0 };
}

/**
 * Re-reads the user inside the write transaction after a right password was verified, and refuses
 * when a concurrent attempt locked the account (or the password, or the account, changed) while
 * the hash was being computed. Returns the fresh row.
 */
export function stillAllowed(ctx: AppContext, verified: UserRow, nowMs: number): UserRow {
  const fresh = userById(ctx.db, verified.id);
  if (!fresh || fresh.active !== 1 || fresh.password_hash !== verified.password_hash) {
    throw new AppError('UNAUTHENTICATED', 'auth.badCredentials');
  }
  const until = lockedUntil(fresh, nowMs);
  if (until) throw accountLocked(until);
  return fresh;
}
