import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/services/app';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

/**
 * A database that cannot be opened at start (garbage bytes, a damaged page, a newer version)
 * starts the core in recovery mode instead of throwing: app.status says what happened, every other
 * method is refused in words, the latest good backup can be restored (the app then runs normally
 * on it, the damaged file kept), and what can still be read can be copied into a new file.
 */
let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.dispose();
  apps = [];
});

/** An office with a backup, then more work after it; closed. Returns the folder and the backup's state. */
async function officeWithBackup(): Promise<{ dir: string; atBackup: string; made: string }> {
  const first = makeApp();
  apps.push(first);
  const admin = await setUpOffice(first);
  for (let i = 0; i < 30; i++) await first.call('partners.create', { ...PARTNER, name: `Mitra ${i}` }, admin);
  first.clock.now = new Date(first.clock.now.getTime() + 60_000);
  const atBackup = dumpDb(first.db);
  const made = await first.call('backups.create', {}, admin);
  await first.call('partners.create', { ...PARTNER, name: 'Mitra Sesudah Cadangan' }, admin);
  first.close();
  return { dir: first.dir, atBackup, made: made.name };
}

const reopen = (dir: string) => {
  const a = makeApp(undefined, { dir });
  apps.push(a);
  return a;
};

describe('recovery mode at start', () => {
  it('garbage in the database file: the recovery state, other methods refused, and the latest good backup restored', async () => {
    const { dir, atBackup, made } = await officeWithBackup();
    const garbage = Buffer.alloc(64 * 1024, 0x5a);
    writeFileSync(join(dir, DB_FILE), garbage);

    const app = reopen(dir);
    expect(app.recovery).toBe('notDatabase');
    const status = await app.call('app.status', {});
    expect(status.recovery).toEqual({ problem: 'notDatabase', latestGood: { name: made, createdAt: expect.any(String) } });
    expect((await app.fail('auth.login', { username: 'admin', password: SETUP.admin.password })).message).toBe('recovery.active');
    expect((await app.fail('partners.list', {})).message).toBe('recovery.active');
    expect((await app.fail('recovery.salvage', {})).message).toBe('recovery.nothingReadable');
    // Nothing of it wrote to the damaged file.
    expect(readFileSync(join(dir, DB_FILE))).toEqual(garbage);

    const result = await app.call('recovery.restoreLatest', {});
    expect(result).toMatchObject({ safetyBackup: null });
    expect(app.recovery).toBeNull();
    expect(dumpDb(app.db)).toBe(atBackup);
    const kept = readdirSync(join(dir, 'salinan')).filter((n) => n.startsWith('basis-data-rusak-'));
    expect(kept.length).toBe(1);
    expect(readFileSync(join(dir, 'salinan', kept[0]!))).toEqual(garbage);
    const token = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    expect((await app.call('partners.list', {}, token)).rows.length).toBe(30);
    expect((await app.call('audit.verify', {}, token)).ok).toBe(true);
    // With a sound database the recovery methods refuse.
    expect((await app.fail('recovery.restoreLatest', {})).message).toBe('recovery.notNeeded');
    expect((await app.fail('recovery.salvage', {})).message).toBe('recovery.notNeeded');
  }, 60_000);

  it('a damaged page: recovery mode, and the readable tables copied into a new file', async () => {
    const { dir } = await officeWithBackup();
    const file = join(dir, DB_FILE);
    // The partners table's root page overwritten: the file still opens, its check fails.
    const raw = new BetterSqlite3(file);
    const root = (raw.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'partners'`).get() as { rootpage: number }).rootpage;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    const size = statSync(file).size;

    const app = reopen(dir);
    expect(app.recovery).toBe('corrupt');
    expect((await app.call('app.status', {})).recovery?.problem).toBe('corrupt');
    const copy = await app.call('recovery.salvage', {});
    expect(existsSync(copy.path)).toBe(true);
    expect(copy.tables.find((t) => t.table === 'partners')).toMatchObject({ complete: false });
    const users = copy.tables.find((t) => t.table === 'users')!;
    expect(users).toMatchObject({ complete: true, rows: 1 });
    const out = new BetterSqlite3(copy.path, { readonly: true });
    expect((out.prepare('SELECT username FROM users').get() as { username: string }).username).toBe('admin');
    out.close();
    expect(statSync(file).size).toBe(size);
  }, 60_000);

  it('a database from a newer version: recovery mode, not a crash', async () => {
    const { dir } = await officeWithBackup();
    const raw = new BetterSqlite3(join(dir, DB_FILE));
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(join(dir, DB_FILE));
    const app = reopen(dir);
    expect(app.recovery).toBe('tooNew');
    expect((await app.call('app.status', {})).recovery?.problem).toBe('tooNew');
    expect(readFileSync(join(dir, DB_FILE))).toEqual(before);
  }, 60_000);

  it('checkDatabase runs the full check on demand', async () => {
    const app = makeApp();
    apps.push(app);
    const admin = await setUpOffice(app);
    expect(await app.call('backups.checkDatabase', {}, admin)).toEqual({ ok: true, checkedAt: app.clock.now.toISOString(), problems: 0 });
  });
});
