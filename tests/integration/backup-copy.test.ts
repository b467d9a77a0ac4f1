import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupCopyProgress } from '../../shared/backupPanel';
import { buildHandlers } from '../../electron/services/app';
import { backupPanelHandlers } from '../../electron/services/backup/panelHandlers';
import { nodeBackupIo, type BackupIo } from '../../electron/services/backup/io';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatch';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

/**
 * "Cadangkan ke media lain" through the dispatcher: the newest backup (or one made now) written to
 * a chosen folder under a temporary name, read back and compared, then renamed; the last copy is
 * what Home's reminder reads. A failing medium (full, read-only, pulled out, a byte changed on the
 * way) and a cancel leave nothing under the final name in the folder.
 */
let app: TestApp;
let admin: string;
let stick: string;
beforeAll(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  await app.call('partners.create', PARTNER, admin);
}, 30_000);
afterAll(() => {
  app.dispose();
  rmSync(stick, { recursive: true, force: true });
});

const fault = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const folder = () => (stick = mkdtempSync(join(tmpdir(), 'mitra-stick-')));

async function finished(start: BackupCopyProgress, dispatch?: Dispatch): Promise<BackupCopyProgress> {
  for (;;) {
    const r = dispatch
      ? await dispatch({ method: 'backups.progress', input: { copyId: start.copyId }, token: admin })
      : { ok: true as const, value: await app.call('backups.progress', { copyId: start.copyId }, admin) };
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const p = r.value as BackupCopyProgress;
    if (p.phase !== 'writing' && p.phase !== 'checking') return p;
    await new Promise((ok) => setTimeout(ok, 5));
  }
}

/** A dispatcher whose copies go through `io`. */
const withIo = (io: BackupIo) => createDispatcher(app.ctx, { ...buildHandlers(app.ctx), ...backupPanelHandlers(app.ctx, io) });
async function copyWith(io: BackupIo, target: string): Promise<BackupCopyProgress> {
  const dispatch = withIo(io);
  const r = await dispatch({ method: 'backups.copy', input: { folder: target }, token: admin });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return finished(r.value as BackupCopyProgress, dispatch);
}

describe('a copy to another medium', () => {
  it('with no backup yet makes one, copies it byte for byte, and Home stops reminding', async () => {
    const before = await app.call('backups.status', {}, admin);
    expect(before).toMatchObject({ lastCopyAt: null, copyOverdue: true, lastBackupAt: null });
    const target = folder();
    const done = await finished(await app.call('backups.copy', { folder: target }, admin));
    const [newest] = await app.call('backups.list', {}, admin);
    expect(done).toMatchObject({ phase: 'done', error: null, filename: newest!.name });
    expect(done.done).toBe(done.total);
    expect(readdirSync(target)).toEqual([newest!.name]);
    expect(sha(readFileSync(join(target, newest!.name)))).toBe(sha(readFileSync(join(app.dir, 'backups', newest!.name))));
    // The copy opens as a backup of this office.
    expect((await app.call('backups.inspect', { path: join(target, newest!.name) }, admin)).officeCode).toBeTruthy();
    expect(await app.call('backups.status', {}, admin)).toMatchObject({ lastCopyAt: app.clock.now.toISOString(), copyOverdue: false });
  });

  it('reminds again once the last copy is older than the setting', async () => {
    await app.call('backups.saveSettings', { hourly: 24, daily: 14, monthly: 12, copyReminderDays: 3 }, admin);
    app.clock.now = new Date(app.clock.now.getTime() + 4 * 86_400_000);
    // Signed in again: the session locked itself over the idle days.
    admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    expect((await app.call('backups.status', {}, admin)).copyOverdue).toBe(true);
  });

  it('refuses a folder that does not exist, with nothing written', async () => {
    const e = await app.fail('backups.copy', { folder: join(tmpdir(), 'tidak-ada-folder-ini') }, admin);
    expect(e).toMatchObject({ message: 'backups.copyNoFolder', fields: { folder: 'backups.copyNoFolder' } });
  });

  const cases: [string, BackupIo, string][] = [
    ['a full disk halfway through', sinkFailing((written) => (written > 1000 ? fault('ENOSPC') : null)), 'backups.copyDiskFull'],
    ['a read-only folder', { ...nodeBackupIo, create: () => Promise.reject(fault('EROFS')) }, 'backups.copyReadOnly'],
    ['a stick pulled out mid-write', sinkFailing((written) => (written > 1000 ? fault('EIO') : null)), 'backups.copyMediumGone'],
    ['a byte changed on the way (read back differs)', corrupting(), 'backups.copyMismatch'],
  ];
  for (const [what, io, message] of cases)
    it(`says what went wrong on ${what}, and leaves no file in the folder`, async () => {
      const status = await app.call('backups.status', {}, admin);
      const target = folder();
      const done = await copyWith(io, target);
      expect(done).toMatchObject({ phase: 'failed', error: message, filename: null });
      expect(readdirSync(target)).toEqual([]);
      // The last good copy stays the one Home reads.
      expect((await app.call('backups.status', {}, admin)).lastCopyAt).toBe(status.lastCopyAt);
    });

  it('stops on cancel and leaves nothing in the folder', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    let writes = 0;
    const io: BackupIo = {
      ...nodeBackupIo,
      async create(path) {
        const sink = await nodeBackupIo.create(path);
        return {
          ...sink,
          async write(data) {
            // The first chunk waits until the cancel has been asked for.
            if (writes++ === 0) await held;
            await sink.write(data);
          },
        };
      },
    };
    const target = folder();
    const dispatch = withIo(io);
    const started = await dispatch({ method: 'backups.copy', input: { folder: target }, token: admin });
    const copyId = (started as { value: BackupCopyProgress }).value.copyId;
    while (writes === 0) await new Promise((ok) => setTimeout(ok, 5));
    await dispatch({ method: 'backups.cancelCopy', input: { copyId }, token: admin });
    release();
    const done = await finished((started as { value: BackupCopyProgress }).value, dispatch);
    expect(done.phase).toBe('cancelled');
    expect(readdirSync(target)).toEqual([]);
  });
});

function sinkFailing(failAt: (written: number) => Error | null): BackupIo {
  return {
    ...nodeBackupIo,
    async create(path) {
      const sink = await nodeBackupIo.create(path);
      let written = 0;
      return {
        ...sink,
        async write(data) {
          written += data.length;
          const e = failAt(written);
          if (e) throw e;
          await sink.write(data);
        },
      };
    },
  };
}

/** Writes every byte but flips one: what a failing stick does without a word. */
function corrupting(): BackupIo {
  return {
    ...nodeBackupIo,
    async create(path) {
      const sink = await nodeBackupIo.create(path);
      let first = true;
      return {
        ...sink,
        async write(data) {
          const copy = Buffer.from(data);
          if (first && copy.length > 100) copy[100] = copy[100]! ^ 0xff;
          first = false;
          await sink.write(copy);
        },
      };
    },
  };
}
