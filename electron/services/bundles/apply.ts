import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../db/connection';
import {
  deferForeignKeys,
  deleteWhere,
  entitiesChangedSince,
  rowsWhereIn,
  rowWriter,
  tableColumns,
  type Row,
  type SqlValue,
} from '../../../db/repositories/syncRows';
import type { BundleTableChanges } from '../../../shared/types';
import { sha256, storeFile } from '../files';
import { refuse, type ManifestData } from './format';
import { checkReferences } from './references';
import { ReplacedRecords } from './replaced';
import { badAcross, columnRule } from './rowChecks';
import { keysInText, strictUtf8 } from './strictJson';
import { AGGREGATES, aggregateByRoot, BUNDLE_TABLES, CHILD_FILES, dataEntry, fileEntry, type Aggregate } from './tables';

interface Line {
  readonly op: 'upsert' | 'archive';
  readonly row: Row;
}

/** A bundle's data files, read and checked: the lines of each table. */
export type BundleData = ReadonlyMap<string, readonly Line[]>;

export interface Analysis {
  readonly tables: readonly BundleTableChanges[];
  /** Per table, records the parent itself changed since this post's last bundle. */
  readonly changedAtParent: Readonly<Record<string, number>>;
  /** In a dry run: the records the parent holds that the bundle replaces with other values. */
  readonly replaced: ReplacedRecords;
}

const isValue = (v: unknown): v is SqlValue => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** A value as its column's SQL type holds it: SQLite (even STRICT) would quietly turn the integer 5 into the text '5'. */
const fitsType = (type: string, v: SqlValue) =>
  v === null || (type === 'TEXT' ? typeof v === 'string' : type === 'INTEGER' ? Number.isSafeInteger(v) : type === 'REAL' ? typeof v === 'number' : true);

/**
 * Reads the data files of an opened bundle: only known tables, line counts as the manifest says,
 * each line `{op, row}` as this app writes it (UTF-8, no key twice), with known columns, values of
 * their column's type that keep the table's rules (rowRules.ts), every record from the sending
 * office and pointing only at the sender's records (references.ts). Attachments must be what their
 * name says. Nothing is written: a refusal names the table, the line and the column.
 */
export function readData(db: Db, manifest: ManifestData, entries: ReadonlyMap<string, Buffer>): BundleData {
  const tables = new Map<string, Line[]>();
  for (const [name, bytes] of entries) {
    if (name.startsWith('files/')) {
      if (!/^files\/[0-9a-f]{64}$/.test(name)) throw refuse('bundles.unexpectedEntry', { name });
      if (name !== fileEntry(sha256(bytes))) throw refuse('bundles.entryMismatch', { name });
      continue;
    }
    const table = /^data\/([a-z_]+)\.jsonl$/.exec(name)?.[1];
    if (!table || !BUNDLE_TABLES.includes(table)) throw refuse('bundles.unexpectedEntry', { name });
  }
  for (const [table, count] of Object.entries(manifest.counts)) {
    if (!BUNDLE_TABLES.includes(table)) throw refuse('bundles.countsMismatch', { table });
    if (count > 0 && !entries.has(dataEntry(table))) throw refuse('bundles.countsMismatch', { table });
  }
  for (const table of BUNDLE_TABLES) {
    const bytes = entries.get(dataEntry(table));
    if (!bytes) continue;
    const columns = new Map(tableColumns(db, table).map((c) => [c.name, c]));
    const filled = aggregateByRoot.get(table)?.arriving?.filled ?? [];
    const required = [...columns.values()].filter((c) => c.notNull && !c.hasDefault && !filled.includes(c.name)).map((c) => c.name);
    const hasOrigin = columns.has('origin');
    const text = strictUtf8(bytes);
    if (text === null) throw refuse('bundles.badText', { table });
    const raw = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    if (text === '') raw.length = 0;
    if (raw.length !== (manifest.counts[table] ?? 0)) throw refuse('bundles.countsMismatch', { table });
    const lines: Line[] = [];
    // Every line of a table has the same columns in the same order (as this app writes them): the
    // first line is checked in full, and gives each position its check (the SQL type, then the rule).
    let shape: string[] | null = null;
    let checks: ((v: unknown) => boolean)[] = [];
    for (const [at, l] of raw.entries()) {
      const line = at + 1;
      let parsed: unknown;
      try {
        parsed = JSON.parse(l);
      } catch {
        throw refuse('bundles.badRow', { table, line });
      }
      const p = parsed as { op?: unknown; row?: unknown };
      if (
        !p ||
        typeof p !== 'object' ||
        Object.keys(p).length !== 2 ||
        (p.op !== 'upsert' && p.op !== 'archive') ||
        !p.row ||
        typeof p.row !== 'object' ||
        Array.isArray(p.row)
      )
        throw refuse('bundles.badRow', { table, line });
      const row = p.row as Record<string, unknown>;
      if (!shape) {
        for (const k in row) if (!columns.has(k)) throw refuse('bundles.badRow', { table, line });
        if (required.some((c) => !(c in row))) throw refuse('bundles.badRow', { table, line });
        shape = Object.keys(row);
        checks = shape.map((k) => {
          const type = columns.get(k)!.type;
          const rule = columnRule(table, k);
          return (v: unknown) => isValue(v) && fitsType(type, v) && rule !== null && rule(v);
        });
      }
      let i = 0;
      for (const k in row) {
        if (k !== shape[i]) throw refuse('bundles.badRow', { table, line });
        if (!checks[i]!(row[k])) throw refuse('bundles.badValue', { table, line, field: k });
        i++;
      }
      if (i !== shape.length) throw refuse('bundles.badRow', { table, line });
      // Every value is plain (no object inside), so the line names `op`, `row` and the row's keys
      // once each: any other count of keys in its text is a key named twice.
      if (keysInText(l) !== i + 2) throw refuse('bundles.duplicateKey', { table, line });
      // A bundle carries the sending office's own records only; it can never overwrite another office's.
      if (hasOrigin && row.origin !== manifest.officeCode) throw refuse('bundles.foreignRecord', { table });
      const bad = badAcross(table, row as Row);
      if (bad !== null) throw refuse('bundles.badValue', { table, line, field: bad });
      lines.push({ op: p.op, row: row as Row });
    }
    tables.set(table, lines);
  }
  checkReferences(db, manifest.officeCode, tables);
  return tables;
}

