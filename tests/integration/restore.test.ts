import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { LATEST_VERSION } from '../../db/migrations/index';
import { encodePrefix, headerTag } from '../../electron/services/backup/format';
import { backupKeys, ownerOnlyFile, pendingRecoveryKey } from '../../electron/services/backup/keys';
import { dumpDb } from '../support/dump';
import { listing } from '../support/rebundle';
import { postWithEverything } from '../support/rebundle';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

/**
 * Restore through the dispatcher on real SQLite files: the plan (what the backup holds beside
 * today, what would be lost), the restore (every table and attachment equal to the backup's), the
 * undo (back to the state before), an older schema brought up to date, and the refusals (newer,
 * another office, a wrong recovery key, a stale confirmation) that change nothing.
 */
let app: TestApp;
let admin: string;
let outside: string;
beforeAll(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  await postWithEverything(app, admin);
  outside = mkdtempSync(join(tmpdir(), 'mitra-stick-'));
}, 60_000);
afterAll(() => {
  app.dispose();
  rmSync(outside, { recursive: true, force: true });
});

const login = async (on: TestApp = app) => (admin = (await on.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token);
/** Every attachment by name and content hash. */
const files = (on: TestApp = app) =>
  readdirSync(on.ctx.filesDir)
    .sort()
    .map(
      (n) =>
        `${n}:${createHash('sha256')
          .update(readFileSync(join(on.ctx.filesDir, n)))
          .digest('hex')}`,
    );
const later = (minutes: number) => (app.clock.now = new Date(app.clock.now.getTime() + minutes * 60_000));

describe('restoring a backup', () => {
  it('plans (what would be lost since), restores every table and attachment, and undoes back to the state before', async () => {
    later(1);
    const atBackup = { db: dumpDb(app.db), files: files() };
    const made = await app.call('backups.create', {}, admin);
    later(2);
    await app.call('partners.create', { ...PARTNER, name: 'Mitra Sesudah Cadangan' }, admin);

    const plan = await app.call('backups.restorePlan', { name: made.name }, admin);
    const partners = plan.tables.find((t) => t.table === 'partners')!;
    expect(partners).toMatchObject({ inBackup: partners.now - 1, changedSince: 1 });
    expect(plan.lostSince).toBeGreaterThanOrEqual(1);
    expect(plan).toMatchObject({ createdAt: made.createdAt, migrates: false });
    expect(plan.tables.find((t) => t.table === 'clients')!.changedSince).toBe(0);

    later(1);
    const before = { db: dumpDb(app.db), files: files() };
    const stale = await app.fail('backups.restore', { name: made.name, confirmation: '0'.repeat(32) }, admin);
    expect(stale.message).toBe('backups.restoreConfirm');
    expect(dumpDb(app.db)).toBe(before.db);

    const result = await app.call('backups.restore', { name: made.name, confirmation: plan.confirmation }, admin);
    expect(result.restoredFrom).toBe(made.createdAt);
    // The database was reopened: the content is the backup's, and everyone signs in again.
    expect(dumpDb(app.db)).toBe(atBackup.db);
    expect(files()).toEqual(atBackup.files);
    expect((await app.fail('partners.list', {}, admin)).code).toBe('UNAUTHENTICATED');
    expect(existsSync(join(app.dir, 'restore', 'pending.json'))).toBe(false);
    await login();
    expect((await app.call('audit.verify', {}, admin)).ok).toBe(true);
    const safety = (await app.call('backups.list', {}, admin)).find((b) => b.name === result.safetyBackup)!;
    expect(safety.kind).toBe('beforeRestore');
    expect((await app.call('backups.restoreStatus', {}, admin)).lastRestore).toMatchObject({ restoredFrom: made.createdAt, safetyBackup: safety.name });

    const undone = await app.call('backups.undoRestore', {}, admin);
    expect(undone.restoredFrom).toBe(safety.createdAt);
    // Before sign-in nothing has written: the state is the one before the restore, to the row.
    expect(dumpDb(app.db)).toBe(before.db);
    expect(files()).toEqual(before.files);
    await login();
    expect((await app.call('audit.verify', {}, admin)).ok).toBe(true);
    expect((await app.call('backups.restoreStatus', {}, admin)).lastRestore).toBeNull();
    expect((await app.fail('backups.undoRestore', {}, admin)).message).toBe('backups.nothingToUndo');
  }, 60_000);

  it('brings a backup of an older schema up to date after restoring', async () => {
    // The database as version 23 had it: without the restore note of migration 27.
    app.db.raw.exec(`ALTER TABLE bundle_imports DROP COLUMN after_restore`);
    app.db.raw.pragma('user_version = 23');
    const old = await app.call('backups.create', {}, admin);
    migrate(app.db.raw);
    expect(app.db.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);

    const plan = await app.call('backups.restorePlan', { name: old.name }, admin);
    expect(plan).toMatchObject({ schemaVersion: 23, migrates: true });
    await app.call('backups.restore', { name: old.name, confirmation: plan.confirmation }, admin);
    expect(app.db.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const columns = (app.db.raw.pragma('table_info(bundle_imports)') as { name: string }[]).map((r) => r.name);
    expect(columns).toContain('after_restore');
    await login();
  }, 60_000);

  it('refuses a newer backup, another office, a wrong recovery key, and changes nothing', async () => {
    const made = await app.call('backups.create', {}, admin);
    const good = readFileSync(join(app.dir, 'backups', made.name));
    const unchanged = () => ({ db: dumpDb(app.db), files: files(), folder: listing(app.dir).filter((n) => !n.startsWith('tmp')) });
    const before = unchanged();
    const refusal = async (bytes: Buffer, extra: Record<string, unknown> = {}) => {
      const file = join(outside, 'cadangan.mlcadangan');
      writeFileSync(file, bytes);
      const planned = await app.fail('backups.restorePlan', { path: file, ...extra }, admin);
      const restored = await app.fail('backups.restore', { path: file, confirmation: 'a'.repeat(32), ...extra }, admin);
      expect(restored.message).toBe(planned.message);
      expect(unchanged()).toEqual(before);
      return planned.message;
    };

    const length = good.readUInt32BE(20);
    const header = JSON.parse(good.subarray(24, 24 + length).toString());
    const newer = Buffer.from(JSON.stringify({ ...header, schemaVersion: header.schemaVersion + 1 }));
    const { key } = await backupKeys(app.ctx, ownerOnlyFile);
    const prefix = encodePrefix(newer);
    expect(
      await refusal(Buffer.concat([prefix, newer, headerTag(key, Buffer.from(header.headerIv, 'base64'), prefix, newer), good.subarray(24 + length + 16)])),
    ).toBe('backups.tooNew');
    const flipped = Buffer.from(good);
    flipped[flipped.length - 40]! ^= 1;
    expect(await refusal(flipped)).toBe('backups.damaged');

    const lebong = makeApp();
    try {
      await lebong.call('setup.complete', { ...SETUP, office: { ...SETUP.office, code: 'LBG', name: 'Pos Bapas Lebong' } });
      const t = (await lebong.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
      const theirs = await lebong.call('backups.create', {}, t);
      expect(await refusal(readFileSync(join(lebong.dir, 'backups', theirs.name)))).toBe('backups.otherOffice');
    } finally {
      lebong.dispose();
    }

    // Same office, another computer: its backup needs the Kunci Pemulihan, and a wrong one is refused.
    const twin = makeApp();
    try {
      const t = await setUpOffice(twin);
      const theirs = await twin.call('backups.create', {}, t);
      const bytes = readFileSync(join(twin.dir, 'backups', theirs.name));
      expect(await refusal(bytes)).toBe('backups.needRecoveryKey');
      const real = (await pendingRecoveryKey(twin.ctx, ownerOnlyFile))!;
      const wrong = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
      expect(await refusal(bytes, { recoveryKey: wrong })).toBe('backups.wrongRecoveryKey');
    } finally {
      twin.dispose();
    }
  }, 120_000);
});
