import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { buildHandlers } from '../../electron/services/app';
import { backupHandlers } from '../../electron/services/backup/handlers';
import { nodeBackupIo, type BackupIo } from '../../electron/services/backup/io';
import { encodePrefix, headerTag } from '../../electron/services/backup/format';
import { backupKeys, ownerOnlyFile, pendingRecoveryKey } from '../../electron/services/backup/keys';
import { createDispatcher } from '../../electron/services/dispatch';
import { dumpDb } from '../support/dump';
import { listing, PDF } from '../support/rebundle';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

/**
 * backups.inspect on files that are not a sound backup of this office, and backups.create on a
 * disk that fails: each refusal has its own message, and neither the database nor the backups
 * folder changes.
 */
let app: TestApp;
let admin: string;
let outside: string;
let good: Buffer;
beforeAll(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  await app.call('partners.create', PARTNER, admin);
  const made = await app.call('backups.create', {}, admin);
  good = readFileSync(join(app.dir, 'backups', made.name));
  outside = mkdtempSync(join(tmpdir(), 'mitra-stick-'));
}, 30_000);
afterAll(() => {
  app.dispose();
  rmSync(outside, { recursive: true, force: true });
});

/** Inspects `bytes` (written outside the data folder), checks nothing changed and returns the refusal's message key. */
async function refusal(bytes: Buffer | null, extra: Record<string, unknown> = {}, on: TestApp = app, token = admin): Promise<string> {
  const file = join(outside, 'cadangan.mlcadangan');
  if (bytes) writeFileSync(file, bytes);
  const db = dumpDb(on.db);
  const folder = listing(join(on.dir, 'backups'));
  const error = await on.fail('backups.inspect', { path: file, ...extra }, token);
  expect(dumpDb(on.db)).toBe(db);
  expect(listing(join(on.dir, 'backups'))).toEqual(folder);
  expect(listing(join(on.dir, 'tmp'))).toEqual([]);
  return error.message;
}

describe('backups.inspect refuses', () => {
  it('what is not a backup at all', async () => {
    expect(await refusal(PDF)).toBe('backups.notBackup');
    expect(await refusal(Buffer.alloc(0))).toBe('backups.notBackup');
    expect(await refusal(Buffer.from('MITRALIPAS-PAKET'))).toBe('backups.notBackup');
    expect((await app.fail('backups.inspect', { path: outside }, admin)).message).toBe('backups.notBackup');
    expect((await app.fail('backups.inspect', { path: join(outside, 'tidak-ada') }, admin)).message).toBe('backups.notBackup');
    expect((await app.fail('backups.inspect', { name: 'cadangan-tidak-ada.mlcadangan' }, admin)).message).toBe('backups.notFound');
    expect((await app.fail('backups.inspect', { name: '../mitra-lipas.sqlite' }, admin)).message).toBe('backups.notFound');
  });

  it('a backup cut short, wherever it was cut', async () => {
    const header = good.readUInt32BE(20);
    for (const cut of [5, 21, 24 + header - 1, 24 + header + 10, 24 + header + 16 + 100, good.length - 1])
      expect(await refusal(good.subarray(0, cut)), `cut at ${cut}`).toBe('backups.truncated');
  });

  it('any one changed byte (fast-check over every position), and in the encrypted parts always as damaged', async () => {
    const partsStart = 24 + good.readUInt32BE(20) + 16;
    await fc.assert(
      fc.asyncProperty(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const changed = Buffer.from(good);
        changed[at]! ^= xor;
        const key = await refusal(changed);
        if (at >= partsStart) expect(key).toBe('backups.damaged');
        else expect(['backups.damaged', 'backups.truncated', 'backups.notBackup', 'backups.tooNew', 'backups.otherOffice']).toContain(key);
      }),
      { numRuns: 120 },
    );
    // And the last byte (the last part's tag), the first of the parts and a byte added at the end.
    for (const at of [good.length - 1, partsStart]) {
      const changed = Buffer.from(good);
      changed[at]! ^= 0x01;
      expect(await refusal(changed)).toBe('backups.damaged');
    }
    expect(await refusal(Buffer.concat([good, Buffer.from([0])]))).toBe('backups.damaged');
  }, 120_000);

  it("another office's backup", async () => {
    const lebong = makeApp();
    try {
      await lebong.call('setup.complete', { ...SETUP, office: { ...SETUP.office, code: 'LBG', name: 'Pos Bapas Lebong' } });
      const t = (await lebong.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
      const made = await lebong.call('backups.create', {}, t);
      const error = await app.fail('backups.inspect', { path: join(lebong.dir, 'backups', made.name) }, admin);
      expect(error).toMatchObject({ message: 'backups.otherOffice', params: { office: 'Pos Bapas Lebong' } });
    } finally {
      lebong.dispose();
    }
  }, 30_000);

  it("a backup made by a newer version (its header authentic under this office's own key)", async () => {
    // What a newer app would write: the same file with a higher schema version, tagged with the real key.
    const length = good.readUInt32BE(20);
    const header = JSON.parse(good.subarray(24, 24 + length).toString());
    const newer = Buffer.from(JSON.stringify({ ...header, schemaVersion: header.schemaVersion + 1 }));
    const { key } = await backupKeys(app.ctx, ownerOnlyFile);
    const prefix = encodePrefix(newer);
    const tag = headerTag(key, Buffer.from(header.headerIv, 'base64'), prefix, newer);
    expect(await refusal(Buffer.concat([prefix, newer, tag, good.subarray(24 + length + 16)]))).toBe('backups.tooNew');
    const later = Buffer.from(JSON.stringify({ ...header, version: 2 }));
    expect(await refusal(Buffer.concat([encodePrefix(later), later, tag, good.subarray(24 + length + 16)]))).toBe('backups.tooNew');
  });

  it('a backup from another computer without the Kunci Pemulihan, with a wrong one, or one mistyped', async () => {
    const fresh = makeApp();
    try {
      const t = await setUpOffice(fresh);
      expect(await refusal(good, {}, fresh, t)).toBe('backups.needRecoveryKey');
      const right = (await pendingRecoveryKey(app.ctx, ownerOnlyFile))!;
      const wrong = right.startsWith('0') ? `1${right.slice(1)}` : `0${right.slice(1)}`;
      expect(await refusal(good, { recoveryKey: wrong }, fresh, t)).toBe('backups.wrongRecoveryKey');
      expect(await refusal(good, { recoveryKey: 'ABCDE-FGHJK' }, fresh, t)).toBe('backups.recoveryKeyFormat');
      expect(await refusal(good, { recoveryKey: `${right.slice(0, -1)}U` }, fresh, t)).toBe('backups.recoveryKeyFormat');
    } finally {
      fresh.dispose();
    }
  }, 30_000);
});

