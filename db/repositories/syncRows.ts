import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';

/**
 * Whole-row access for bundles, by table name. Table names come only from the bundle table list
 * (electron/services/bundles/tables.ts), never from a file; column names are checked against the
 * table's own columns before they reach SQL.
 */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface Column {
  readonly name: string;
  readonly notNull: boolean;
  readonly hasDefault: boolean;
  /** The declared SQL type (STRICT tables: TEXT, INTEGER, REAL, BLOB or ANY). */
  readonly type: string;
}

const statementCache = new WeakMap<Db, Map<string, Statement>>();
function stmt(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.raw.prepare(sql)));
  return s;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

const columnCache = new WeakMap<Db, Map<string, readonly Column[]>>();
export function tableColumns(db: Db, table: string): readonly Column[] {
  let cache = columnCache.get(db);
  if (!cache) columnCache.set(db, (cache = new Map()));
  let cols = cache.get(table);
  if (!cols) {
    const info = db.raw.pragma(`table_info(${q(table)})`) as { name: string; notnull: number; dflt_value: unknown; type: string }[];
    cols = info.map((c) => ({ name: c.name, notNull: c.notnull === 1, hasDefault: c.dflt_value !== null, type: c.type.toUpperCase() }));
    cache.set(table, cols);
  }
  return cols;
}

/** Columns of `table` that reference another table: (column, referenced table). */
export function foreignKeys(db: Db, table: string): readonly { readonly column: string; readonly table: string; readonly to: string | null }[] {
  const list = db.raw.pragma(`foreign_key_list(${q(table)})`) as { from: string; table: string; to: string | null }[];
  return list.map((f) => ({ column: f.from, table: f.table, to: f.to }));
}

const CHUNK = 500;
function* chunks<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** Rows whose `column` is one of `values`. */
export function rowsWhereIn(db: Db, table: string, column: string, values: readonly SqlValue[]): Row[] {
  const out: Row[] = [];
  for (const part of chunks(values)) {
    const sql = `SELECT * FROM ${q(table)} WHERE ${q(column)} IN (${part.map(() => '?').join(',')})`;
    out.push(...(stmt(db, sql).all(...part) as Row[]));
  }
  return out;
}

/** Every row of a child table whose parent row (in `root`, by `key`) is from `origin`. */
export const childRowsOfOrigin = (db: Db, child: string, fk: string, root: string, key: string, origin: string) =>
  stmt(db, `SELECT c.* FROM ${q(child)} c JOIN ${q(root)} r ON r.${q(key)} = c.${q(fk)} WHERE r.origin = ?`).all(origin) as Row[];

/**
 * Every row of `table` from `origin` (or, with `parent`, whose parent row is from `origin`) as a
 * bundle line `{"op","row"}` made by SQLite itself: a whole office's data without building a
 * JavaScript object per row. Only `columns` go into the row; archived rows of a root table get
 * `op: "archive"`.
 */
export function jsonLinesOfOrigin(
  db: Db,
  table: string,
  columns: readonly string[],
  origin: string,
  parent: { readonly root: string; readonly key: string; readonly fk: string } | null,
): string[] {
  const row = `json_object(${columns.map((c) => `'${c.replace(/'/g, "''")}', t.${q(c)}`).join(', ')})`;
  const op = !parent && columns.includes('deleted_at') ? `CASE WHEN t.deleted_at IS NULL THEN 'upsert' ELSE 'archive' END` : `'upsert'`;
  const from = parent
    ? `${q(table)} t JOIN ${q(parent.root)} r ON r.${q(parent.key)} = t.${q(parent.fk)} WHERE r.origin = ?`
    : `${q(table)} t WHERE t.origin = ?`;
  return stmt(db, `SELECT json_object('op', ${op}, 'row', ${row}) FROM ${from}`).pluck().all(origin) as string[];
}

/** Every row of `table` from `origin` (an office's own records). */
export const rowsOfOrigin = (db: Db, table: string, origin: string) => stmt(db, `SELECT * FROM ${q(table)} WHERE origin = ?`).all(origin) as Row[];

/**
 * A writer for many rows of one table that all have exactly `columns` (the caller guarantees it):
 * inserts each row, or with `upsertKey` overwrites those columns of the row with the same key. The
 * row object is bound as it is, by named parameters (@column): no array per row. Column names are
 * the table's own, checked before a row gets here.
 */
export function rowWriter(db: Db, table: string, columns: readonly string[], upsertKey: string | null): (row: Row) => void {
  if (!columns.length) return () => undefined;
  const updates = columns.filter((c) => c !== upsertKey).map((c) => `${q(c)} = excluded.${q(c)}`);
  const conflict = upsertKey ? ` ON CONFLICT (${q(upsertKey)}) DO ${updates.length ? `UPDATE SET ${updates.join(',')}` : 'NOTHING'}` : '';
  const statement = stmt(db, `INSERT INTO ${q(table)} (${columns.map(q).join(',')}) VALUES (${columns.map((c) => `@${c}`).join(',')})${conflict}`);
  return (row) => void statement.run(row);
}

export const deleteWhere = (db: Db, table: string, column: string, value: SqlValue) => stmt(db, `DELETE FROM ${q(table)} WHERE ${q(column)} = ?`).run(value);

/** The entities written after change `from` up to `to`, each once. */
export const changedEntities = (db: Db, from: number, to: number) =>
  stmt(db, 'SELECT DISTINCT entity, entity_id FROM change_log WHERE seq > ? AND seq <= ?').all(from, to) as { entity: string; entity_id: string }[];

export const lastChangeSeq = (db: Db) => (stmt(db, 'SELECT coalesce(max(seq), 0) AS m FROM change_log').get() as { m: number }).m;

/** Entity ids this office itself changed after change `from` (at a Bapas induk: edits to its posts' records). */
export const entitiesChangedSince = (db: Db, from: number, origin: string) =>
  new Set(
    (stmt(db, 'SELECT DISTINCT entity_id FROM change_log WHERE seq > ? AND origin = ?').all(from, origin) as { entity_id: string }[]).map((r) => r.entity_id),
  );

/** Defers foreign-key checks to the commit of the current transaction: a bundle's rows come in table order, not dependency order. */
export const deferForeignKeys = (db: Db) => db.raw.pragma('defer_foreign_keys = ON');

/**
 * Runs `fn` with a 128 MB page cache: a whole office's bundle writes hundreds of thousands of rows
 * into several indexes, and the default 2 MB cache would spill to disk again and again.
 */
export function withLargeCache<T>(db: Db, fn: () => T): T {
  const before = db.raw.pragma('cache_size', { simple: true }) as number;
  db.raw.pragma('cache_size = -131072');
  try {
    return fn();
  } finally {
    db.raw.pragma(`cache_size = ${Number(before)}`);
  }
}
