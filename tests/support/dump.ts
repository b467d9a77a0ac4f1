import type { Db } from '../../db/connection';

/** Every row of every table, in a stable order: two dumps are equal iff the data is. */
export function dumpDb(db: Db): string {
  const tables = db.raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string }[];
  return JSON.stringify(
    tables.map(({ name, sql }) => {
      // WITHOUT ROWID tables are ordered by their primary key, which is also unique.
      const order = /WITHOUT ROWID/i.test(sql) ? '1, 2' : 'rowid';
      return [name, db.raw.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()];
    }),
  );
}
