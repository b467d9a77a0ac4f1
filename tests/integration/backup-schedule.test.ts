import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportStatus } from '../../shared/types';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

/**
 * When backups are made by themselves, on the test clock: at start when the newest is older than a
 * day, after an hour of use with a change, at close, and before an import of many rows; a failing
 * one is reported in backups.status and breaks nothing.
 */
const HOUR = 3_600_000;
const later = (app: TestApp, ms: number) => (app.clock.now = new Date(app.clock.now.getTime() + ms));
const reasons = (app: TestApp) =>
  (existsSync(join(app.dir, 'backups')) ? readdirSync(join(app.dir, 'backups')) : [])
    .map((n) => /-(atStart|scheduled|atClose|beforeImport|manual)(-\d+)?\.mlcadangan$/.exec(n)?.[1])
    .sort();

const open: TestApp[] = [];
const track = (app: TestApp) => (open.push(app), app);
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

describe('the backup schedule', () => {
  it('makes one at start when the newest backup is older than a day, and none when it is recent', async () => {
    const first = makeApp();
    const admin = await setUpOffice(first);
    await first.call('backups.create', {}, admin);
    first.close();
    // Two days later the app starts again: one at start, made without any call.
    const reopened = makeApp(new Date('2025-03-07T03:00:00Z'), { dir: first.dir, backupSchedule: 'auto' });
    await reopened.backupSchedule.idle();
    expect(reasons(reopened)).toEqual(['atStart', 'manual']);
    reopened.close();
    // An hour after that: the newest is fresh, so none.
    const again = track(makeApp(new Date('2025-03-07T04:00:00Z'), { dir: first.dir, backupSchedule: 'auto' }));
    await again.backupSchedule.idle();
    expect(reasons(again)).toEqual(['atStart', 'manual']);
  }, 30_000);

  it('makes one after an hour of use with a change, and none without one', async () => {
    const app = track(makeApp());
    const admin = await setUpOffice(app);
    await app.call('partners.create', PARTNER, admin);
    later(app, 30 * 60_000);
    expect(await app.backupSchedule.tick()).toBeNull();
    later(app, 31 * 60_000);
    expect(await app.backupSchedule.tick()).toMatchObject({ verified: true });
    expect(reasons(app)).toEqual(['scheduled']);
    // Another hour, nothing committed: none.
    later(app, 2 * HOUR);
    expect(await app.backupSchedule.tick()).toBeNull();
    expect(reasons(app)).toEqual(['scheduled']);
    // A change, an hour: one more.
    await app.call('partners.create', { ...PARTNER, name: 'Mitra kedua' }, await login(app));
    later(app, HOUR);
    await app.backupSchedule.tick();
    expect(reasons(app)).toEqual(['scheduled', 'scheduled']);
  }, 30_000);

  it('makes one at close when something changed, and the close happens', async () => {
    const app = makeApp();
    const admin = await setUpOffice(app);
    await app.call('partners.create', PARTNER, admin);
    await app.shutdown();
    expect(app.db.raw.open).toBe(false);
    const reopened = track(makeApp(app.clock.now, { dir: app.dir }));
    expect(reasons(reopened)).toEqual(['atClose']);
    const [made] = await reopened.call('backups.list', {}, await login(reopened));
    expect(made).toMatchObject({ verified: true });
  }, 30_000);

  it('closes even when the backup at close fails, and reports a failed automatic backup on the status', async () => {
    const app = track(makeApp());
    let admin = await setUpOffice(app);
    await app.call('partners.create', PARTNER, admin);
    // The scratch folder is a file: no backup can be made.
    rmSync(join(app.dir, 'tmp'), { recursive: true, force: true });
    writeFileSync(join(app.dir, 'tmp'), 'bukan folder');
    later(app, HOUR);
    expect(await app.backupSchedule.tick()).toBeNull();
    // Signed in again: the session locked itself over the idle hour.
    admin = await login(app);
    const status = await app.call('backups.status', {}, admin);
    expect(status.lastFailure).toEqual({ at: app.clock.now.toISOString(), message: 'backups.autoFailed' });
    expect(reasons(app)).toEqual([]);
    // The app goes on answering, and the close happens.
    await app.call('partners.create', { ...PARTNER, name: 'Mitra sesudah gagal' }, admin);
    await app.shutdown();
    expect(app.db.raw.open).toBe(false);
  }, 30_000);

  it('makes a before-import backup of the state before an import of many rows, and none for a few', async () => {
    const app = track(makeApp());
    const admin = await setUpOffice(app);
    const csv = (n: number, from = 0) =>
      Buffer.from(
        `No. Register,Nama,Jenis Kelamin,Program,Tgl Mulai Bimbingan,Tgl Akhir Bimbingan\n${Array.from({ length: n }, (_, i) => `R-${from + i},Klien ${from + i},L,PB,2025-01-01,2025-12-31`).join('\n')}\n`,
      );
    async function importRows(bytes: Buffer): Promise<ImportStatus> {
      const settle = async (jobId: string) => {
        for (;;) {
          const s = await app.call('imports.status', { jobId }, admin);
          if (s.phase !== 'reading' && s.phase !== 'checking') return s;
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      const opened = await app.call('imports.open', { filename: 'klien.csv', base64: bytes.toString('base64') }, admin);
      await settle(opened.jobId);
      const cols = await app.call('imports.columns', { jobId: opened.jobId, sheet: 0 }, admin);
      await app.call('imports.check', { jobId: opened.jobId, sheet: 0, headerRow: cols.headerRow, mapping: cols.mapping }, admin);
      expect((await settle(opened.jobId)).phase).toBe('checked');
      return app.call('imports.commit', { jobId: opened.jobId }, admin);
    }
    await importRows(csv(5));
    expect(reasons(app)).toEqual([]);
    expect((await importRows(csv(60, 100))).phase).toBe('committed');
    expect(reasons(app)).toEqual(['beforeImport']);
    const [made] = await app.call('backups.list', {}, admin);
    expect(made!.kind).toBe('beforeImport');
    // Made before the rows went in: it holds the 5 clients of before, not the 60.
    const clients = (await app.call('backups.inspect', { name: made!.name }, admin)).tables.find((t) => t.table === 'clients')!;
    expect(clients).toMatchObject({ inBackup: 5, now: 65 });
  }, 60_000);
});

async function login(app: TestApp): Promise<string> {
  return (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
}
