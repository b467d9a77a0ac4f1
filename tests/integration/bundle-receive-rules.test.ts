import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedAuditHead, verifyAuditHead } from '../../electron/services/auditAnchor';
import { writeBundle } from '../../electron/services/bundles/format';
import { officeKeys } from '../../electron/services/keys';
import { dumpDb } from '../support/dump';
import { openAt } from '../support/rebundle';
import { makeApp, PARTNER, SETUP, signInAs, type TestApp } from '../support/app';
import { pairedOffices, PARENT_SETUP, type Pair } from '../support/offices';

describe('a Bapas induk takes encrypted bundles only', () => {
  let post: TestApp;
  let parent: TestApp;
  let postToken: string;
  let parentToken: string;
  let stick: string;
  beforeEach(async () => {
    post = makeApp();
    parent = makeApp();
    await post.call('setup.complete', SETUP);
    await parent.call('setup.complete', PARENT_SETUP);
    postToken = (await post.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    parentToken = (await parent.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    // The parent knows the post; the post has not registered the parent, so its bundle is signed but not encrypted.
    const card = (await post.call('keys.card', {}, postToken)).base64;
    await parent.call('keys.register', { base64: card, fingerprint: (await post.call('keys.own', {}, postToken)).fingerprint }, parentToken);
    await post.call('partners.create', PARTNER, postToken);
    stick = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    await post.call('bundles.export', { mode: 'full', folder: stick }, postToken);
  });
  afterEach(() => {
    post.dispose();
    parent.dispose();
    rmSync(stick, { recursive: true, force: true });
  });

  it('refuses a plain bundle, naming the post, and writes nothing', async () => {
    const before = dumpDb(parent.db);
    const [seen] = await parent.call('bundles.inspect', { paths: [stick] }, parentToken);
    expect(seen).toMatchObject({ status: 'refused', error: { key: 'bundles.plainRefused', params: { code: 'CRP' } } });
    const e = await parent.fail('bundles.apply', { paths: [stick], accept: [seen!.sha256!] }, parentToken);
    expect(e.message).toBe('bundles.plainRefused');
    expect(dumpDb(parent.db)).toBe(before);
  });

  it('takes it once an admin allows plain bundles for that post, and stops when the permission is withdrawn', async () => {
    const petugas = await signInAs(parent, parentToken, 'petugas');
    expect((await parent.fail('keys.allowPlain', { officeCode: 'CRP', allow: true }, petugas)).code).toBe('FORBIDDEN');
    expect((await parent.fail('keys.allowPlain', { officeCode: 'XYZ', allow: true }, parentToken)).code).toBe('NOT_FOUND');
    expect(await parent.call('keys.allowPlain', { officeCode: 'CRP', allow: true }, parentToken)).toMatchObject({ officeCode: 'CRP', allowPlain: true });
    const [seen] = await parent.call('bundles.inspect', { paths: [stick] }, parentToken);
    expect(seen!.status).toBe('ok');
    await parent.call('keys.allowPlain', { officeCode: 'CRP', allow: false }, parentToken);
    expect((await parent.call('bundles.inspect', { paths: [stick] }, parentToken))[0]!.error!.key).toBe('bundles.plainRefused');
    // Each change of the permission is on record.
    const log = await parent.call('audit.list', { entity: 'office_key' }, parentToken);
    expect(JSON.stringify(log)).toContain('allowPlain');
  });
});

describe('the same bundle picked twice in one receive', () => {
  let p: Pair;
  beforeEach(async () => {
    p = await pairedOffices();
  });
  afterEach(() => p.dispose());

  it('is checked and received once, its copies listed together', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    const out = await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: p.stick }, p.postAdmin);
    const file = join(p.stick, out.filenames[0]!);
    const copy = file.replace(/\.mlpaket$/, ' (1).mlpaket');
    copyFileSync(file, copy);
    // The folder (holding both) and the file itself, picked together.
    const seen = await p.parent.call('bundles.inspect', { paths: [p.stick, file] }, p.parentAdmin);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 'ok', seq: 1 });
    expect([...seen[0]!.files].sort()).toEqual([out.filenames[0], copy.split('/').pop()].sort());
    const { applied } = await p.parent.call('bundles.apply', { paths: [p.stick, file], accept: [seen[0]!.sha256!] }, p.parentAdmin);
    expect(applied).toHaveLength(1);
    expect(readFileSync(copy).equals(readFileSync(file))).toBe(true);
    expect((await p.parent.call('partners.list', { q: PARTNER.name }, p.parentAdmin)).total).toBe(1);
  });
});

