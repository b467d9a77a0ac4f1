import type { Db } from '../connection';

/** Key/value settings stored as JSON. Keys are few and known to the services. */
export function getSetting<T>(db: Db, key: string): T | null {
  const memoKey = `setting:${key}`;
  if (db.memo.has(memoKey)) return db.memo.get(memoKey) as T | null;
  const row = db.first(db.q.selectFrom('settings').select('value').where('key', '=', key));
  const value = row ? (JSON.parse(row.value) as T) : null;
  db.memo.set(memoKey, value);
  return value;
}

export function putSetting(db: Db, key: string, value: unknown, now: string): void {
  db.run(
    db.q
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now })),
  );
  // Forget rather than store: if the transaction rolls back, the next read goes to the file.
  db.memo.delete(`setting:${key}`);
}
