import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { openBundle, writeBundle, type ManifestData } from '../../electron/services/bundles/format';

const raw = (k: ReturnType<typeof generateKeyPairSync>['publicKey']) => Buffer.from(k.export({ format: 'jwk' }).x!, 'base64url');
const post = generateKeyPairSync('ed25519');
const parentBox = generateKeyPairSync('x25519');
const parent = { privateKey: parentBox.privateKey, publicRaw: raw(parentBox.publicKey) };
const stranger = generateKeyPairSync('ed25519');
const otherParentBox = generateKeyPairSync('x25519');
const SCHEMA = 10;

const BASE: Omit<ManifestData, 'entries' | 'format' | 'formatVersion'> = {
  appVersion: '0.1.0',
  schemaVersion: SCHEMA,
  officeCode: 'CRP',
  seq: 1,
  previousSha256: null,
  changeRange: { from: 0, to: 42 },
  createdAt: '2025-03-05T03:00:00.000Z',
  createdBy: 'Siti Rahmawati',
  counts: { partners: 2 },
};
const ENTRIES = new Map([
  ['data/partners.jsonl', Buffer.from('{"id":"a","name":"Pondok Pesantren Al-Hikmah"}\n{"id":"b","name":"LBH Curup"}\n')],
  ['files/0123abcd', Buffer.alloc(5000, 7)],
]);
const keyOf = (code: string) => (code === 'CRP' ? raw(post.publicKey) : null);

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('the bundle was accepted');
}

