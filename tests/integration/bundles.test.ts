import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { LATEST_VERSION } from '../../db/migrations/index';
import { bundleExportHandlers } from '../../electron/services/bundles/exports';
import { manifestJsonSchema, writeBundle } from '../../electron/services/bundles/format';
import { nodeIo } from '../../electron/services/bundles/media';
import { makeReceipt } from '../../electron/services/bundles/receipts';
import { officeKeys } from '../../electron/services/keys';
import { userByUsername } from '../../db/repositories/users';
import { dumpDb } from '../support/dump';
import { PARTNER, makeApp, SETUP } from '../support/app';
import { agreementWith, CLIENT } from '../support/fixtures';
import { foldForSearch } from '../../shared/validate';
import { pairedOffices, PARENT_SETUP, type Pair } from '../support/offices';

let p: Pair;
beforeEach(async () => {
  p = await pairedOffices();
});
afterEach(() => p.dispose());

/** A partner's editable fields (the status date is set on creation only). */
const { statusDate: _statusDate, ...FIELDS } = PARTNER;
/** Ids of crafted partner rows (UUIDv7, as the app makes them). */
const CRAFTED_1 = '01958e2a-0000-7000-8000-000000000001';
const CRAFTED_2 = '01958e2a-0000-7000-8000-000000000002';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const exportTo = (folder: string, extra: Partial<InputOf<'bundles.export'>> = {}) =>
  p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder, ...extra }, p.postAdmin);

/** Inspects and applies everything found in `folder` that is ready; returns the inspection. */
async function receive(paths: string[]) {
  const seen = await p.parent.call('bundles.inspect', { paths }, p.parentAdmin);
  const ready = seen.filter((s) => s.status === 'ok').map((s) => s.sha256!);
  if (ready.length) await p.parent.call('bundles.apply', { paths, accept: ready }, p.parentAdmin);
  return seen;
}

async function acknowledge() {
  const receipt = await p.parent.call('bundles.receipt', { officeCode: 'CRP' }, p.parentAdmin);
  return (await p.post.call('bundles.readReceipt', { base64: receipt.base64 }, p.postAdmin)).acknowledged;
}

const tableOf = (seen: { tables: readonly { table: string }[] }, table: string) => seen.tables.find((t) => t.table === table);

