import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableColumns } from '../../db/repositories/syncRows';
import type { OpenedBundle } from '../../electron/services/bundles/format';
import { referencesOf } from '../../electron/services/bundles/references';
import { ROW_RULES } from '../../electron/services/bundles/rowRules';
import { BUNDLE_TABLES } from '../../electron/services/bundles/tables';
import { dumpDb } from '../support/dump';
import { pairedOffices, type Pair } from '../support/offices';
import { fullBundle, jsonl, linesOf, listing, openAt, postWithEverything, resign } from '../support/rebundle';

/**
 * A post's complete, valid bundle with one value replaced at random by one of the wrong shape,
 * range or type for its column (a number for text, text for a number, a date that is no date, a
 * value outside its list, text beyond any limit, JSON of another shape, an id of no record of the
 * post), signed again with the post's own key: the parent refuses it at "Periksa" and at "Terima",
 * naming the table, line and column, and its database and data folder stay as they were.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let p: Pair;
let opened: OpenedBundle;
/** Every (table, column) a mutation may hit, with what the column holds. */
let targets: { table: string; column: string; type: string; count: number; free: boolean; reference: boolean; holds: unknown }[];

beforeAll(async () => {
  p = await pairedOffices();
  await postWithEverything(p.post, p.postAdmin);
  opened = await openAt(p.parent, await fullBundle(p.post, p.postAdmin));
  targets = BUNDLE_TABLES.flatMap((table) => {
    const count = linesOf(opened.entries, table).length;
    const refs = new Set(referencesOf(p.parent.db, table).map((r) => r.column));
    return tableColumns(p.parent.db, table)
      .filter((c) => c.name !== 'origin' && c.name in linesOf(opened.entries, table)[0]!.row)
      .map((c) => ({
        table,
        column: c.name,
        type: c.type,
        count,
        // Free text takes any words; other text columns (dates, codes, lists, JSON) take none.
        free: ROW_RULES[table]!.columns[c.name]!.safeParse('Teks bebas').success,
        reference: refs.has(c.name),
        holds: linesOf(opened.entries, table)[0]!.row[c.name],
      }));
  });
}, 60_000);
afterAll(() => p.dispose());

const BAD_DATES = ['0000-00-00', '9999-99-99', '2025-02-30', '1899-12-31', '2201-01-01', '2025-1-5', 'kemarin!'];
const BAD_STAMPS = ['2025-13-01T00:00:00.000Z', '2025-03-05 03:00:00', '2025-03-05T03:00:00Z', '9999-99-99T99:99:99.999Z'];
const BAD_JSON = ['{"a":1}', '[1,2]', 'null', 'bukan json', '[{"heading":1}]', '"teks"', '[""]'];
/** Wrong values for a structured text column, by what it holds now (a date, a time stamp, JSON, or a code or id). */
const badFor = (holds: unknown): readonly string[] =>
  typeof holds !== 'string'
    ? ['bogus value!']
    : /^\d{4}-\d{2}-\d{2}$/.test(holds)
      ? BAD_DATES
      : /^\d{4}-\d{2}-\d{2}T/.test(holds)
        ? BAD_STAMPS
        : /^[[{]/.test(holds)
          ? BAD_JSON
          : ['bogus value!', 'Bogus'];
const uuid = fc.uuid({ version: 7 });

/** A wrong value for the column, and whether it is wrong by pointing elsewhere (a well-formed id of no record of the post). */
const wrongValue = (t: (typeof targets)[number]): fc.Arbitrary<{ value: unknown; foreign: boolean }> => {
  const plain = (a: fc.Arbitrary<unknown>) => a.map((value) => ({ value, foreign: false }));
  if (t.type === 'INTEGER') return plain(fc.constantFrom<unknown>('5', -1, Number.MAX_SAFE_INTEGER, 2.5, 1e300));
  if (t.type === 'REAL') return plain(fc.constantFrom<unknown>('5', -1, 13, 0.3, 1e300));
  const text = [plain(fc.integer()), plain(fc.constant('x'.repeat(2_000_001)))];
  if (!t.free) text.push(plain(fc.constantFrom(...badFor(t.holds))));
  if (t.reference) text.push(uuid.map((id) => ({ value: t.column === 'officers' ? JSON.stringify([id]) : id, foreign: true })));
  return fc.oneof(...text);
};

const mutation = fc.nat().chain((i) => {
  const t = targets[i % targets.length]!;
  return fc.record({ t: fc.constant(t), line: fc.nat({ max: t.count - 1 }), wrong: wrongValue(t) });
});

describe('bundle rows with one wrong value', () => {
  it('are refused at inspect and at apply, naming table, line and field, with nothing written', async () => {
    expect(targets.length).toBeGreaterThan(200);
    const filesBefore = listing(p.parent.ctx.filesDir);
    const before = dumpDb(p.parent.db);
    await fc.assert(
      fc.asyncProperty(mutation, async ({ t, line, wrong }) => {
        const lines = linesOf(opened.entries, t.table);
        lines[line]!.row[t.column] = wrong.value;
        const dir = mkdtempSync(join(tmpdir(), 'mitra-values-'));
        const file = join(dir, 'paket.mlpaket');
        writeFileSync(file, await resign(p.post, p.parent, opened, { [t.table]: jsonl(lines) }));
        try {
          const [seen] = await p.parent.call('bundles.inspect', { paths: [file] }, p.parentAdmin);
          const refusal = { key: wrong.foreign ? 'bundles.foreignReference' : 'bundles.badValue', params: { table: t.table, line: line + 1, field: t.column } };
          expect(seen).toMatchObject({ status: 'refused', error: refusal });
          const applied = await p.parent.dispatch({ method: 'bundles.apply', input: { paths: [file], accept: [seen!.sha256!] }, token: p.parentAdmin });
          expect(applied).toMatchObject({ ok: false, error: { message: refusal.key, params: refusal.params } });
          expect(dumpDb(p.parent.db)).toBe(before);
          expect(listing(p.parent.ctx.filesDir)).toEqual(filesBefore);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
