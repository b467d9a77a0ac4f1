import { AppError, fieldError } from '../../shared/errors';
import { isPkRole, mayDecide, type Decision } from '../../shared/roles';
import { listUsers, userById } from '../../db/repositories/users';
import type { Actor, AppContext } from './context';
import { officeCode } from './settings';

/**
 * Who may be named as PK, and the decisions a call carries. The rules themselves are in
 * shared/roles.ts, so the screen's pickers and disabled controls follow the same ones.
 */

/** This office's active officers who may act as PK: what every PK picker offers (`users.officers`). */
export const pkOfficers = (ctx: AppContext) =>
  listUsers(ctx.db, officeCode(ctx))
    .filter((u) => u.active === 1 && isPkRole(u.role))
    .map((u) => ({ id: u.id, name: u.name }));

/**
 * A PK named on a record must be one of this office's petugas or admins. `allowInactive` keeps the
 * officers of an activity that took place before they left (history), never a non-PK role.
 */
export function checkPk(ctx: AppContext, userId: string, field: string, opts: { allowInactive?: boolean } = {}): void {
  const u = userById(ctx.db, userId);
  if (!u || u.origin !== officeCode(ctx) || (!opts.allowInactive && u.active !== 1)) throw fieldError(field, 'clients.pkUnknown');
  if (!isPkRole(u.role)) throw fieldError(field, 'users.notPk', { name: u.name });
}

/** Refuses a decision the actor's role may not make (the message names the decision). */
export function requireDecision(actor: Actor, decision: Decision): void {
  if (!mayDecide(decision, actor.role)) throw new AppError('FORBIDDEN', `decision.${decision}`);
}