const incoming = (a: Aggregate, row: Row, officeCode: string): Row => a.arriving?.row(row, officeCode) ?? row;

const same = (incomingRow: Row, existing: Row) => Object.keys(incomingRow).every((k) => incomingRow[k] === existing[k]);
const childKey = (r: Row) => (typeof r.id === 'string' ? r.id : JSON.stringify(r));
const canonical = (rows: readonly Row[]) =>
  rows
    .map((r) =>
      JSON.stringify(
        Object.keys(r)
          .sort()
          .map((k) => [k, r[k]]),
      ),
    )
    .sort()
    .join('\n');

/**
 * Classifies and (unless `dryRun`) writes a bundle's records. Runs inside the caller's transaction
 * with foreign keys checked at its commit. Records are new, changed, archived or unchanged; a
 * record the parent changed since the post's last bundle is counted as such (the post's version,
 * the one of its owner, is applied). A dry run also names every record it would replace with other
 * values and the fields that change (replaced.ts), for the check before "Terima".
 */
export function applyData(db: Db, manifest: ManifestData, data: BundleData, opts: { dryRun: boolean; ownCode: string; lastLocalSeq: number }): Analysis {
  if (!opts.dryRun) deferForeignKeys(db);
  const editedHere = entitiesChangedSince(db, opts.lastLocalSeq, opts.ownCode);
  const tables: BundleTableChanges[] = [];
  const changedAtParent: Record<string, number> = {};
  const replaced = new ReplacedRecords();
  const code = manifest.officeCode;
  for (const a of AGGREGATES) {
    const lines = data.get(a.root) ?? [];
    const counts = { table: a.root, added: 0, changed: 0, archived: 0, unchanged: 0 };
    const rootIds = new Set<SqlValue>();
    // The incoming rows by id, for naming a record whose own rows (children) are replaced.
    const incomingRows = new Map<SqlValue, Row>();
    const older = new Set<SqlValue>();
    // One shape per table (readData): the statements are made from the first row as it will be written.
    const shape = lines.length ? Object.keys(incoming(a, lines[0]!.row, code)) : [];
    const insert = rowWriter(db, a.root, shape, null);
    const upsert = rowWriter(db, a.root, shape, a.key);
    // What is here already, read in chunks rather than a query per record.
    const here = new Map(
      rowsWhereIn(
        db,
        a.root,
        a.key,
        lines.map((l) => l.row[a.key] ?? null),
      ).map((r) => [r[a.key], r]),
    );
    for (const line of lines) {
      const row = incoming(a, line.row, code);
      const id = row[a.key];
      if (typeof id !== 'string' || rootIds.has(id)) throw refuse('bundles.badRow', { table: a.root });
      rootIds.add(id);
      const existing = here.get(id);
      if (existing && existing.origin !== code) {
        if (a.keepOthers) {
          counts.unchanged++;
          continue;
        }
        throw refuse('bundles.foreignRecord', { table: a.root });
      }
      // Unchanged, or older than what is here (a late bundle arriving after a newer one): kept as it is, children too.
      if (existing && String(row.updated_at ?? '') < String(existing.updated_at ?? '')) {
        counts.unchanged++;
        older.add(id);
        continue;
      }
      if (existing && same(row, existing)) {
        counts.unchanged++;
        continue;
      }
      if (row.deleted_at && !existing?.deleted_at) counts.archived++;
      else if (existing) counts.changed++;
      else counts.added++;
      if (existing && editedHere.has(id)) changedAtParent[a.root] = (changedAtParent[a.root] ?? 0) + 1;
      if (opts.dryRun) {
        if (existing) replaced.root(a, existing, row, editedHere.has(id));
        incomingRows.set(id, row);
        continue;
      }
      if (existing) upsert(row);
      else insert(row);
    }
    tables.push(counts);
    for (const c of a.children) {
      const kids = (data.get(c.table) ?? []).map((l) => l.row);
      const byParent = new Map<SqlValue, Row[]>();
      for (const k of kids) {
        if (!rootIds.has(k[c.fk] ?? null)) throw refuse('bundles.badRow', { table: c.table });
        const list = byParent.get(k[c.fk]!);
        if (list) list.push(k);
        else byParent.set(k[c.fk]!, [k]);
      }
      const existingAll = rowsWhereIn(db, c.table, c.fk, [...rootIds]);
      const existingByParent = new Map<SqlValue, Row[]>();
      for (const e of existingAll) {
        const list = existingByParent.get(e[c.fk]!);
        if (list) list.push(e);
        else existingByParent.set(e[c.fk]!, [e]);
      }
      const childCounts = { table: c.table, added: 0, changed: 0, archived: 0, unchanged: 0 };
      const insertChild = rowWriter(db, c.table, kids.length ? Object.keys(kids[0]!) : [], null);
      for (const id of rootIds) {
        if (older.has(id)) continue;
        const want = byParent.get(id) ?? [];
        const have = existingByParent.get(id) ?? [];
        if (have.length === 0) childCounts.added += want.length;
        else {
          const haveByKey = new Map(have.map((h) => [childKey(h), h]));
          for (const w of want) {
            const h = haveByKey.get(childKey(w));
            if (!h) childCounts.added++;
            else if (same(w, h)) childCounts.unchanged++;
            else childCounts.changed++;
          }
        }
        // Children travel whole with their record: replaced only when they differ, so an unchanged set stays as it is.
        if (want.length === 0 && have.length === 0) continue;
        if (have.length === 0) {
          if (!opts.dryRun) for (const w of want) insertChild(w);
        } else if (want.length !== have.length || canonical(want) !== canonical(have.map((h) => pick(h, want[0] ?? h)))) {
          if (opts.dryRun) {
            const row = incomingRows.get(id) ?? here.get(id);
            if (row) replaced.children(a, row, c.table);
            continue;
          }
          deleteWhere(db, c.table, c.fk, id);
          for (const w of want) insertChild(w);
        }
      }
      tables.push(childCounts);
    }
  }
  return { tables: tables.filter((t) => t.added + t.changed + t.archived + t.unchanged > 0), changedAtParent, replaced };
}

/** `row` limited to the columns `like` has (an older bundle's rows may carry fewer). */
const pick = (row: Row, like: Row): Row => Object.fromEntries(Object.keys(like).map((k) => [k, row[k] ?? null]));

/**
 * Stores the attachments a bundle's rows name and the bundle carries (`files/<sha256>`, checked
 * against their names by readData); puts the path of each file it added into `added` as soon as it
 * is written (a full disk halfway still leaves the list whole), for the caller to remove when its
 * transaction fails. Entries no row names are not kept.
 */
export function storeAttachments(filesDir: string, entries: ReadonlyMap<string, Buffer>, data: BundleData, added: string[]): void {
  const named = new Set<string>();
  for (const [table, lines] of data) {
    const columns = [...(aggregateByRoot.get(table)?.files ?? []), ...(CHILD_FILES[table] ?? [])];
    for (const l of lines) for (const c of columns) if (typeof l.row[c] === 'string') named.add(l.row[c]);
  }
  for (const hash of named) {
    const bytes = entries.get(fileEntry(hash));
    const target = join(filesDir, hash);
    if (!bytes || existsSync(target)) continue;
    added.push(target);
    storeFile(filesDir, bytes);
  }
}
