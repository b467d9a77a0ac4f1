import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrations/index';
import { DB_FILE } from '../../electron/services/app';
import { CHAIN_FILE } from '../../electron/services/bundles/chain';
import { writeBundle, type ManifestData } from '../../electron/services/bundles/format';
import { officeKeys } from '../../electron/services/keys';
import { makeApp, PARTNER, SETUP, type TestApp } from '../support/app';
import { dumpDb } from '../support/dump';
import { pairedOffices, sendUp, type Pair } from '../support/offices';

/**
 * The bundle chain after a restore: a Pos Bapas whose database is put back to an older state (the
 * file copied into place while the app is closed, as a restore does) carries on from the highest
 * number it ever used, says so in its signed manifest, and the parent accepts it and shows the note.
 */
let p: Pair;
let post: TestApp;
let postAdmin: string;
const scratch: string[] = [];
beforeEach(async () => {
  p = await pairedOffices();
  post = p.post;
  postAdmin = p.postAdmin;
});
afterEach(() => {
  post.dispose();
  p.parent.dispose();
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'mitra-chain-'));
  scratch.push(d);
  return d;
};
const partner = (name: string) => post.call('partners.create', { ...PARTNER, name }, postAdmin);

/** Closes the post, lets `change` act on its data folder, and starts it again on the same folder. */
async function restart(change: (dir: string) => void = () => {}) {
  const { dir } = post;
  const now = post.clock.now;
  post.close();
  for (const f of [`${DB_FILE}-wal`, `${DB_FILE}-shm`]) rmSync(join(dir, f), { force: true });
  change(dir);
  post = makeApp(now, { dir });
  postAdmin = (await post.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
}

/** A copy of the post's database as it is now (taken with the app closed, as a backup holds it). */
async function keepCopy(): Promise<string> {
  const copy = join(tmp(), DB_FILE);
  await restart((dir) => copyFileSync(join(dir, DB_FILE), copy));
  return copy;
}

const putBack = (copy: string) => restart((dir) => copyFileSync(copy, join(dir, DB_FILE)));

async function exportOne() {
  const folder = tmp();
  await post.call('bundles.export', { mode: 'incremental', withFiles: false, folder }, postAdmin);
  return folder;
}

const inspect = (folder: string) => p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);

/** The post sends 1..3; its database is then put back to where it stood after bundle 1. */
async function restoredAfterOne() {
  await partner('Mitra Satu');
  await sendUp(post, postAdmin, p.parent, p.parentAdmin);
  const afterOne = await keepCopy();
  await partner('Mitra Dua');
  await sendUp(post, postAdmin, p.parent, p.parentAdmin);
  await partner('Mitra Tiga');
  await sendUp(post, postAdmin, p.parent, p.parentAdmin);
  await putBack(afterOne);
}

const parentPartners = async () => (await p.parent.call('partners.list', {}, p.parentAdmin)).rows.map((r) => r.name).sort();

