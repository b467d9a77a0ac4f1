import type { Role } from '../../shared/domain';
import { AppError, fieldError } from '../../shared/errors';
import type { SessionInfo, User } from '../../shared/types';
import { countActiveAdmins, insertUser, listUsers, updateUser, userById, userByUsername, type UserRow } from '../../db/repositories/users';
import { recordChange } from './audit';
import { actorOf, isoNow, type Actor, type AppContext, type HandlersOf } from './context';
import { newId } from './ids';
import { pkOfficers } from './officers';
import { accountLocked, countFailedAttempt, lockedUntil, stillAllowed, wrongPassword } from './lockout';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { officeCode, securitySettings } from './settings';

/** The public view of a user: never the hash, never the failed-login counter. */
export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    nip: r.nip,
    position: r.position,
    role: r.role as Role,
    active: r.active === 1,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function mustFind(ctx: AppContext, id: string): UserRow {
  const row = userById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'users.notFound');
  return row;
}

/** An office must always keep one active admin, or nobody could manage users again. */
function keepAnAdmin(ctx: AppContext, before: UserRow, nextRole: Role, nextActive: boolean): void {
  const wasActiveAdmin = before.role === 'admin' && before.active === 1;
  const staysActiveAdmin = nextRole === 'admin' && nextActive;
  if (wasActiveAdmin && !staysActiveAdmin && countActiveAdmins(ctx.db) <= 1) {
    throw new AppError('CONFLICT', 'users.lastAdmin');
  }
}

function sessionInfo(ctx: AppContext, token: string, row: UserRow): SessionInfo {
  return { token, user: toUser(row), idleLockMinutes: securitySettings(ctx).idleLockMinutes };
}

export function authHandlers(ctx: AppContext): HandlersOf<'auth.login' | 'auth.logout' | 'auth.lock' | 'auth.unlock' | 'auth.me' | 'auth.changePassword'> {
  return {
    'auth.login': async (input) => {
      const row = userByUsername(ctx.db, input.username);
      const nowMs = ctx.now().getTime();
      const lockedAtStart = row ? lockedUntil(row, nowMs) : null;
      if (lockedAtStart) throw accountLocked(lockedAtStart);
      // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
      const ok = await verifyPassword(input.password, row?.password_hash ?? (await dummyHash()));
      if (!row || !ok || row.active !== 1) {
        if (row) {
          const attempt = ctx.db.tx(() => {
            const counted = countFailedAttempt(ctx, row.id, nowMs);
            recordChange(
              ctx,
              { id: null, name: input.username },
              { action: counted.lockedNow ? 'account_locked' : 'login_failed', entity: 'user', entityId: row.id, sync: false },
            );
            return counted;
          });
          // The attempt that locks the account says so at once, rather than one attempt later.
          throw wrongPassword(attempt, new AppError('UNAUTHENTICATED', 'auth.badCredentials'));
        }
        throw new AppError('UNAUTHENTICATED', 'auth.badCredentials');
      }
      return ctx.db.tx(() => {
        // A concurrent attempt may have locked the account while this password was being hashed.
        stillAllowed(ctx, row, nowMs);
        updateUser(ctx.db, row.id, { failed_logins: 0, locked_until: null });
        recordChange(ctx, row, { action: 'login', entity: 'user', entityId: row.id, sync: false });
        const session = ctx.sessions.create(row.id, nowMs);
        return sessionInfo(ctx, session.token, mustFind(ctx, row.id));
      });
    },
    'auth.logout': (_input, call) => {
      const actor = actorOf(call);
      if (call.token) ctx.sessions.end(call.token);
      ctx.db.tx(() => recordChange(ctx, actor, { action: 'logout', entity: 'user', entityId: actor.id, sync: false }));
      return { done: true as const };
    },
    'auth.lock': (_input, call) => {
      const s = ctx.sessions.get(call.token);
      if (s) s.locked = true;
      return { done: true as const };
    },
    'auth.unlock': async (input, call) => {
      const actor = actorOf(call);
      const session = ctx.sessions.get(call.token);
      const row = mustFind(ctx, actor.id);
      if (!session) throw new AppError('UNAUTHENTICATED', 'auth.required');
      const nowMs = ctx.now().getTime();
      const lockedAtStart = lockedUntil(row, nowMs);
      if (lockedAtStart) throw accountLocked(lockedAtStart);
      if (!(await verifyPassword(input.password, row.password_hash))) {
        // Wrong passwords at the lock screen count toward the same lockout as at login.
        const counted = ctx.db.tx(() => {
          const counted = countFailedAttempt(ctx, row.id, nowMs);
          if (counted.until) ctx.sessions.endAllOf(row.id);
          recordChange(ctx, actor, { action: counted.lockedNow ? 'account_locked' : 'login_failed', entity: 'user', entityId: row.id, sync: false });
          return counted;
        });
        // A lock ends the session (the renderer returns to sign-in); before that, the last attempt is announced.
        if (counted.until) throw fieldError('password', 'auth.badPassword');
        throw wrongPassword(counted, fieldError('password', 'auth.badPassword'));
      }
      const fresh = ctx.db.tx(() => {
        // The session may have ended (a concurrent wrong password locked the account) during the hash.
        if (!ctx.sessions.get(session.token)) throw new AppError('UNAUTHENTICATED', 'auth.required');
        const current = stillAllowed(ctx, row, nowMs);
        if (current.failed_logins > 0) updateUser(ctx.db, row.id, { failed_logins: 0 });
        return current;
      });
      session.locked = false;
      session.lastActivity = ctx.now().getTime();
      return sessionInfo(ctx, session.token, fresh);
    },
    'auth.me': (_input, call) => sessionInfo(ctx, call.token ?? '', mustFind(ctx, actorOf(call).id)),
    'auth.changePassword': async (input, call) => {
      const actor = actorOf(call);
      const row = mustFind(ctx, actor.id);
      if (!(await verifyPassword(input.current, row.password_hash))) throw fieldError('current', 'auth.badPassword');
      const hash = await hashPassword(input.password);
      ctx.db.tx(() => {
        // An admin's reset while the old password was being checked wins; this change is refused.
        if (mustFind(ctx, row.id).password_hash !== row.password_hash) throw fieldError('current', 'auth.badPassword');
        updateUser(ctx.db, row.id, { password_hash: hash, updated_at: isoNow(ctx) });
        // Whoever knew the old password may be signed in elsewhere: only this session stays.
        ctx.sessions.endAllOf(row.id, call.token);
        recordChange(ctx, actor, { action: 'password_change', entity: 'user', entityId: row.id, sync: false });
      });
      return { done: true as const };
    },
  };
}

