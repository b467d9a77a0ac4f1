/**
 * Who may do what, beside the per-method table in `shared/contract.ts`. The contract says which
 * roles may call a method; this file names the role groups it uses and the decisions that depend on
 * what a call carries (a partner registered as already aktif, a client's phase set against the
 * suggestion, a referral's conditions set aside). The main process enforces both; the screen hides
 * or disables the same controls from the same rules, so the two cannot drift apart.
 *
 * The split: an operator records and drafts; a decision (a partner's standing, signing or
 * cancelling a PKS, a client's status, an override) is for the admin and the petugas; the pimpinan
 * reads everything, including the audit log, and changes nothing.
 */
import type { Role } from './domain';

/** Roles that may change records. `pimpinan` reads everything and changes nothing. */
export const WRITERS = ['admin', 'petugas', 'operator'] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Roles that decide: a partner's standing, a PKS signed or cancelled, a client's status, archiving. */
export const DECIDERS = ['admin', 'petugas'] as const satisfies readonly Role[];
/** Archiving a record is a decision too; kept as its own name where the contract reads better with it. */
export const ARCHIVERS = DECIDERS;
/** Everyone who oversees: the audit log is read by the admin and the pimpinan. */
export const OVERSEERS = ['admin', 'pimpinan'] as const satisfies readonly Role[];
/** Who may be named as PK (pembimbing kemasyarakatan) of a client or a referral, or as an officer of an activity. */
export const PK_ROLES = DECIDERS;

export const isPkRole = (role: string): boolean => (PK_ROLES as readonly string[]).includes(role);

/** Decisions carried inside an input, and who may make them. */
export const decisionRoles = {
  /** Registering a partner with a standing other than calon (its standing is otherwise changed through partners.setStatus). */
  partnerStanding: DECIDERS,
  /** Setting, changing or clearing a client's bimbingan phase against the one suggested from the period. */
  phaseOverride: DECIDERS,
  /** Setting a referral's partner and agreement conditions aside in writing (shared/referrals.ts OVERRIDABLE). */
  referralOverride: ADMIN,
} as const satisfies Record<string, readonly Role[]>;

export type Decision = keyof typeof decisionRoles;

export function mayDecide(decision: Decision, role: Role | null): boolean {
  return role !== null && (decisionRoles[decision] as readonly Role[]).includes(role);
}
