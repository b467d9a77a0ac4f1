import type { Db } from '../connection';

/** Key/value settings stored as JSON. Keys are few and known to the services. */
export function getSetting<T>(db: Db, key: string): T | null {
  const row = db.first(db.q.selectFrom('settings').select('value').where('key', '=', key));
  return row ? (JSON.parse(row.value) as T) : null;
}

export function putSetting(db: Db, key: string, value: unknown, now: string): void {
  db.run(
    db.q
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now })),
  );
}
