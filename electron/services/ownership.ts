import { AppError } from '../../shared/errors';
import type { OwnerOffice } from '../../shared/types';
import { registeredOffice } from '../../db/repositories/officeKeys';
import { foreignOrigin } from '../../db/repositories/origins';
import type { AppContext } from './context';
import { officeCode } from './settings';

/**
 * One writer per record: a record is changed only at the office that keeps it, its `origin`.
 * A Bapas induk holds its posts' records as their bundles brought them; changing one there would
 * be silently undone by the post's next bundle, so every writing service asks here first.
 */

/** The office that keeps a record when that is not this one (a post's record at its Bapas induk); null for this office's own. */
export function ownedBy(ctx: AppContext, origin: string): OwnerOffice | null {
  if (origin === officeCode(ctx)) return null;
  // Named as the post registered itself (its key card), not by its bare code.
  return { code: origin, name: registeredOffice(ctx.db, origin)?.office_name ?? origin };
}

function refusal(owner: OwnerOffice, field?: string): AppError {
  return new AppError('FORBIDDEN', 'records.otherOffice', { params: { office: owner.name }, ...(field ? { fields: { [field]: 'records.otherOffice' } } : {}) });
}

/** Refuses a write to a record another office keeps. */
export function assertOwn(ctx: AppContext, row: { readonly origin: string }, field?: string): void {
  const owner = ownedBy(ctx, row.origin);
  if (owner) throw refusal(owner, field);
}

/**
 * Refuses a new record that hangs on another office's clients (a referral, a check-in, an
 * activity's participants): what happens to a post's client is recorded at the post.
 */
export function assertOwnRecords(ctx: AppContext, table: 'clients' | 'partners', ids: readonly string[], field: string): void {
  const origin = foreignOrigin(ctx.db, table, ids, officeCode(ctx));
  if (origin !== null) assertOwn(ctx, { origin }, field);
}
