import type { Row, SqlValue } from '../../../db/repositories/syncRows';
import { ENTITY_FIELDS, fieldSpec } from '../../../shared/recordFields';
import type { BundleReplacedRecord } from '../../../shared/types';
import type { Aggregate } from './tables';

/** How many replaced records one inspection lists; the rest are counted. */
export const REPLACED_SHOWN = 100;

/** Columns that only serve lookups and checks: never a change an officer made. */
const BOOKKEEPING = /^(search_text|name_key|.*sha256|password_hash|failed_logins)$/;

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The audit snapshot's name for a column: the column itself, or its camelCase spelling where the entity's snapshots use that (partners, users). */
function fieldOf(entity: string, column: string): string {
  const fields = ENTITY_FIELDS[entity];
  if (!fields || fields[column]) return column;
  return fields[camel(column)] ? camel(column) : column;
}

/**
 * Collects, while a bundle is classified, the records the parent holds that it would replace with
 * other values: every such record, with the fields that change, whether or not the parent edited it.
 * An officer sees before "Terima" what the post's version overwrites, in words, not ids.
 */
export class ReplacedRecords {
  // The parent's own edits are kept apart so that a long bundle never pushes them out of the list.
  private readonly edited: BundleReplacedRecord[] = [];
  private readonly others: BundleReplacedRecord[] = [];
  private readonly byKey = new Map<string, BundleReplacedRecord & { children: string[] }>();
  total = 0;

  /** A root row the bundle changes: `existing` is what the parent holds, `row` what it would hold. */
  root(a: Aggregate, existing: Row, row: Row, editedHere: boolean): void {
    const fields = Object.keys(row)
      .filter((c) => row[c] !== existing[c] && !BOOKKEEPING.test(c))
      .map((c) => ({ field: fieldOf(a.entity, c), before: existing[c] ?? null, after: row[c] ?? null }))
      .filter((f) => fieldSpec(a.entity, f.field).kind.kind !== 'hidden');
    this.add(a, row, { editedHere, fields });
  }

  /** The rows of `table` belonging to root row `row` are replaced by others. */
  children(a: Aggregate, row: Row, table: string): void {
    const known = this.byKey.get(`${a.root}:${String(row[a.key])}`);
    if (known) {
      if (!known.children.includes(table)) known.children.push(table);
      return;
    }
    this.add(a, row, { editedHere: false, fields: [], children: [table] });
  }

  private add(a: Aggregate, row: Row, r: { editedHere: boolean; fields: BundleReplacedRecord['fields']; children?: string[] }): void {
    this.total++;
    const list = r.editedHere ? this.edited : this.others;
    if (list.length >= REPLACED_SHOWN) return;
    const entry = { table: a.root, entity: a.entity, name: a.describe(row), editedHere: r.editedHere, fields: r.fields, children: r.children ?? [] };
    list.push(entry);
    this.byKey.set(`${a.root}:${String(row[a.key] as SqlValue)}`, entry);
  }

  /** The records to list (at most REPLACED_SHOWN), those the parent edited itself first. */
  records(): readonly BundleReplacedRecord[] {
    return [...this.edited, ...this.others].slice(0, REPLACED_SHOWN);
  }
}