describe('the bundle chain after a restore', () => {
  it('carries on from the highest number used, says the post was restored, and the parent accepts it and shows the note', async () => {
    await restoredAfterOne();
    // The restored database knows bundle 1 only; the number kept beside the keys knows 3.
    const plan = await post.call('bundles.plan', { mode: 'incremental', withFiles: false, limitMb: 20 }, postAdmin);
    expect(plan).toMatchObject({ seq: 4, afterRestore: { lastKnownSeq: 1, lastUsedSeq: 3 } });

    await partner('Mitra Sesudah Pemulihan');
    const folder = await exportOne();
    const [seen] = await inspect(folder);
    expect(seen).toMatchObject({ status: 'ok', seq: 4 });
    expect(seen!.oddities).toContainEqual({ kind: 'restored', lastKnownSeq: 1, lastUsedSeq: 3, kept: [2, 3], notReceived: [] });
    await p.parent.call('bundles.apply', { paths: [folder], accept: [seen!.sha256!] }, p.parentAdmin);

    // What the post made after bundle 1 is gone there but still at the parent, beside the new record.
    expect((await post.call('partners.list', {}, postAdmin)).rows.map((r) => r.name).sort()).toEqual(['Mitra Satu', 'Mitra Sesudah Pemulihan']);
    expect(await parentPartners()).toEqual(['Mitra Dua', 'Mitra Satu', 'Mitra Sesudah Pemulihan', 'Mitra Tiga']);

    // The tracker: nothing missing, and the bundle that came after the restore says so.
    const [tracker] = await p.parent.call('bundles.received', {}, p.parentAdmin);
    expect(tracker!.missing).toEqual([]);
    expect(tracker!.received.map((r) => [r.seq, r.afterRestore])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, { lastKnownSeq: 1, lastUsedSeq: 3 }],
    ]);

    // The next bundle is an ordinary one again.
    await partner('Mitra Lima');
    const next = await exportOne();
    const [fifth] = await inspect(next);
    expect(fifth).toMatchObject({ status: 'ok', seq: 5 });
    expect(fifth!.oddities.some((o) => o.kind === 'restored')).toBe(false);
  });

  it('names the bundles made before the restore that never reached the parent', async () => {
    await partner('Mitra Satu');
    await sendUp(post, postAdmin, p.parent, p.parentAdmin);
    const afterOne = await keepCopy();
    await partner('Mitra Dua');
    // Bundle 2 is written but never reaches the parent.
    await exportOne();
    await putBack(afterOne);
    const [seen] = await inspect(await exportOne());
    expect(seen).toMatchObject({ status: 'ok', seq: 3 });
    expect(seen!.oddities).toContainEqual({ kind: 'restored', lastKnownSeq: 1, lastUsedSeq: 2, kept: [], notReceived: [2] });
    // The note speaks for bundle 2: no "its changes are in this bundle" (they are gone at the post).
    expect(seen!.oddities.some((o) => o.kind === 'gap')).toBe(false);
  });

  it('says so too when the database was restored to before the first bundle', async () => {
    const before = await keepCopy();
    await partner('Mitra Satu');
    await sendUp(post, postAdmin, p.parent, p.parentAdmin);
    await putBack(before);
    const [seen] = await inspect(await exportOne());
    expect(seen).toMatchObject({ status: 'ok', seq: 2 });
    expect(seen!.oddities).toContainEqual({ kind: 'restored', lastKnownSeq: 0, lastUsedSeq: 1, kept: [1], notReceived: [] });
  });

  it('without the number kept outside the database the post reuses a number, and the parent refuses it as before', async () => {
    await restoredAfterOne();
    await restart((dir) => rmSync(join(dir, 'keys', CHAIN_FILE)));
    const [seen] = await inspect(await exportOne());
    expect(seen).toMatchObject({ status: 'refused', seq: 2, error: { key: 'bundles.seqReused' } });
  });

  it('an export whose file cannot be written frees its number in the kept file too: the next one is no "restore"', async () => {
    await partner('Mitra Satu');
    const blocked = join(tmp(), 'bukan-folder');
    writeFileSync(blocked, 'x');
    await post.fail('bundles.export', { mode: 'incremental', withFiles: false, folder: blocked }, postAdmin);
    const plan = await post.call('bundles.plan', { mode: 'incremental', withFiles: false, limitMb: 20 }, postAdmin);
    expect(plan).toMatchObject({ seq: 1, afterRestore: null });
  });

  it('refuses to number a bundle from a kept file that was edited, cut short or copied from another office, changing nothing', async () => {
    await partner('Mitra Satu');
    await exportOne();
    const file = join(post.dir, 'keys', CHAIN_FILE);
    const good = readFileSync(file, 'utf8');
    const other = makeApp();
    scratch.push(other.dir);
    await other.call('setup.complete', { ...SETUP, office: { ...SETUP.office, code: 'LBG', name: 'Pos Bapas Lebong' } });
    const otherAdmin = (await other.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    await other.call('bundles.export', { mode: 'incremental', withFiles: false, folder: tmp() }, otherAdmin);
    const foreign = readFileSync(join(other.dir, 'keys', CHAIN_FILE), 'utf8');
    other.close();
    for (const bad of [good.replace('"highestSeq": 1', '"highestSeq": 9'), good.slice(0, 40), 'bukan json', foreign]) {
      writeFileSync(file, bad);
      const before = dumpDb(post.db);
      const folder = tmp();
      expect((await post.fail('bundles.export', { mode: 'incremental', withFiles: false, folder }, postAdmin)).message).toBe('bundles.chainFileDamaged');
      expect(dumpDb(post.db)).toEqual(before);
      expect(readFileSync(file, 'utf8')).toBe(bad);
      expect(readdirSync(folder)).toEqual([]);
    }
  });
});

