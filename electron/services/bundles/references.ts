import type { Db } from '../../../db/connection';
import { foreignKeys, rowsWhereIn, type Row, type SqlValue } from '../../../db/repositories/syncRows';
import { refuse } from './format';
import { aggregateByRoot } from './tables';

/**
 * The records a bundle row points to: every declared foreign key, and the references the schema
 * cannot declare (the officers of an activity, a JSON list of user ids; the agreement or referral
 * a printed document is a version of, by its kind; a printed report is of no record). A post's bundle may point only at that post's
 * own records: anything else would let it attach its rows to another office's (a referral of the
 * parent's client, a verification code for the parent's agreement).
 */
export interface Reference {
  readonly column: string;
  /** The table the row points into (a bundle root), or null when this row points nowhere through the column. */
  readonly target: (row: Row) => string | null;
  /** The ids named by the column's value. */
  readonly ids: (value: SqlValue) => readonly SqlValue[];
}

const one = (v: SqlValue) => (v === null ? [] : [v]);
const jsonList = (v: SqlValue): readonly SqlValue[] => {
  if (typeof v !== 'string') return [];
  try {
    const list = JSON.parse(v) as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** References not declared as foreign keys, by table. */
const UNDECLARED: Readonly<Record<string, readonly Reference[]>> = {
  activities: [{ column: 'officers', target: () => 'users', ids: jsonList }],
  printed_documents: [{ column: 'entity_id', target: (r) => (r.kind === 'pks' ? 'agreements' : r.kind === 'rujukan' ? 'referrals' : null), ids: one }],
};

const cache = new WeakMap<Db, Map<string, readonly Reference[]>>();

export function referencesOf(db: Db, table: string): readonly Reference[] {
  let byTable = cache.get(db);
  if (!byTable) cache.set(db, (byTable = new Map()));
  let refs = byTable.get(table);
  if (!refs) {
    const declared = foreignKeys(db, table).map((fk): Reference => ({ column: fk.column, target: () => fk.table, ids: one }));
    refs = [...declared, ...(UNDECLARED[table] ?? [])];
    byTable.set(table, refs);
  }
  return refs;
}

type Where = { readonly table: string; readonly line: number; readonly field: string };

/** Keeps an id to look up at the parent, with the first row that names it. */
function note(elsewhere: Map<string, Map<SqlValue, Where>>, target: string, id: SqlValue, table: string, line: number, field: string): void {
  let wanted = elsewhere.get(target);
  if (!wanted) elsewhere.set(target, (wanted = new Map()));
  if (!wanted.has(id)) wanted.set(id, { table, line, field });
}

/**
 * Refuses the bundle when a row points at a record that is neither in the bundle nor one of the
 * sender's records at the parent (`bundles.foreignReference`, naming the first such row). Rows of
 * the bundle are the sender's already (readData checked their origin).
 */
export function checkReferences(db: Db, officeCode: string, tables: ReadonlyMap<string, readonly { readonly row: Row }[]>): void {
  const inBundle = new Map<string, Set<SqlValue>>();
  for (const [table, lines] of tables) {
    const key = aggregateByRoot.get(table)?.key;
    if (key) inBundle.set(table, new Set(lines.map((l) => l.row[key] ?? null)));
  }
  /** Ids looked up at the parent, per target table, with the first row that names each. */
  const elsewhere = new Map<string, Map<SqlValue, Where>>();
  for (const [table, lines] of tables) {
    const refs = referencesOf(db, table);
    // Hundreds of thousands of rows: nothing is allocated for a reference found in the bundle.
    for (let i = 0; i < lines.length; i++) {
      const row = lines[i]!.row;
      for (const ref of refs) {
        if (!(ref.column in row)) continue;
        const value = row[ref.column] ?? null;
        if (value === null) continue;
        const target = ref.target(row);
        // A printed report names a period, not a record (its kind is checked by the row rules).
        if (target === null) continue;
        // A reference into a table that is not the sender's to send (none today) can never be the sender's own.
        if (!aggregateByRoot.has(target)) throw refuse('bundles.foreignReference', { table, line: i + 1, field: ref.column });
        const here = inBundle.get(target);
        if (ref.ids === one) {
          if (!here?.has(value)) note(elsewhere, target, value, table, i + 1, ref.column);
        } else for (const v of ref.ids(value)) if (!here?.has(v)) note(elsewhere, target, v, table, i + 1, ref.column);
      }
    }
  }
  for (const [target, wanted] of elsewhere) {
    const key = aggregateByRoot.get(target)!.key;
    const found = new Map(rowsWhereIn(db, target, key, [...wanted.keys()]).map((r) => [r[key], r.origin]));
    for (const [v, where] of wanted) if (found.get(v) !== officeCode) throw refuse('bundles.foreignReference', where);
  }
}