describe("the post's audit head in every bundle", () => {
  let p: Pair;
  beforeEach(async () => {
    p = await pairedOffices();
  });
  afterEach(() => p.dispose());

  /** The bundle written to `folder`, its manifest's audit head replaced, re-signed by the post itself. */
  async function withHead(bytes: Buffer, head: unknown, folder: string): Promise<string> {
    const opened = await openAt(p.parent, bytes);
    const { entries: _e, format: _f, formatVersion: _v, ...manifest } = opened.manifest;
    const forged = await writeBundle(
      { ...manifest, auditHead: head as typeof manifest.auditHead },
      opened.entries,
      officeKeys(p.post.ctx).signing.privateKey,
      Buffer.from(officeKeys(p.parent.ctx).encryption.publicRaw),
    );
    const file = join(folder, 'paket.mlpaket');
    writeFileSync(file, forged);
    return file;
  }

  it('reaches the parent signed by the post, is kept with the bundle and shown in the tracker', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: p.stick }, p.postAdmin);
    const postEntries = (p.post.db.raw.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    const [seen] = await p.parent.call('bundles.inspect', { paths: [p.stick] }, p.parentAdmin);
    await p.parent.call('bundles.apply', { paths: [p.stick], accept: [seen!.sha256!] }, p.parentAdmin);
    const stored = JSON.parse((p.parent.db.raw.prepare('SELECT audit_head FROM bundle_imports').get() as { audit_head: string }).audit_head);
    expect(verifyAuditHead(stored, Buffer.from(officeKeys(p.post.ctx).signing.publicRaw))).toBe(true);
    // The head as it stood when the bundle was made: the export's own entry comes after it.
    expect(stored.seq).toBe(postEntries - 1);
    const [tracked] = await p.parent.call('bundles.received', {}, p.parentAdmin);
    expect(tracked!.auditHead).toEqual({ seq: stored.seq, at: stored.at });
  });

  it('refuses a head not signed by the post, writing nothing', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    const out = await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: p.stick }, p.postAdmin);
    const dir = mkdtempSync(join(tmpdir(), 'mitra-forged-'));
    const real = signedAuditHead(p.post.ctx);
    const file = await withHead(readFileSync(join(p.stick, out.filenames[0]!)), { ...real, seq: real.seq + 1000 }, dir);
    const before = dumpDb(p.parent.db);
    const [seen] = await p.parent.call('bundles.inspect', { paths: [file] }, p.parentAdmin);
    expect(seen).toMatchObject({ status: 'refused', error: { key: 'bundles.badAuditHead' } });
    expect(dumpDb(p.parent.db)).toBe(before);
    rmSync(dir, { recursive: true, force: true });
  });

  it('notes a log that went backwards since the last bundle (cut, or data replaced)', async () => {
    const early = signedAuditHead(p.post.ctx);
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: p.stick }, p.postAdmin);
    const [first] = await p.parent.call('bundles.inspect', { paths: [p.stick] }, p.parentAdmin);
    await p.parent.call('bundles.apply', { paths: [p.stick], accept: [first!.sha256!] }, p.parentAdmin);
    const firstHead = (await p.parent.call('bundles.received', {}, p.parentAdmin))[0]!.auditHead!;

    await p.post.call('partners.create', { ...PARTNER, name: 'Bengkel Las Sinar Jaya' }, p.postAdmin);
    const next = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    const out = await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: next }, p.postAdmin);
    const dir = mkdtempSync(join(tmpdir(), 'mitra-rewound-'));
    const file = await withHead(readFileSync(join(next, out.filenames[0]!)), early, dir);
    const [seen] = await p.parent.call('bundles.inspect', { paths: [file] }, p.parentAdmin);
    expect(seen!.status).toBe('ok');
    expect(seen!.oddities).toContainEqual({ kind: 'auditRewound', before: firstHead.seq, now: early.seq });
    for (const d of [next, dir]) rmSync(d, { recursive: true, force: true });
  });
});
