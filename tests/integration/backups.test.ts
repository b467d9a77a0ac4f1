import BetterSqlite3 from 'better-sqlite3';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerOnlyFile, pendingRecoveryKey } from '../../electron/services/backup/keys';
import { makeApp, PARTNER, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';
import { postWithEverything } from '../support/rebundle';

/**
 * Backups through the dispatcher on real SQLite files: made with the online backup API, checked
 * before they get their final name, listed, and opened again (here and, with the Kunci Pemulihan
 * alone, in another data folder of the same office).
 */
let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  await postWithEverything(app, admin);
}, 60_000);
afterAll(() => app.dispose());

const backupsDir = () => join(app.dir, 'backups');
function tableCounts(file: string): Record<string, number> {
  const db = new BetterSqlite3(file, { readonly: true });
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name);
  const out = Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
  db.close();
  return out;
}

describe('making and checking a backup', () => {
  it('writes one verified file, lists it, and inspect finds every table with the rows the database has', async () => {
    expect(await app.call('backups.list', {}, admin)).toEqual([]);
    const made = await app.call('backups.create', {}, admin);
    expect(made).toMatchObject({ kind: 'manual', verified: true, createdAt: app.clock.now.toISOString() });
    // Only the finished file is in the folder: no temporary name, no scratch copy of the database left.
    expect(readdirSync(backupsDir())).toEqual([made.name]);
    expect(readdirSync(join(app.dir, 'tmp'))).toEqual([]);
    expect(await app.call('backups.list', {}, admin)).toEqual([made]);

    const seen = await app.call('backups.inspect', { name: made.name }, admin);
    const live = tableCounts(join(app.dir, 'mitra-lipas.sqlite'));
    expect(Object.keys(live).length).toBeGreaterThan(20);
    expect(seen.tables).toEqual(
      Object.keys(live)
        .sort()
        .map((table) => ({ table, inBackup: live[table], now: live[table] })),
    );
    expect(seen.tables.find((t) => t.table === 'clients')!.inBackup).toBe(1);
    expect(seen).toMatchObject({ officeCode: SETUP.office.code, reason: 'manual', openedWithRecoveryKey: false, files: readdirSync(app.ctx.filesDir).length });
    expect(seen.files).toBeGreaterThan(0);
  });

  it('holds no client name, NIK or key in the clear, and nothing of the keys reaches a result', async () => {
    const made = (await app.call('backups.list', {}, admin))[0]!;
    const bytes = readFileSync(join(backupsDir(), made.name));
    const client = (await app.call('clients.list', {}, admin)).rows[0]!;
    for (const secret of [client.name, client.nik ?? '3201010101010001', 'PRIVATE KEY']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    const recovery = (await pendingRecoveryKey(app.ctx, ownerOnlyFile))!;
    const key = JSON.parse(readFileSync(join(app.dir, 'keys', 'backup-key.json'), 'utf8')).backupKey as string;
    const answers = JSON.stringify([await app.call('backups.list', {}, admin), await app.call('backups.inspect', { name: made.name }, admin)]);
    for (const secret of [recovery, recovery.replace(/-/g, ''), key]) expect(answers).not.toContain(secret);
    expect(bytes.includes(Buffer.from(recovery.replace(/-/g, '')))).toBe(false);
  });

  it('shows what changed since: today counts beside the backup', async () => {
    const [made] = await app.call('backups.list', {}, admin);
    await app.call('partners.create', { ...PARTNER, name: 'Mitra sesudah cadangan' }, admin);
    const seen = await app.call('backups.inspect', { name: made!.name }, admin);
    const partners = seen.tables.find((t) => t.table === 'partners')!;
    expect(partners.now).toBe(partners.inBackup + 1);
  });

  it('is made while other calls write, and the app answers them meanwhile', async () => {
    const writes: Promise<unknown>[] = [];
    let backupDone = false;
    let answeredMeanwhile = 0;
    const backup = app.call('backups.create', {}, admin).finally(() => (backupDone = true));
    for (let i = 0; i < 30; i++)
      writes.push(app.call('partners.create', { ...PARTNER, name: `Mitra selama cadangan ${i}` }, admin).then(() => void (backupDone || answeredMeanwhile++)));
    const [made] = await Promise.all([backup, ...writes]);
    expect(answeredMeanwhile).toBeGreaterThan(0);
    const seen = await app.call('backups.inspect', { name: (made as { name: string }).name }, admin);
    const partners = seen.tables.find((t) => t.table === 'partners')!;
    // A consistent snapshot: some or all of the writes, and the file passed its check.
    expect(partners.now - partners.inBackup).toBeGreaterThanOrEqual(0);
    expect(partners.now - partners.inBackup).toBeLessThanOrEqual(30);
  });

  it('opens in another data folder of the same office with the Kunci Pemulihan alone', async () => {
    const [made] = await app.call('backups.list', {}, admin);
    const file = join(backupsDir(), made!.name);
    const other = makeApp();
    try {
      const otherAdmin = await setUpOffice(other);
      expect(await other.fail('backups.inspect', { path: file }, otherAdmin)).toMatchObject({ message: 'backups.needRecoveryKey' });
      const recoveryKey = (await pendingRecoveryKey(app.ctx, ownerOnlyFile))!;
      expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
      // Typed as a person would: lower case, spaces instead of dashes.
      const seen = await other.call('backups.inspect', { path: file, recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') }, otherAdmin);
      expect(seen).toMatchObject({ openedWithRecoveryKey: true, officeCode: SETUP.office.code });
    } finally {
      other.dispose();
    }
  }, 30_000);

  it('lets the pimpinan see the list and nobody but the admin make or check one', async () => {
    const pimpinan = await signInAs(app, admin, 'pimpinan');
    expect((await app.call('backups.list', {}, pimpinan)).length).toBeGreaterThan(0);
    expect(await app.fail('backups.create', {}, pimpinan)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('thins the folder after each new backup: the newest 12 made by hand stay', async () => {
    for (let i = 0; i < 14; i++) {
      app.clock.now = new Date(app.clock.now.getTime() + 60_000);
      await app.call('backups.create', {}, admin);
    }
    const listed = await app.call('backups.list', {}, admin);
    expect(listed).toHaveLength(12);
    expect(readdirSync(backupsDir()).sort()).toEqual(listed.map((b) => b.name).sort());
    expect(listed[0]!.createdAt).toBe(app.clock.now.toISOString());
  }, 60_000);

  it('removes what a killed attempt left when the next one starts', async () => {
    rmSync(join(app.dir, 'tmp'), { recursive: true, force: true });
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(app.dir, 'tmp'));
    writeFileSync(join(backupsDir(), 'cadangan-X.mlcadangan.999999.sementara'), 'half');
    writeFileSync(join(app.dir, 'tmp', 'snapshot-999999-abc.sqlite'), 'half');
    await app.call('backups.create', {}, admin);
    expect(readdirSync(backupsDir()).filter((n) => n.endsWith('.sementara'))).toEqual([]);
    expect(readdirSync(join(app.dir, 'tmp'))).toEqual([]);
  });
});
