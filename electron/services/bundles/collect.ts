import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  changedEntities,
  childRowsOfOrigin,
  jsonLinesOfOrigin,
  rowsOfOrigin,
  rowsWhereIn,
  tableColumns,
  type Row,
  type SqlValue,
} from '../../../db/repositories/syncRows';
import type { Db } from '../../../db/connection';
import { referencesOf } from './references';
import { AGGREGATES, aggregateByEntity, aggregateByRoot, CHILD_FILES, dataEntry, type Aggregate } from './tables';

export interface Collected {
  /** Data entries (`data/<table>.jsonl`) in dependency order, with their line counts. */
  readonly data: ReadonlyMap<string, Buffer>;
  readonly counts: Readonly<Record<string, number>>;
  readonly records: number;
  /** Attachments present on disk, by SHA-256, with their sizes. */
  readonly files: ReadonlyMap<string, number>;
}

export interface CollectOptions {
  readonly origin: string;
  /** null: every record of the office (a full export); else the change_log range (from, to]. */
  readonly range: { readonly from: number; readonly to: number } | null;
  readonly includeNik: boolean;
  readonly filesDir: string;
}

/**
 * Gathers what a bundle carries: the records changed in the range (or all of them) and, so that a
 * bundle can be applied even when one before it is missing, every record they point to (the
 * officer, the client, the partner, the agreement...), transitively. Children travel with their root.
 */
export function collect(db: Db, o: CollectOptions): Collected {
  const roots = new Map<Aggregate, Map<SqlValue, Row>>(AGGREGATES.map((a) => [a, new Map()]));
  const children = new Map<string, Row[]>();
  if (!o.range) {
    // Everything the office made, each table read once (what it points to is the office's too, or
    // not sent). Tables whose rows leave as they are become lines in SQLite; those with attachments
    // or their own way of leaving (clients without their NIK) go through `outgoing` row by row.
    const ready = new Map<string, readonly string[]>();
    const columnsOf = (table: string, omit: readonly string[] = []) =>
      tableColumns(db, table)
        .map((c) => c.name)
        .filter((c) => !omit.includes(c));
    for (const a of AGGREGATES) {
      if (a.files || a.outgoing) for (const r of rowsOfOrigin(db, a.root, o.origin)) roots.get(a)!.set(r[a.key]!, r);
      else ready.set(a.root, jsonLinesOfOrigin(db, a.root, columnsOf(a.root, a.omit), o.origin, null));
      for (const c of a.children) {
        if (CHILD_FILES[c.table]) children.set(c.table, childRowsOfOrigin(db, c.table, c.fk, a.root, a.key, o.origin));
        else ready.set(c.table, jsonLinesOfOrigin(db, c.table, columnsOf(c.table), o.origin, { root: a.root, key: a.key, fk: c.fk }));
      }
    }
    return serialise(roots, children, o, ready);
  }
  const wanted = new Map<Aggregate, Set<SqlValue>>(AGGREGATES.map((a) => [a, new Set()]));
  for (const c of changedEntities(db, o.range.from, o.range.to)) {
    const a = aggregateByEntity.get(c.entity);
    if (a) wanted.get(a)!.add(c.entity_id);
  }
  let pending = wanted;
  while ([...pending.values()].some((s) => s.size)) {
    const next = new Map<Aggregate, Set<SqlValue>>(AGGREGATES.map((a) => [a, new Set()]));
    // Declared foreign keys and the references the schema cannot declare (references.ts): the parent accepts no row pointing outside the bundle and the post's records it has.
    const refer = (table: string, rows: readonly Row[]) => {
      for (const ref of referencesOf(db, table)) {
        for (const r of rows) {
          const target = aggregateByRoot.get(ref.target(r) ?? '');
          if (!target) continue;
          for (const v of ref.ids(r[ref.column] ?? null)) if (!roots.get(target)!.has(v)) next.get(target)!.add(v);
        }
      }
    };
    for (const [a, ids] of pending) {
      const fresh = [...ids].filter((id) => !roots.get(a)!.has(id));
      if (!fresh.length) continue;
      // Only the office's own records: a built-in service type or another office's row is never re-sent.
      const rows = rowsWhereIn(db, a.root, a.key, fresh).filter((r) => r.origin === o.origin);
      for (const r of rows) roots.get(a)!.set(r[a.key]!, r);
      refer(a.root, rows);
      const keys = rows.map((r) => r[a.key]!);
      for (const c of a.children) {
        const kids = rowsWhereIn(db, c.table, c.fk, keys);
        children.set(c.table, [...(children.get(c.table) ?? []), ...kids]);
        refer(c.table, kids);
      }
    }
    for (const [a, ids] of next) for (const id of ids) if (roots.get(a)!.has(id)) ids.delete(id);
    pending = next;
  }
  return serialise(roots, children, o, new Map());
}

/** The JSON Lines of each table, in dependency order (`ready`: tables already as lines), and the attachments the rows name. */
function serialise(
  roots: ReadonlyMap<Aggregate, ReadonlyMap<SqlValue, Row>>,
  children: ReadonlyMap<string, readonly Row[]>,
  o: CollectOptions,
  ready: ReadonlyMap<string, readonly string[]>,
): Collected {
  const data = new Map<string, Buffer>();
  const counts: Record<string, number> = {};
  const files = new Map<string, number>();
  let records = 0;
  const noteFiles = (row: Row, cols: readonly string[] | undefined) => {
    for (const c of cols ?? []) {
      const sha = row[c];
      if (typeof sha !== 'string' || files.has(sha)) continue;
      try {
        files.set(sha, statSync(join(o.filesDir, sha)).size);
      } catch {
        // A stored file that is gone cannot be sent; the record still is, and the parent sees it has no file.
      }
    }
  };
  const put = (table: string, lines: readonly string[]) => {
    if (!lines.length) return;
    data.set(dataEntry(table), Buffer.from(`${lines.join('\n')}\n`));
    counts[table] = lines.length;
    records += lines.length;
  };
  // Written as text directly: no wrapper object per line. The same shape as jsonLinesOfOrigin's.
  const line = (op: 'upsert' | 'archive', row: Row) => `{"op":"${op}","row":${JSON.stringify(row)}}`;
  for (const a of AGGREGATES) {
    put(
      a.root,
      ready.get(a.root) ??
        [...roots.get(a)!.values()].map((r) => {
          noteFiles(r, a.files);
          return line(r.deleted_at ? 'archive' : 'upsert', outgoing(a, r, o.includeNik));
        }),
    );
    for (const c of a.children) {
      put(
        c.table,
        ready.get(c.table) ??
          (children.get(c.table) ?? []).map((k) => {
            noteFiles(k, CHILD_FILES[c.table]);
            return line('upsert', k);
          }),
      );
    }
  }
  return { data, counts, records, files };
}

/** The row as it leaves the office: secrets dropped, and the table's own rule (tables.ts) applied. */
function outgoing(a: Aggregate, r: Row, includeNik: boolean): Row {
  const shaped = a.outgoing?.(r, { includeNik }) ?? r;
  if (!a.omit) return shaped;
  const out: Row = { ...shaped };
  for (const c of a.omit) delete out[c];
  return out;
}
