import type { AuditAction } from '../../shared/domain';
import type { AuditEntry, AuditVerifyResult } from '../../shared/types';
import { appendChange } from '../../db/repositories/changeLog';
import { insertAudit, iterateAudit, lastAudit, nextAuditSeq, type AuditRow } from '../../db/repositories/audit';
import { getSetting, putSetting } from '../../db/repositories/settings';
import type { Db } from '../../db/connection';
import { actorOf, type AppContext, type HandlersOf } from './context';
import { auditExport, auditPage } from './auditLog';
import { anchorAuditHead, readAnchor } from './auditAnchor';
import { entryHash, GENESIS, walkChain, type AuditContent } from './auditChain';
import { officeCode, officeSettings } from './settings';

/**
 * The audit log is a hash chain (see auditChain.ts). The newest (seq, hash) is kept in settings as
 * the chain head, and signed with the office's key in a file outside the database (auditAnchor.ts):
 * cutting off the newest entries, emptying the log or rebuilding the chain no longer reaches the
 * anchored head, even when the head in settings is rewritten along with it.
 */
const HEAD_KEY = 'audit_head';

interface Head {
  seq: number;
  hash: string;
}

export interface AuditWho {
  readonly id: string | null;
  readonly name: string;
}

export interface AuditEvent {
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends one entry; must run inside the transaction of the change it records. */
export function appendAudit(db: Db, at: string, who: AuditWho, e: AuditEvent): void {
  const prev = lastAudit(db);
  const seq = nextAuditSeq(db);
  const content: AuditContent = {
    seq,
    at,
    user_id: who.id,
    user_name: who.name,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    prev_hash: prev?.hash ?? GENESIS,
  };
  const hash = entryHash(content);
  insertAudit(db, { ...content, hash });
  putSetting(db, HEAD_KEY, { seq, hash } satisfies Head, at);
}

/**
 * Records a change to a shared record: the audit entry and the outbox row for bundles, in the
 * caller's transaction. Every write path of every service goes through here.
 */
export function recordChange(ctx: AppContext, who: AuditWho, e: AuditEvent & { readonly sync?: 'upsert' | 'delete' | false }): void {
  const at = ctx.now().toISOString();
  appendAudit(ctx.db, at, who, e);
  if (e.sync !== false) appendChange(ctx.db, { entity: e.entity, entityId: e.entityId, op: e.sync ?? 'upsert', at, origin: officeCode(ctx) });
}

export function verifyAudit(ctx: AppContext): AuditVerifyResult {
  const anchor = readAnchor(ctx);
  let hashAtAnchor: string | null = null;
  const anchoredSeq = anchor.kind === 'ok' ? anchor.head.seq : 0;
  const rows = function* () {
    for (const row of iterateAudit(ctx.db)) {
      if (row.seq === anchoredSeq) hashAtAnchor = row.hash;
      yield row;
    }
  };
  const walk = walkChain(rows(), { seq: 0, hash: GENESIS });
  if (!walk.ok) return { ok: false, checked: walk.checked, firstBadSeq: walk.firstBadSeq, problem: walk.problem };
  const { checked, last } = walk;
  const bad = (firstBadSeq: number | null, problem: NonNullable<AuditVerifyResult['problem']>): AuditVerifyResult => ({
    ok: false,
    checked,
    firstBadSeq,
    problem,
  });

  if (anchor.kind === 'tampered') return bad(null, 'anchorTampered');
  if (anchor.kind === 'missing') return bad(null, 'anchorMissing');
  if (anchor.kind === 'ok' && anchoredSeq > 0) {
    // Shorter than the signed head (an emptied log included): the newest entries were cut off.
    if (last.seq < anchoredSeq) return bad(last.seq + 1, 'truncated');
    // The entry the office signed is no longer the one in the file: the chain was rebuilt.
    if (hashAtAnchor !== anchor.head.hash) return bad(anchoredSeq, 'edited');
  }
  const head = getSetting<Head>(ctx.db, HEAD_KEY);
  if (head && (head.seq !== last.seq || head.hash !== last.hash)) return bad(last.seq + 1, 'truncated');
  if (!head && checked > 0) return bad(1, 'truncated');
  // Setup writes the first entry, so a set-up office never has an empty log.
  if (checked === 0 && officeSettings(ctx)) return bad(1, 'truncated');
  anchorAuditHead(ctx);
  return { ok: true, checked, firstBadSeq: null, problem: null };
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entity_id,
    before: parse(r.before),
    after: parse(r.after),
  };
}

export function auditHandlers(ctx: AppContext): HandlersOf<'audit.list' | 'audit.verify' | 'audit.export'> {
  return {
    'audit.list': (input) => auditPage(ctx, input),
    'audit.export': (input, call) => auditExport(ctx, actorOf(call), input),
    'audit.verify': () => verifyAudit(ctx),
  };
}
