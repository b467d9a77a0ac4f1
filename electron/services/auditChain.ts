import { createHash } from 'node:crypto';
import type { AuditRow } from '../../db/repositories/audit';

/**
 * The audit log's hash chain: each entry's hash covers its content and the previous entry's hash,
 * so editing an entry breaks its hash and deleting one breaks the link or the sequence.
 */
export const GENESIS = '0'.repeat(64);

export interface ChainLink {
  readonly seq: number;
  readonly hash: string;
}

export type AuditContent = Pick<AuditRow, 'seq' | 'at' | 'user_id' | 'user_name' | 'action' | 'entity' | 'entity_id' | 'before' | 'after' | 'prev_hash'>;

export function entryHash(e: AuditContent): string {
  const canonical = JSON.stringify([e.seq, e.at, e.user_id, e.user_name, e.action, e.entity, e.entity_id, e.before, e.after, e.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainWalk =
  | { readonly ok: true; readonly last: ChainLink; readonly checked: number }
  | { readonly ok: false; readonly checked: number; readonly firstBadSeq: number; readonly problem: 'missing' | 'edited' };

/**
 * Walks entries in seq order after a known link (`{seq: 0, hash: GENESIS}` for the whole log):
 * each must follow the one before (next seq, its hash as prev_hash) and hash to its own hash.
 */
export function walkChain(rows: Iterable<AuditRow>, after: ChainLink): ChainWalk {
  let prev = after;
  let checked = 0;
  for (const row of rows) {
    if (row.prev_hash !== prev.hash || (prev.seq !== 0 && row.seq !== prev.seq + 1)) {
      return { ok: false, checked, firstBadSeq: row.seq, problem: 'missing' };
    }
    if (entryHash(row) !== row.hash) return { ok: false, checked, firstBadSeq: row.seq, problem: 'edited' };
    prev = { seq: row.seq, hash: row.hash };
    checked++;
  }
  return { ok: true, last: prev, checked };
}
