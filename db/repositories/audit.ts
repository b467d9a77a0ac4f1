import type { Db } from '../connection';
import type { AuditLogTable } from '../schema';
import type { Selectable, Insertable } from 'kysely';

export type AuditRow = Selectable<AuditLogTable>;

export function lastAudit(db: Db): AuditRow | undefined {
  return db.first(db.q.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1));
}

export function insertAudit(db: Db, row: Insertable<AuditLogTable> & { seq: number }): void {
  db.run(db.q.insertInto('audit_log').values(row));
}

export function nextAuditSeq(db: Db): number {
  // AUTOINCREMENT keeps its high-water mark in sqlite_sequence, so a deleted tail is not reused.
  const row = db.raw.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as { seq: number } | undefined;
  return (row?.seq ?? 0) + 1;
}

/** Every entry in order; the chain check needs them all (an office has thousands, not millions). */
export function* iterateAudit(db: Db): IterableIterator<AuditRow> {
  const { sql } = db.q.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').compile();
  yield* db.raw.prepare(sql).iterate() as IterableIterator<AuditRow>;
}

export interface AuditFilter {
  userId: string | null;
  entity: string;
  entityId: string;
  /** Entries about any of these records (the audit log's record filter, found by name). */
  entityIds: readonly string[] | null;
  fromAt: string | null;
  toAt: string | null;
  beforeSeq: number | null;
  limit: number;
}

export function listAudit(db: Db, f: AuditFilter): AuditRow[] {
  let q = db.q.selectFrom('audit_log').selectAll();
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.entityIds) q = q.where('entity_id', 'in', f.entityIds.length ? [...f.entityIds] : ['']);
  if (f.fromAt) q = q.where('at', '>=', f.fromAt);
  if (f.toAt) q = q.where('at', '<', f.toAt);
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
  return db.all(q.orderBy('seq', 'desc').limit(f.limit));
}

export function auditFor(db: Db, entity: string, entityId: string): AuditRow[] {
  return db.all(db.q.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('seq', 'desc').limit(500));
}

/** The entries from `seq` on, in order (the few written since the audit head was last anchored). */
export function* iterateAuditFrom(db: Db, seq: number): IterableIterator<AuditRow> {
  const { sql, parameters } = db.q.selectFrom('audit_log').selectAll().where('seq', '>=', seq).orderBy('seq', 'asc').compile();
  yield* db.raw.prepare(sql).iterate(...(parameters as unknown[])) as IterableIterator<AuditRow>;
}