const fault = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('backups.create on a failing disk', () => {
  /** Makes a backup through a dispatcher whose file system fails as `io` does; checks nothing changed. */
  async function createDuring(io: BackupIo): Promise<AppError> {
    const dispatch = createDispatcher(app.ctx, { ...buildHandlers(app.ctx), ...backupHandlers(app.ctx, io) });
    const db = dumpDb(app.db);
    const folder = listing(join(app.dir, 'backups'));
    const r = await dispatch({ method: 'backups.create', input: {}, token: admin });
    expect(r.ok).toBe(false);
    expect(dumpDb(app.db)).toBe(db);
    expect(listing(join(app.dir, 'backups'))).toEqual(folder);
    expect(listing(join(app.dir, 'tmp'))).toEqual([]);
    return AppError.fromData((r as { ok: false; error: Parameters<typeof AppError.fromData>[0] }).error);
  }

  it('says the disk is full when it fills up halfway through (and leaves no half-written file)', async () => {
    const io: BackupIo = {
      ...nodeBackupIo,
      async create(path) {
        const sink = await nodeBackupIo.create(path);
        let written = 0;
        return {
          ...sink,
          async write(data) {
            written += data.length;
            if (written > 4096) throw fault('ENOSPC');
            await sink.write(data);
          },
        };
      },
    };
    expect((await createDuring(io)).message).toBe('backups.diskFull');
  });

  it('says the folder cannot be written when it is read-only', async () => {
    const io: BackupIo = { ...nodeBackupIo, create: () => Promise.reject(fault('EROFS')) };
    expect((await createDuring(io)).message).toBe('backups.folderReadOnly');
  });

  it('says the storage failed when the flush fails, and keeps nothing of that attempt', async () => {
    const io: BackupIo = {
      ...nodeBackupIo,
      async create(path) {
        const sink = await nodeBackupIo.create(path);
        return { ...sink, sync: () => Promise.reject(fault('EIO')) };
      },
    };
    expect((await createDuring(io)).message).toBe('backups.writeFailed');
  });

  it('makes the backup once the disk is put right', async () => {
    const before = (await app.call('backups.list', {}, admin)).length;
    await app.call('backups.create', {}, admin);
    expect(await app.call('backups.list', {}, admin)).toHaveLength(before + 1);
  });
});