describe('bundles between a Pos Bapas and its Bapas induk', () => {
  it('carry the post’s records up, then only what changed, archives as archives, and a receipt back acknowledges them', async () => {
    const partner = await p.post.call('partners.create', PARTNER, p.postAdmin);
    await p.post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, p.postAdmin);
    const agreement = await p.post.call('agreements.create', agreementWith(partner.id), p.postAdmin);
    await p.post.call('agreements.uploadScan', { id: agreement.id, filename: 'pks.pdf', base64: PDF.toString('base64'), signedOn: '2025-03-05' }, p.postAdmin);

    const plan = await p.post.call('bundles.plan', { mode: 'incremental', withFiles: true }, p.postAdmin);
    expect(plan).toMatchObject({ seq: 1, changeFrom: 0, filesCount: 1, filesBytes: PDF.length, overLimit: false, parent: { code: 'BKL' }, nikIncluded: false });
    expect(plan.counts).toMatchObject({ partners: 1, clients: 1, agreements: 1, agreement_scans: 1, users: 1 });

    const first = await exportTo(p.stick);
    expect(first.filenames).toEqual(['CRP-0001-2025-03-05.mlpaket']);
    // Only the verified file under its final name: no temporary file is left on the stick.
    expect(readdirSync(p.stick)).toEqual(['CRP-0001-2025-03-05.mlpaket']);
    const [seen1] = await receive([p.stick]);
    expect(seen1).toMatchObject({ status: 'ok', officeCode: 'CRP', officeName: 'Pos Bapas Curup', seq: 1, oddities: [] });
    expect(tableOf(seen1!, 'partners')).toMatchObject({ added: 1, changed: 0 });
    expect(tableOf(seen1!, 'agreement_scans')).toMatchObject({ added: 1 });

    // The consolidated picture at the parent: the post's partner, client and signed scan, with their origin.
    const listed = await p.parent.call('partners.list', {}, p.parentAdmin);
    expect(listed.rows.map((r) => r.name)).toEqual([PARTNER.name]);
    expect(p.parent.db.raw.prepare('SELECT origin FROM partners').get()).toEqual({ origin: 'CRP' });
    const scan = (await p.parent.call('agreements.get', { id: agreement.id }, p.parentAdmin)).scans[0]!;
    expect(Buffer.from((await p.parent.call('agreements.scan', { id: scan.id }, p.parentAdmin)).base64, 'base64').equals(PDF)).toBe(true);
    // NIK stays at the post unless the post chose to send it; officers arrive without any password.
    expect(p.parent.db.raw.prepare('SELECT nik, search_text FROM clients').get()).toEqual({ nik: null, search_text: expect.not.stringContaining('1702') });
    expect(p.parent.db.raw.prepare("SELECT username, password_hash, active FROM users WHERE origin = 'CRP'").all()).toEqual([
      { username: 'admin@CRP', password_hash: '', active: 0 },
    ]);
    expect((await p.parent.call('users.list', {}, p.parentAdmin)).map((u) => u.username)).toEqual(['admin']);
    const counts = await p.parent.call('bundles.officeCounts', {}, p.parentAdmin);
    expect(counts.map((c) => [c.officeCode, c.partners, c.clients, c.agreementsActive])).toEqual([
      ['BKL', 0, 0, 0],
      ['CRP', 1, 1, 1],
    ]);

    expect(await acknowledge()).toEqual([1]);
    const edited = await p.post.call(
      'partners.update',
      { id: partner.id, expectedUpdatedAt: partner.updatedAt, data: { ...FIELDS, name: 'Ponpes Al-Hikmah Curup' } },
      p.postAdmin,
    );
    const plan2 = await p.post.call('bundles.plan', { mode: 'incremental', withFiles: true }, p.postAdmin);
    expect(plan2).toMatchObject({ seq: 2, changeFrom: plan.changeTo, lastAcknowledgedSeq: 1 });
    expect(plan2.counts.partners).toBe(1);
    expect(plan2.counts.clients).toBeUndefined();
    await exportTo(p.stick);
    const [, seen2] = await receive([p.stick]);
    expect(seen2).toMatchObject({ status: 'ok', seq: 2 });
    expect(tableOf(seen2!, 'partners')).toMatchObject({ added: 0, changed: 1, archived: 0 });
    expect((await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin)).name).toBe('Ponpes Al-Hikmah Curup');

    await p.post.call('partners.archive', { id: edited.id }, p.postAdmin);
    await exportTo(p.stick);
    const seen3 = (await receive([p.stick]))[2]!;
    expect(tableOf(seen3, 'partners')).toMatchObject({ archived: 1 });
    expect((await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin)).archivedAt).not.toBeNull();
    expect((await p.parent.call('partners.list', {}, p.parentAdmin)).total).toBe(0);

    // The same bundles again: "sudah diterima", and the parent's content is exactly as it was.
    const before = dumpDb(p.parent.db);
    const again = await p.parent.call('bundles.inspect', { paths: [p.stick] }, p.parentAdmin);
    expect(again.map((s) => s.status)).toEqual(['received', 'received', 'received']);
    expect((await p.parent.call('bundles.apply', { paths: [p.stick], accept: again.map((s) => s.sha256!) }, p.parentAdmin)).applied).toEqual([]);
    expect(dumpDb(p.parent.db)).toBe(before);

    expect(await acknowledge()).toEqual([2, 3]);
    const history = await p.post.call('bundles.exports', {}, p.postAdmin);
    expect(history.map((h) => [h.seq, h.acknowledgedAt !== null, h.createdBy])).toEqual([
      [3, true, 'Siti Rahmawati'],
      [2, true, 'Siti Rahmawati'],
      [1, true, 'Siti Rahmawati'],
    ]);
    const tracker = await p.parent.call('bundles.received', {}, p.parentAdmin);
    expect(tracker).toMatchObject([{ officeCode: 'CRP', missing: [], received: [{ seq: 1 }, { seq: 2 }, { seq: 3 }] }]);
  });

  it('applies only the very file that was checked: a file replaced since is refused, the one named by its hash is applied', async () => {
    const partner = await p.post.call('partners.create', PARTNER, p.postAdmin);
    const first = await exportTo(p.stick);
    const file = join(p.stick, first.filenames[0]!);
    const [seen] = await p.parent.call('bundles.inspect', { paths: [file] }, p.parentAdmin);
    // Replaced on the stick after the check by a later bundle under the same name.
    await p.post.call('partners.update', { id: partner.id, expectedUpdatedAt: partner.updatedAt, data: { ...FIELDS, name: 'Diganti' } }, p.postAdmin);
    const other = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    const second = await exportTo(other);
    writeFileSync(file, readFileSync(join(other, second.filenames[0]!)));
    const before = dumpDb(p.parent.db);
    expect((await p.parent.fail('bundles.apply', { paths: [file], accept: [seen!.sha256!] }, p.parentAdmin)).message).toBe('bundles.changedSincePreview');
    expect(dumpDb(p.parent.db)).toBe(before);
    // Named by the hash the post reported, without a check in between: opened and verified afresh.
    expect((await p.parent.call('bundles.apply', { paths: [file], accept: [second.sha256] }, p.parentAdmin)).applied).toEqual([
      { officeCode: 'CRP', seq: 2, sha256: second.sha256 },
    ]);
    expect((await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin)).name).toBe('Diganti');
    rmSync(other, { recursive: true, force: true });
  });

  it('carries the same lines in a full bundle as in the incremental one covering everything', async () => {
    const partner = await p.post.call('partners.create', PARTNER, p.postAdmin);
    await p.post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, p.postAdmin);
    const agreement = await p.post.call('agreements.create', agreementWith(partner.id), p.postAdmin);
    await p.post.call('agreements.uploadScan', { id: agreement.id, filename: 'pks.pdf', base64: PDF.toString('base64'), signedOn: '2025-03-05' }, p.postAdmin);
    await p.post.call('partners.archive', { id: partner.id }, p.postAdmin);
    const linesOf = async (mode: 'incremental' | 'full') => {
      const dir = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
      const out = await exportTo(dir, { mode });
      const zip = await JSZip.loadAsync(
        readFileSync((await p.parent.call('bundles.unseal', { paths: [join(dir, out.filenames[0]!)], sha256: out.sha256, folder: dir }, p.parentAdmin)).path),
      );
      const tables: Record<string, unknown[]> = {};
      for (const name of Object.keys(zip.files).filter((n) => n.startsWith('data/')))
        tables[name] = (await zip.file(name)!.async('string'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      rmSync(dir, { recursive: true, force: true });
      return tables;
    };
    const incremental = await linesOf('incremental');
    const full = await linesOf('full');
    expect(Object.keys(full).sort()).toEqual(Object.keys(incremental).sort());
    expect(full).toEqual(incremental);
    expect(full['data/partners.jsonl']).toMatchObject([{ op: 'archive' }]);
    expect(full['data/clients.jsonl']).toMatchObject([{ row: { nik: null } }]);
  });

  it('sends NIK only when the post allows it', async () => {
    await p.post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, p.postAdmin);
    const settings = await p.post.call('settings.get', {}, p.postAdmin);
    await p.post.call('settings.update', { security: { ...settings.security, bundlesIncludeNik: true } }, p.postAdmin);
    await exportTo(p.stick);
    await receive([p.stick]);
    expect(p.parent.db.raw.prepare('SELECT nik FROM clients').get()).toEqual({ nik: CLIENT.nik });
  });

  it('imports a bundle with a gap before it, keeps the gap visible until the missing one arrives, and never lets the older one overwrite the newer', async () => {
    const partner = await p.post.call('partners.create', PARTNER, p.postAdmin);
    await exportTo(p.stick);
    await receive([p.stick]);
    await acknowledge();
    const second = mkdtempSync(join(tmpdir(), 'mitra-usb-2-'));
    const third = mkdtempSync(join(tmpdir(), 'mitra-usb-3-'));
    const v2 = await p.post.call(
      'partners.update',
      { id: partner.id, expectedUpdatedAt: partner.updatedAt, data: { ...FIELDS, name: 'Nama Kedua' } },
      p.postAdmin,
    );
    await exportTo(second);
    p.post.clock.now = new Date('2025-03-05T03:01:00Z');
    await p.post.call('partners.update', { id: partner.id, expectedUpdatedAt: v2.updatedAt, data: { ...FIELDS, name: 'Nama Ketiga' } }, p.postAdmin);
    await exportTo(third);

    const [late] = await receive([third]);
    // Bundle 3 starts after the acknowledged bundle 1, so it carries bundle 2's changes too.
    expect(late!.oddities).toEqual([{ kind: 'gap', missing: [2], covered: true }]);
    expect((await p.parent.call('bundles.received', {}, p.parentAdmin))[0]!.missing).toEqual([2]);
    expect((await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin)).name).toBe('Nama Ketiga');

    const [missingOne] = await receive([second]);
    expect(missingOne).toMatchObject({ status: 'ok', seq: 2 });
    expect(tableOf(missingOne!, 'partners')).toMatchObject({ changed: 0, unchanged: 1 });
    expect((await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin)).name).toBe('Nama Ketiga');
    expect((await p.parent.call('bundles.received', {}, p.parentAdmin))[0]!.missing).toEqual([]);
    rmSync(second, { recursive: true, force: true });
    rmSync(third, { recursive: true, force: true });
  });

  it('shows a record the parent changed too, and applies the post’s version', async () => {
    const partner = await p.post.call('partners.create', PARTNER, p.postAdmin);
    await exportTo(p.stick);
    await receive([p.stick]);
    await acknowledge();
    const atParent = await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin);
    const refused = await p.parent.fail(
      'partners.update',
      { id: partner.id, expectedUpdatedAt: atParent.updatedAt, data: { ...FIELDS, name: 'Diubah di induk' } },
      p.parentAdmin,
    );
    expect(refused.message).toBe('records.otherOffice');
    // The parent can no longer change a post's record; one changed there before that rule (by an older version) still shows.
    p.parent.db.raw.prepare("UPDATE partners SET name = 'Diubah di induk' WHERE id = ?").run(partner.id);
    p.parent.db.raw
      .prepare("INSERT INTO change_log (entity, entity_id, op, at, origin) VALUES ('partner', ?, 'upsert', '2025-03-05T03:00:30.000Z', 'BKL')")
      .run(partner.id);
    p.post.clock.now = new Date('2025-03-05T03:01:00Z');
    await p.post.call('partners.update', { id: partner.id, expectedUpdatedAt: partner.updatedAt, data: { ...FIELDS, name: 'Diubah di pos' } }, p.postAdmin);
    const next = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    await exportTo(next);
    const [seen] = await receive([next]);
    expect(seen!.oddities).toContainEqual({ kind: 'changedAtParent', table: 'partners', count: 1 });
    expect((await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin)).name).toBe('Diubah di pos');
    rmSync(next, { recursive: true, force: true });
  });

  it('splits a bundle above the e-mail limit into parts, or leaves the attachments out, as the user chooses', async () => {
    const partner = await p.post.call('partners.create', PARTNER, p.postAdmin);
    const agreement = await p.post.call('agreements.create', agreementWith(partner.id), p.postAdmin);
    // A scan that does not compress: 1.5 MB of noise behind a PDF header.
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1_500_000)]);
    await p.post.call(
      'agreements.uploadScan',
      { id: agreement.id, filename: 'besar.pdf', base64: big.toString('base64'), signedOn: '2025-03-05' },
      p.postAdmin,
    );
    const plan = await p.post.call('bundles.plan', { mode: 'incremental', withFiles: true, limitMb: 1 }, p.postAdmin);
    expect(plan.overLimit).toBe(true);
    expect(plan.estimatedBytes).toBeGreaterThan(1_500_000);
    expect((await p.post.fail('bundles.export', { mode: 'incremental', withFiles: true, limitMb: 1, folder: p.stick }, p.postAdmin)).message).toBe(
      'bundles.chooseOverLimit',
    );
    expect(readdirSync(p.stick)).toEqual([]);

    const split = await exportTo(p.stick, { limitMb: 1, overLimit: 'split' });
    expect(split.filenames).toEqual(['CRP-0001-2025-03-05.bagian-1-dari-2.mlpaket', 'CRP-0001-2025-03-05.bagian-2-dari-2.mlpaket']);
    for (const f of split.filenames) expect(readFileSync(join(p.stick, f)).length).toBeLessThanOrEqual(1024 * 1024);
    // One part alone is not enough, and says which is missing.
    const alone = await p.parent.call('bundles.inspect', { paths: [join(p.stick, split.filenames[0]!)] }, p.parentAdmin);
    expect(alone[0]).toMatchObject({ status: 'refused', error: { key: 'bundles.partsMissing', params: { missing: '2', count: 2 } } });
    const [whole] = await receive([p.stick]);
    expect(whole).toMatchObject({ status: 'ok', files: split.filenames });
    const scan = (await p.parent.call('agreements.get', { id: agreement.id }, p.parentAdmin)).scans[0]!;
    expect(Buffer.from((await p.parent.call('agreements.scan', { id: scan.id }, p.parentAdmin)).base64, 'base64').equals(big)).toBe(true);

    const lean = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    const without = await p.post.call('bundles.export', { mode: 'full', withFiles: true, limitMb: 1, overLimit: 'leaveOutFiles', folder: lean }, p.postAdmin);
    expect(without.filesLeftOut).toBe(true);
    expect(without.size).toBeLessThan(100_000);
    const [seenLean] = await p.parent.call('bundles.inspect', { paths: [lean] }, p.parentAdmin);
    expect(seenLean!.oddities).toContainEqual({ kind: 'filesLeftOut' });
    rmSync(lean, { recursive: true, force: true });
  });

  it('opens with a standard zip tool once decrypted, and its manifest validates against the JSON Schema in docs/', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    const out = await exportTo(p.stick);
    const unsealed = await p.parent.call('bundles.unseal', { paths: [join(p.stick, out.filenames[0]!)], sha256: out.sha256, folder: p.stick }, p.parentAdmin);
    const zip = await JSZip.loadAsync(readFileSync(unsealed.path));
    expect(Object.keys(zip.files).sort()).toEqual(
      expect.arrayContaining(['manifest.json', 'manifest.sig', 'data/partners.jsonl', 'data/partner_status_changes.jsonl', 'data/users.jsonl']),
    );
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    const committed = JSON.parse(readFileSync('docs/paket-manifest.schema.json', 'utf8'));
    expect(committed).toEqual(manifestJsonSchema());
    const validate = new Ajv2020({ strict: false }).compile(committed);
    expect(validate(manifest)).toBe(true);
    expect(manifest).toMatchObject({ officeCode: 'CRP', seq: 1, previousSha256: null, schemaVersion: LATEST_VERSION, counts: { partners: 1 } });
    const line = JSON.parse((await zip.file('data/partners.jsonl')!.async('string')).trim());
    expect(line).toMatchObject({ op: 'upsert', row: { name: PARTNER.name, origin: 'CRP' } });
    // Users travel without password hashes.
    expect(await zip.file('data/users.jsonl')!.async('string')).not.toContain('password_hash');
    expect(validate({ ...manifest, seq: 0 })).toBe(false);

    // The next bundle names this one's hash as its previous.
    await p.post.call('partners.create', { ...PARTNER, name: 'Bengkel Las Maju' }, p.postAdmin);
    const next = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    const second = await exportTo(next);
    const [seen] = await p.parent.call('bundles.inspect', { paths: [next] }, p.parentAdmin);
    expect(seen!.seq).toBe(2);
    expect(second.sha256).not.toBe(out.sha256);
    const zip2 = await JSZip.loadAsync(
      readFileSync(
        (await p.parent.call('bundles.unseal', { paths: [join(next, second.filenames[0]!)], sha256: second.sha256, folder: next }, p.parentAdmin)).path,
      ),
    );
    expect(JSON.parse(await zip2.file('manifest.json')!.async('string')).previousSha256).toBe(out.sha256);
    rmSync(next, { recursive: true, force: true });
  });
});

