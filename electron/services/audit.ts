import { createHash } from 'node:crypto';
import type { AuditAction } from '../../shared/domain';
import type { AuditEntry, AuditVerifyResult } from '../../shared/types';
import { isoDate } from '../../shared/schemas/common';
import { appendChange } from '../../db/repositories/changeLog';
import { insertAudit, iterateAudit, lastAudit, listAudit, nextAuditSeq, type AuditRow } from '../../db/repositories/audit';
import { getSetting, putSetting } from '../../db/repositories/settings';
import type { Db } from '../../db/connection';
import type { AppContext, HandlersOf } from './context';
import { officeCode } from './settings';

/**
 * The audit log is a hash chain: each entry's hash covers its content and the previous hash, and
 * the newest (seq, hash) is also kept in settings as the chain head. Editing an entry breaks its
 * hash, deleting one breaks the link or the sequence, and cutting off the newest entries no longer
 * reaches the head. (Someone who rewrites the whole file can rebuild a chain; that is what the
 * exported, signed bundles guard against upstream.)
 */
const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

interface Head {
  seq: number;
  hash: string;
}

type Content = Pick<AuditRow, 'seq' | 'at' | 'user_id' | 'user_name' | 'action' | 'entity' | 'entity_id' | 'before' | 'after' | 'prev_hash'>;

export function entryHash(e: Content): string {
  const canonical = JSON.stringify([e.seq, e.at, e.user_id, e.user_name, e.action, e.entity, e.entity_id, e.before, e.after, e.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
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
  const content: Content = {
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

export function verifyAudit(db: Db): AuditVerifyResult {
  let prevHash = GENESIS;
  let prevSeq = 0;
  let checked = 0;
  for (const row of iterateAudit(db)) {
    if (row.prev_hash !== prevHash || (prevSeq !== 0 && row.seq !== prevSeq + 1)) {
      return { ok: false, checked, firstBadSeq: row.seq, problem: 'missing' };
    }
    if (entryHash(row) !== row.hash) return { ok: false, checked, firstBadSeq: row.seq, problem: 'edited' };
    prevHash = row.hash;
    prevSeq = row.seq;
    checked++;
  }
  const head = getSetting<Head>(db, HEAD_KEY);
  if (head && (head.seq !== prevSeq || head.hash !== prevHash)) {
    return { ok: false, checked, firstBadSeq: prevSeq + 1, problem: 'truncated' };
  }
  if (!head && checked > 0) return { ok: false, checked, firstBadSeq: 1, problem: 'truncated' };
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

/** Start of the office's calendar day `date` as a UTC instant, for filtering UTC timestamps. */
function dayStartUtc(date: string, offsetHours: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) - offsetHours * 3600_000;
  return new Date(t).toISOString();
}
const ZONE_OFFSET = { WIB: 7, WITA: 8, WIT: 9 } as const;

export function auditHandlers(ctx: AppContext): HandlersOf<'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (input) => {
      const zone = ZONE_OFFSET[getSetting<{ timeZone: keyof typeof ZONE_OFFSET }>(ctx.db, 'office')?.timeZone ?? 'WIB'];
      const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
      const rows = listAudit(ctx.db, {
        userId: input.userId,
        entity: input.entity,
        entityId: input.entityId,
        fromAt: input.from && isoDate.safeParse(input.from).success ? dayStartUtc(input.from, zone) : null,
        toAt: input.to ? dayStartUtc(nextDay(input.to), zone) : null,
        beforeSeq: input.beforeSeq,
        limit: input.limit + 1,
      });
      return { entries: rows.slice(0, input.limit).map(toAuditEntry), hasMore: rows.length > input.limit };
    },
    'audit.verify': () => verifyAudit(ctx.db),
  };
}