export function userHandlers(
  ctx: AppContext,
): HandlersOf<'users.list' | 'users.create' | 'users.update' | 'users.setActive' | 'users.resetPassword' | 'users.names' | 'users.officers'> {
  const audit = (actor: Actor, action: 'create' | 'update' | 'password_reset', before: UserRow | null, after: UserRow) =>
    recordChange(ctx, actor, { action, entity: 'user', entityId: after.id, before: before ? toUser(before) : undefined, after: toUser(after) });

  return {
    'users.list': () => listUsers(ctx.db, officeCode(ctx)).map(toUser),
    'users.names': () => listUsers(ctx.db, officeCode(ctx)).map((u) => ({ id: u.id, name: u.name })),
    'users.officers': () => pkOfficers(ctx),
    'users.create': async (input, call) => {
      const actor = actorOf(call);
      const hash = await hashPassword(input.password);
      return ctx.db.tx(() => {
        if (userByUsername(ctx.db, input.username)) throw fieldError('username', 'users.usernameTaken');
        const now = isoNow(ctx);
        const id = newId();
        insertUser(ctx.db, {
          id,
          username: input.username,
          name: input.name,
          nip: input.nip,
          position: input.position,
          role: input.role,
          password_hash: hash,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        const row = mustFind(ctx, id);
        audit(actor, 'create', null, row);
        return toUser(row);
      });
    },
    'users.update': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        keepAnAdmin(ctx, before, input.role, before.active === 1);
        updateUser(ctx.db, input.id, { name: input.name, nip: input.nip, position: input.position, role: input.role, updated_at: isoNow(ctx) });
        const after = mustFind(ctx, input.id);
        audit(actor, 'update', before, after);
        return toUser(after);
      });
    },
    'users.setActive': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        keepAnAdmin(ctx, before, before.role as Role, input.active);
        updateUser(ctx.db, input.id, { active: input.active ? 1 : 0, updated_at: isoNow(ctx) });
        if (!input.active) ctx.sessions.endAllOf(input.id);
        const after = mustFind(ctx, input.id);
        audit(actor, 'update', before, after);
        return toUser(after);
      });
    },
    'users.resetPassword': async (input, call) => {
      const actor = actorOf(call);
      const hash = await hashPassword(input.password);
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        // A reset also lifts a lockout: that is usually why the admin is resetting.
        updateUser(ctx.db, input.id, { password_hash: hash, failed_logins: 0, locked_until: null, updated_at: isoNow(ctx) });
        ctx.sessions.endAllOf(input.id);
        const after = mustFind(ctx, input.id);
        audit(actor, 'password_reset', before, after);
        return toUser(after);
      });
    },
  };
}

/** Resolves the actor of a session for the dispatcher, or null when the user is gone or inactive. */
export function actorForSession(ctx: AppContext, userId: string): Actor | null {
  const row = userById(ctx.db, userId);
  if (!row || row.active !== 1) return null;
  return { id: row.id, name: row.name, role: row.role as Role };
}