/** A plain (unsealed) bundle whose zip and manifest the test writes itself, signed with the post's key. */
async function crafted(manifest: object, files: [string, Buffer][], signer = post.privateKey): Promise<Buffer> {
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const zip = new yazl.ZipFile();
  zip.addBuffer(manifestBytes, 'manifest.json');
  zip.addBuffer(sign(null, manifestBytes, signer), 'manifest.sig');
  for (const [name, data] of files) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat([Buffer.from('MLPAKET0'), ...chunks]);
}
const entry = (name: string, data: Buffer) => ({ name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
const manifestWith = (entries: ReturnType<typeof entry>[], over: object = {}) => ({ format: 'mitra-lipas-paket', formatVersion: 1, ...BASE, entries, ...over });

describe('bundle file', () => {
  it('seals, signs and opens back to the same manifest and entries', async () => {
    const bytes = await writeBundle(BASE, ENTRIES, post.privateKey, parent.publicRaw);
    expect(bytes.subarray(0, 8).toString()).toBe('MLPAKET1');
    const opened = await openBundle(bytes, parent, keyOf, SCHEMA);
    expect(opened.manifest).toMatchObject({ ...BASE, formatVersion: 1, entries: [{ name: 'data/partners.jsonl' }, { name: 'files/0123abcd', size: 5000 }] });
    expect(opened.entries).toEqual(ENTRIES);
    expect(opened.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('refuses any changed byte and any cut, with a clear message and never another kind of error', async () => {
    const bytes = await writeBundle(BASE, ENTRIES, post.privateKey, parent.publicRaw);
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const changed = Buffer.from(bytes);
        changed[at]! ^= xor;
        expect(['bundles.damagedOrNotForUs', 'bundles.notBundle', 'bundles.damaged']).toContain(await refusal(openBundle(changed, parent, keyOf, SCHEMA)));
      }),
      { numRuns: 150 },
    );
    for (const cut of [0, 7, 8, 60, bytes.length - 17, bytes.length - 1]) {
      expect(await refusal(openBundle(bytes.subarray(0, cut), parent, keyOf, SCHEMA))).toMatch(/^bundles\.(notBundle|damaged|damagedOrNotForUs)$/);
    }
  });

  it('refuses what is not a bundle, one sealed for another parent, one from an unknown office or signed with another key', async () => {
    expect(await refusal(openBundle(Buffer.from('PK\x03\x04 not ours'), parent, keyOf, SCHEMA))).toBe('bundles.notBundle');
    const forOther = await writeBundle(BASE, ENTRIES, post.privateKey, raw(otherParentBox.publicKey));
    expect(await refusal(openBundle(forOther, parent, keyOf, SCHEMA))).toBe('bundles.damagedOrNotForUs');
    const unknown = await writeBundle({ ...BASE, officeCode: 'XYZ' }, ENTRIES, post.privateKey, parent.publicRaw);
    expect(await refusal(openBundle(unknown, parent, keyOf, SCHEMA))).toBe('bundles.unknownOffice');
    const forged = await writeBundle(BASE, ENTRIES, stranger.privateKey, parent.publicRaw);
    expect(await refusal(openBundle(forged, parent, keyOf, SCHEMA))).toBe('bundles.badSignature');
  });

  it('says "update the app" for a newer format or schema', async () => {
    const data = ENTRIES.get('data/partners.jsonl')!;
    expect(
      await refusal(
        openBundle(
          await crafted(manifestWith([entry('data/partners.jsonl', data)], { formatVersion: 2 }), [['data/partners.jsonl', data]]),
          parent,
          keyOf,
          SCHEMA,
        ),
      ),
    ).toBe('bundles.newerFormat');
    expect(
      await refusal(
        openBundle(
          await crafted(manifestWith([entry('data/partners.jsonl', data)], { schemaVersion: SCHEMA + 1 }), [['data/partners.jsonl', data]]),
          parent,
          keyOf,
          SCHEMA,
        ),
      ),
    ).toBe('bundles.newerSchema');
  });

  it('refuses unsafe paths, entries the manifest does not list, entries larger than declared, a bomb, and hashes that disagree', async () => {
    const data = Buffer.from('{"id":"a"}\n');
    // The same bytes under a name that climbs out of the folder (patched after zipping: yazl will not write it).
    const climbing = await crafted(manifestWith([entry('data/partners.jsonl', data)]), [
      ['data/partners.jsonl', data],
      ['aa/evil', data],
    ]);
    const patched = Buffer.from(climbing.toString('latin1').replaceAll('aa/evil', '../evil'), 'latin1');
    expect(await refusal(openBundle(patched, parent, keyOf, SCHEMA))).toBe('bundles.unsafePath');
    expect(
      await refusal(
        openBundle(
          await crafted(manifestWith([entry('data/partners.jsonl', data)]), [
            ['data/partners.jsonl', data],
            ['data/extra.jsonl', data],
          ]),
          parent,
          keyOf,
          SCHEMA,
        ),
      ),
    ).toBe('bundles.unexpectedEntry');
    const big = Buffer.alloc(1000, 1);
    expect(
      await refusal(openBundle(await crafted(manifestWith([{ ...entry('data/big.jsonl', big), size: 10 }]), [['data/big.jsonl', big]]), parent, keyOf, SCHEMA)),
    ).toBe('bundles.entryTooLarge');
    // 200 MB of zeros compress to a few hundred kilobytes; the manifest claims one kilobyte.
    const bomb = Buffer.alloc(200 * 1024 * 1024);
    const t0 = Date.now();
    expect(
      await refusal(
        openBundle(
          await crafted(manifestWith([{ ...entry('data/bomb.jsonl', Buffer.alloc(1)), size: 1024 }]), [['data/bomb.jsonl', bomb]]),
          parent,
          keyOf,
          SCHEMA,
        ),
      ),
    ).toBe('bundles.entryTooLarge');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(
      await refusal(
        openBundle(
          await crafted(manifestWith([{ ...entry('data/partners.jsonl', data), sha256: '0'.repeat(64) }]), [['data/partners.jsonl', data]]),
          parent,
          keyOf,
          SCHEMA,
        ),
      ),
    ).toBe('bundles.entryMismatch');
    expect(
      await refusal(
        openBundle(
          await crafted(manifestWith([entry('data/partners.jsonl', data), entry('data/missing.jsonl', data)]), [['data/partners.jsonl', data]]),
          parent,
          keyOf,
          SCHEMA,
        ),
      ),
    ).toBe('bundles.missingEntry');
  }, 60_000);
});