describe('the parent and a restore note', () => {
  /** A bundle signed by the post (or `signWith`), with the manifest fields given. */
  const craft = (o: { seq: number; afterRestore?: ManifestData['afterRestore']; signWith?: 'other' }) =>
    writeBundle(
      {
        appVersion: '0.1.0',
        schemaVersion: LATEST_VERSION,
        officeCode: 'CRP',
        seq: o.seq,
        previousSha256: null,
        changeRange: { from: 0, to: 0 },
        createdAt: '2025-03-05T03:00:00.000Z',
        createdBy: 'Siti Rahmawati',
        counts: {},
        ...(o.afterRestore ? { afterRestore: o.afterRestore } : {}),
      },
      new Map(),
      o.signWith === 'other' ? generateKeyPairSync('ed25519').privateKey : officeKeys(post.ctx).signing.privateKey,
      Buffer.from(officeKeys(p.parent.ctx).encryption.publicRaw),
    );
  const fileOf = (bytes: Buffer) => {
    const d = tmp();
    writeFileSync(join(d, 'paket.mlpaket'), bytes);
    return d;
  };
  const sendThree = async () => {
    for (const n of ['Satu', 'Dua', 'Tiga']) {
      await partner(`Mitra ${n}`);
      await sendUp(post, postAdmin, p.parent, p.parentAdmin);
    }
  };

  it('a jump without the note is only a gap, as before: no restore is shown', async () => {
    await sendThree();
    const [seen] = await inspect(fileOf(await craft({ seq: 6 })));
    expect(seen).toMatchObject({ status: 'ok', seq: 6 });
    expect(seen!.oddities).toEqual([{ kind: 'gap', missing: [4, 5], covered: true }]);
  });

  it('refuses a note not signed by the post, one whose numbers do not fit the bundle, and one behind what the parent holds', async () => {
    await sendThree();
    const refusal = async (bytes: Buffer) => (await inspect(fileOf(bytes)))[0]!;
    expect(await refusal(await craft({ seq: 4, afterRestore: { lastKnownSeq: 1, lastUsedSeq: 3 }, signWith: 'other' }))).toMatchObject({
      status: 'refused',
      error: { key: 'bundles.badSignature' },
    });
    for (const afterRestore of [
      { lastKnownSeq: 1, lastUsedSeq: 5 },
      { lastKnownSeq: 3, lastUsedSeq: 3 },
    ])
      expect(await refusal(await craft({ seq: 4, afterRestore }))).toMatchObject({ status: 'refused', error: { key: 'bundles.restoreNoteMismatch' } });
    // Bundle 5 arrived with a gap; a note saying only 3 numbers were ever used is not true.
    await sendUp(post, postAdmin, p.parent, p.parentAdmin);
    const gapped = fileOf(await craft({ seq: 6 }));
    const [six] = await inspect(gapped);
    await p.parent.call('bundles.apply', { paths: [gapped], accept: [six!.sha256!] }, p.parentAdmin);
    const lying = fileOf(await craft({ seq: 5, afterRestore: { lastKnownSeq: 1, lastUsedSeq: 4 } }));
    const [behind] = await inspect(lying);
    expect(behind).toMatchObject({ status: 'refused', error: { key: 'bundles.restoreNoteBehind', params: { seq: 5, highest: 6 } } });
    // Applied anyway (the hash given by hand): refused at the door of the transaction, nothing written.
    const before = dumpDb(p.parent.db);
    expect((await p.parent.fail('bundles.apply', { paths: [lying], accept: [behind!.sha256!] }, p.parentAdmin)).message).toBe('bundles.restoreNoteBehind');
    expect(dumpDb(p.parent.db)).toEqual(before);
  });
});
