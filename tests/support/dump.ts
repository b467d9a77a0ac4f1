import type { Db } from '../../db/connection';

/** Every row of every table, in a stable order: two dumps are equal iff the data is. */
export function dumpDb(db: Db): string {
  const tables = db.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.raw.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
