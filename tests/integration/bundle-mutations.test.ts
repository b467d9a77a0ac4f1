import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMessageKey } from '../../shared/i18n';
import { BUNDLE_TABLES } from '../../electron/services/bundles/tables';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, SETUP, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';
import { PARENT_SETUP } from '../support/offices';

/**
 * Whole bundles mutated at random (a flipped bit, a cut, inserted bytes, two chunks swapped,
 * a range deleted): each result is refused with a bundle message and the database untouched, or,
 * where the mutation did not touch anything that matters, imported exactly as the original.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);

let post: TestApp;
let reference: TestApp;
let target: TestApp;
const tokens = new Map<TestApp, string>();
let plain: Buffer;
let sealed: Buffer;
let work: string;

const login = async (app: TestApp) => {
  tokens.set(app, (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token);
  return tokens.get(app)!;
};
const card = async (app: TestApp) => ({
  base64: (await app.call('keys.card', {}, tokens.get(app))).base64,
  fingerprint: (await app.call('keys.own', {}, tokens.get(app))).fingerprint,
});

/** The post's records as a parent holds them: every bundle table, rows from CRP only. */
function postData(app: TestApp): string {
  return JSON.stringify(
    BUNDLE_TABLES.map((t) => {
      const hasOrigin = (app.db.raw.pragma(`table_info(${t})`) as { name: string }[]).some((c) => c.name === 'origin');
      return [t, app.db.raw.prepare(`SELECT * FROM ${t} ${hasOrigin ? "WHERE origin = 'CRP'" : ''} ORDER BY 1, 2`).all()];
    }),
  );
}

beforeAll(async () => {
  post = makeApp();
  reference = makeApp();
  target = makeApp();
  await post.call('setup.complete', SETUP);
  await reference.call('setup.complete', PARENT_SETUP);
  await target.call('setup.complete', { ...PARENT_SETUP, office: { ...PARENT_SETUP.office, code: 'BKM' } });
  for (const app of [post, reference, target]) await login(app);
  const postCard = await card(post);
  for (const parent of [reference, target]) {
    await parent.call('keys.register', postCard, tokens.get(parent));
    // The plain bundle is an admin's exception at a parent; allowed here so that its mutations reach the checks behind the envelope.
    await parent.call('keys.allowPlain', { officeCode: 'CRP', allow: true }, tokens.get(parent));
  }
  const token = tokens.get(post)!;
  const partner = await post.call('partners.create', PARTNER, token);
  await post.call('partners.create', { ...PARTNER, name: 'Bengkel Las Maju' }, token);
  await post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, token);
  await post.call('partners.archive', { id: partner.id }, token);
  work = mkdtempSync(join(tmpdir(), 'mitra-mut-'));
  const write = async (folder: string) => {
    const out = await post.call('bundles.export', { mode: 'full', folder }, token);
    return readFileSync(join(folder, out.filenames[0]!));
  };
  // Before the post knows a parent its bundle is plain (signed, not encrypted): zip-level mutations can be harmless there.
  const a = mkdtempSync(join(work, 'a-'));
  plain = await write(a);
  await post.call('keys.register', await card(target), token);
  const b = mkdtempSync(join(work, 'b-'));
  sealed = await write(b);
  expect(readdirSync(b)).toHaveLength(1);
});
afterAll(() => {
  for (const app of [post, reference, target]) app.dispose();
  rmSync(work, { recursive: true, force: true });
});

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat(), length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const n = bytes.length;
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      out[m.at % n]! ^= 1 << m.bit;
      return out;
    }
    case 'cut':
      return bytes.subarray(0, m.at % n);
    case 'insert': {
      const at = m.at % (n + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'swap': {
      const len = Math.min(m.length, Math.floor(n / 2));
      const x = m.a % (n - 2 * len + 1);
      const y = x + len + (m.b % (n - x - 2 * len + 1));
      return Buffer.concat([bytes.subarray(0, x), bytes.subarray(y, y + len), bytes.subarray(x + len, y), bytes.subarray(x, x + len), bytes.subarray(y + len)]);
    }
    case 'delete': {
      const at = m.at % n;
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    }
  }
}

describe('mutated bundles', () => {
  let expected: string;
  let expectedTables: unknown;
  beforeAll(async () => {
    const dir = mkdtempSync(join(work, 'ref-'));
    writeFileSync(join(dir, 'p.mlpaket'), plain);
    const [seen] = await reference.call('bundles.inspect', { paths: [dir] }, tokens.get(reference));
    expectedTables = seen!.tables;
    await reference.call('bundles.apply', { paths: [dir], accept: [seen!.sha256!] }, tokens.get(reference));
    expected = postData(reference);
    expect(expected).toContain('Bengkel Las Maju');
  });

  for (const [label, original] of [
    ['plain', () => plain],
    ['sealed', () => sealed],
  ] as const) {
    it(`${label}: are refused with a clear message and nothing written, or imported exactly as the original`, async () => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const bytes = mutate(original(), m);
          const dir = mkdtempSync(join(work, 'm-'));
          const file = join(dir, 'paket.mlpaket');
          writeFileSync(file, bytes);
          const before = dumpDb(target.db);
          const inspected = await target.dispatch({ method: 'bundles.inspect', input: { paths: [file] }, token: tokens.get(target)! });
          expect(inspected.ok).toBe(true);
          const [seen] = inspected.ok ? (inspected.value as { status: string; sha256: string | null; error: { key: string } | null; tables: unknown }[]) : [];
          expect(dumpDb(target.db)).toBe(before);
          const applied = await target.dispatch({
            method: 'bundles.apply',
            input: { paths: [file], accept: [seen!.sha256 ?? '0'.repeat(64)] },
            token: tokens.get(target)!,
          });
          if (seen!.status === 'refused') {
            expect(seen!.error!.key).toMatch(/^bundles\./);
            expect(isMessageKey(seen!.error!.key)).toBe(true);
            expect(applied.ok).toBe(false);
            if (!applied.ok) expect(applied.error.code).not.toBe('INTERNAL');
            expect(dumpDb(target.db)).toBe(before);
          } else if (seen!.status === 'ok') {
            accepted++;
            expect(seen!.tables).toEqual(expectedTables);
            expect(applied.ok).toBe(true);
            expect(postData(target)).toBe(expected);
          } else {
            // Already received (the same signed content): nothing changes.
            expect(seen!.status).toBe('received');
            expect(postData(target)).toBe(expected);
          }
          rmSync(dir, { recursive: true, force: true });
        }),
        { numRuns: RUNS },
      );
      // A sealed bundle has no harmless mutation: any change fails its authentication tag.
      if (label === 'sealed') expect(accepted).toBe(0);
    }, 120_000);
  }
});