describe('writing a bundle to a USB stick', () => {
  it('says the stick is gone when the folder disappeared, and records nothing', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    rmSync(p.stick, { recursive: true });
    const e = await p.post.fail('bundles.export', { mode: 'incremental', folder: p.stick }, p.postAdmin);
    expect(e.fields).toEqual({ folder: 'bundles.folderGone' });
    expect(await p.post.call('bundles.exports', {}, p.postAdmin)).toEqual([]);
  });

  it('says the disk is full, leaving no file behind and recording nothing', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    const failing = {
      ...nodeIo,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const handlers = bundleExportHandlers(p.post.ctx, failing);
    const actor = { id: userByUsername(p.post.db, 'admin')!.id, name: 'Siti Rahmawati', role: 'admin' as const };
    const before = dumpDb(p.post.db);
    await expect(
      handlers['bundles.export']({ mode: 'incremental', withFiles: true, limitMb: 18, overLimit: null, folder: p.stick }, { token: null, actor }),
    ).rejects.toMatchObject({
      fields: { folder: 'bundles.diskFull' },
    });
    expect(readdirSync(p.stick)).toEqual([]);
    expect(dumpDb(p.post.db)).toBe(before);
  });

  it('removes a file that does not read back as written', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    const corrupting = { ...nodeIo, readFileSync: (path: string) => Buffer.concat([readFileSync(path), Buffer.from([0])]) };
    const handlers = bundleExportHandlers(p.post.ctx, corrupting);
    const actor = { id: userByUsername(p.post.db, 'admin')!.id, name: 'Siti Rahmawati', role: 'admin' as const };
    await expect(
      handlers['bundles.export']({ mode: 'incremental', withFiles: true, limitMb: 18, overLimit: null, folder: p.stick }, { token: null, actor }),
    ).rejects.toMatchObject({
      message: 'bundles.verifyFailed',
    });
    expect(readdirSync(p.stick)).toEqual([]);
    expect(await p.post.call('bundles.exports', {}, p.postAdmin)).toEqual([]);
  });
});

