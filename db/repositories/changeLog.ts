import type { Db } from '../connection';

/** Appends to the outbox that bundles read from; always inside the writing transaction. */
export function appendChange(db: Db, c: { entity: string; entityId: string; op: 'upsert' | 'delete'; at: string; origin: string }): void {
  db.run(db.q.insertInto('change_log').values({ entity: c.entity, entity_id: c.entityId, op: c.op, at: c.at, origin: c.origin }));
}