describe('bad bundles and receipts', () => {
  let good: Buffer;
  let goodName: string;
  beforeEach(async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    const out = await exportTo(p.stick);
    goodName = out.filenames[0]!;
    good = readFileSync(join(p.stick, goodName));
  });

  /** Inspects one file's bytes; applying is refused too; the parent's database is unchanged either way. */
  async function refusal(bytes: Buffer) {
    const dir = mkdtempSync(join(tmpdir(), 'mitra-bad-'));
    const file = join(dir, 'paket.mlpaket');
    writeFileSync(file, bytes);
    const before = dumpDb(p.parent.db);
    const [seen] = await p.parent.call('bundles.inspect', { paths: [file] }, p.parentAdmin);
    const tried = await p.parent.dispatch({
      method: 'bundles.apply',
      input: { paths: [file], accept: [seen!.sha256 ?? '0'.repeat(64)] },
      token: p.parentAdmin,
    });
    expect(tried.ok).toBe(false);
    expect(dumpDb(p.parent.db)).toBe(before);
    rmSync(dir, { recursive: true, force: true });
    expect(seen!.status).toBe('refused');
    return seen!.error!.key;
  }

  const craft = async (
    o: { officeCode?: string; counts?: Record<string, number>; rows?: string; schemaVersion?: number; signWith?: 'other'; sealTo?: 'other' } = {},
  ) => {
    const keys = officeKeys(p.post.ctx);
    const parentKey = Buffer.from(officeKeys(p.parent.ctx).encryption.publicRaw);
    const rows = o.rows ?? craftRow({ origin: o.officeCode ?? 'CRP' });
    return writeBundle(
      {
        appVersion: '0.1.0',
        schemaVersion: o.schemaVersion ?? LATEST_VERSION,
        officeCode: o.officeCode ?? 'CRP',
        seq: 7,
        previousSha256: null,
        changeRange: { from: 0, to: 1 },
        createdAt: '2025-03-05T03:00:00.000Z',
        createdBy: 'Siti Rahmawati',
        counts: o.counts ?? { partners: 1 },
      },
      new Map([['data/partners.jsonl', Buffer.from(rows)]]),
      o.signWith === 'other' ? generateKeyPairSync('ed25519').privateKey : keys.signing.privateKey,
      o.sealTo === 'other' ? Buffer.from(generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' }).x!, 'base64url') : parentKey,
    );
  };

  it('refuses any changed byte, a cut file and a file that is not a bundle, each with its own message', async () => {
    for (const at of [0, 9, 70, Math.floor(good.length / 2), good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x01;
      expect(await refusal(bad)).toMatch(/^bundles\.(damagedOrNotForUs|notBundle)$/);
    }
    expect(await refusal(good.subarray(0, good.length - 100))).toBe('bundles.damagedOrNotForUs');
    expect(await refusal(good.subarray(0, 40))).toBe('bundles.damaged');
    expect(await refusal(PDF)).toBe('bundles.notBundle');
  });

  it('refuses a bundle from an unregistered post, one signed with another key, one sealed for another office', async () => {
    expect(await refusal(await craft({ officeCode: 'LBG' }))).toBe('bundles.unknownOffice');
    expect(await refusal(await craft({ signWith: 'other' }))).toBe('bundles.badSignature');
    expect(await refusal(await craft({ sealTo: 'other' }))).toBe('bundles.damagedOrNotForUs');
  });

  it('refuses counts that disagree with the data, records of another office, unknown columns, and a newer schema', async () => {
    expect(await refusal(await craft({ counts: { partners: 2 } }))).toBe('bundles.countsMismatch');
    expect(await refusal(await craft({ counts: { partners: 1, clients: 1 } }))).toBe('bundles.countsMismatch');
    expect(await refusal(await craft({ rows: craftRow({ origin: 'BKL' }) }))).toBe('bundles.foreignRecord');
    expect(await refusal(await craft({ rows: craftRow({ password: 'x' }) }))).toBe('bundles.badRow');
    expect(await refusal(await craft({ rows: '{"op":"drop","row":{}}\n' }))).toBe('bundles.badRow');
    // Lines of one table with other columns than the first line's.
    const [first, second] = [craftRow({}), craftRow({ id: CRAFTED_2, capacity: 3 })];
    expect(await refusal(await craft({ rows: first + second, counts: { partners: 2 } }))).toBe('bundles.badRow');
    expect(await refusal(await craft({ schemaVersion: LATEST_VERSION + 1 }))).toBe('bundles.newerSchema');
    // A post cannot overwrite the parent's own record by reusing its id.
    const own = await p.parent.call('partners.create', { ...PARTNER, name: 'Mitra Induk' }, p.parentAdmin);
    expect(await refusal(await craft({ rows: craftRow({ id: own.id }) }))).toBe('bundles.foreignRecord');
  });

  it('migrates a bundle from an older schema: missing columns take their defaults', async () => {
    const [seen] = await receive([await fileOf(await craft({ schemaVersion: LATEST_VERSION - 1 }))]);
    expect(seen!.status).toBe('ok');
    expect(seen!.oddities).toContainEqual({ kind: 'olderSchema', schemaVersion: LATEST_VERSION - 1 });
    // capacity, phone and the other optional columns were not in the row: they take their defaults.
    expect(p.parent.db.raw.prepare('SELECT name, phone, capacity FROM partners WHERE id = ?').get(CRAFTED_1)).toEqual({
      name: 'Mitra Rakitan',
      phone: '',
      capacity: null,
    });
  });

  it('refuses the same sequence number with other content', async () => {
    await receive([await fileOf(await craft())]);
    expect(await refusal(await craft({ rows: craftRow({ name: 'Lain' }) }))).toBe('bundles.seqReused');
  });

  it('refuses receipts that are edited, from another office, or for another post', async () => {
    await receive([p.stick]);
    const receipt = Buffer.from((await p.parent.call('bundles.receipt', { officeCode: 'CRP' }, p.parentAdmin)).base64, 'base64');
    const edited = Buffer.from(receipt.toString('utf8').replace('"seq": 1', '"seq": 2'));
    expect((await p.post.fail('bundles.readReceipt', { base64: edited.toString('base64') }, p.postAdmin)).message).toBe('bundles.receiptTampered');
    expect((await p.post.fail('bundles.readReceipt', { base64: PDF.toString('base64') }, p.postAdmin)).message).toBe('bundles.notReceipt');

    // A second post registered at the same parent: its receipt is not this post's.
    const other = makeApp();
    await other.call('setup.complete', { ...SETUP, office: { ...SETUP.office, code: 'LBG', name: 'Pos Bapas Lebong' } });
    const otherAdmin = (await other.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    await p.parent.call(
      'keys.register',
      { base64: (await other.call('keys.card', {}, otherAdmin)).base64, fingerprint: (await other.call('keys.own', {}, otherAdmin)).fingerprint },
      p.parentAdmin,
    );
    // And it knows its parent, so its bundles travel encrypted as the parent requires.
    await other.call(
      'keys.register',
      { base64: (await p.parent.call('keys.card', {}, p.parentAdmin)).base64, fingerprint: (await p.parent.call('keys.own', {}, p.parentAdmin)).fingerprint },
      otherAdmin,
    );
    await other.call('partners.create', PARTNER, otherAdmin);
    const otherStick = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    await other.call('bundles.export', { mode: 'incremental', folder: otherStick }, otherAdmin);
    await receive([otherStick]);
    const forOther = (await p.parent.call('bundles.receipt', { officeCode: 'LBG' }, p.parentAdmin)).base64;
    const before = dumpDb(p.post.db);
    expect((await p.post.fail('bundles.readReceipt', { base64: forOther }, p.postAdmin)).message).toBe('bundles.receiptOtherPost');
    expect(dumpDb(p.post.db)).toBe(before);
    // A receipt signed by an office that is not this post's parent, and one naming the parent but signed by another key.
    const stranger = makeApp();
    await stranger.call('setup.complete', { ...PARENT_SETUP, office: { ...PARENT_SETUP.office, code: 'BGL' } });
    const accepted = [
      {
        seq: 1,
        sha256: readdirSync(p.stick).length ? (await p.post.call('bundles.exports', {}, p.postAdmin))[0]!.sha256 : '',
        receivedAt: '2025-03-05T03:00:00.000Z',
      },
    ];
    const fromStranger = makeReceipt(
      { parentCode: 'BGL', postCode: 'CRP', createdAt: '2025-03-05T03:00:00.000Z', accepted },
      officeKeys(stranger.ctx).signing.privateKey,
    );
    expect((await p.post.fail('bundles.readReceipt', { base64: fromStranger.toString('base64') }, p.postAdmin)).message).toBe('bundles.receiptUnknownParent');
    const forged = makeReceipt(
      { parentCode: 'BKL', postCode: 'CRP', createdAt: '2025-03-05T03:00:00.000Z', accepted },
      officeKeys(stranger.ctx).signing.privateKey,
    );
    expect((await p.post.fail('bundles.readReceipt', { base64: forged.toString('base64') }, p.postAdmin)).message).toBe('bundles.receiptTampered');
    expect((await p.post.call('bundles.exports', {}, p.postAdmin))[0]!.acknowledgedAt).toBeNull();
    other.dispose();
    stranger.dispose();
    rmSync(otherStick, { recursive: true, force: true });
  });

  function craftRow(patch: Record<string, unknown>) {
    const name = typeof patch.name === 'string' ? patch.name : 'Mitra Rakitan';
    const row = {
      id: CRAFTED_1,
      name,
      // Derived as the partner service derives them: a row whose search words are not its own is refused.
      name_key: foldForSearch(name),
      search_text: foldForSearch(name),
      category: 'ormas',
      bidang: '["kemandirian_kepribadian"]',
      services: '[]',
      status: 'calon',
      status_date: '2025-03-01',
      created_at: '2025-03-01T00:00:00.000Z',
      updated_at: '2025-03-01T00:00:00.000Z',
      deleted_at: null,
      origin: 'CRP',
      ...patch,
    };
    return `${JSON.stringify({ op: 'upsert', row })}\n`;
  }

  async function fileOf(bytes: Buffer) {
    const dir = mkdtempSync(join(tmpdir(), 'mitra-crafted-'));
    writeFileSync(join(dir, 'paket.mlpaket'), bytes);
    return dir;
  }
});
