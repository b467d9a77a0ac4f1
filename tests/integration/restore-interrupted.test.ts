import QRCode from 'qrcode';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/dump';
import { listing } from '../support/rebundle';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

/**
 * kill -9 during a restore (tests/support/restore-crasher.ts), at every kind of moment: after the
 * restart the data folder holds either the old state or the restored one, whole (every table's
 * rows and every attachment), never a mix, and nothing of the swap is left over.
 */
let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.dispose();
  apps = [];
});

function crash(dir: string, name: string, moment: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/restore-crasher.ts', dir, name, moment], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`crasher exited ${code}: ${out}`))));
  });
}

const state = (a: TestApp) => ({ db: dumpDb(a.db), files: readdirSync(a.ctx.filesDir).sort() });

describe('a restore killed halfway', () => {
  const moments = [
    ['staged', 'old'],
    ['committed', 'restored'],
    ['database:out', 'restored'],
    ['database:in', 'restored'],
    ['files:out', 'restored'],
    ['anchor:in', 'restored'],
    ['marker:removed', 'restored'],
  ] as const;
  for (const [moment, expected] of moments)
    it(`leaves the ${expected} state after the restart (killed at ${moment})`, async () => {
      const first = makeApp();
      apps.push(first);
      const admin = await setUpOffice(first);
      await first.call('partners.create', { ...PARTNER, name: 'Mitra di Cadangan' }, admin);
      await first.call('settings.setLogo', { base64: await logo('SEBELUM') }, admin);
      first.clock.now = new Date(first.clock.now.getTime() + 60_000);
      const restored = state(first);
      const made = await first.call('backups.create', {}, admin);
      await first.call('partners.create', { ...PARTNER, name: 'Mitra Sesudah Cadangan' }, admin);
      await first.call('settings.setLogo', { base64: await logo('SESUDAH') }, admin);
      const old = state(first);
      expect(old).not.toEqual(restored);
      first.close();

      await crash(first.dir, made.name, moment);
      const again = makeApp(undefined, { dir: first.dir });
      apps.push(again);
      expect(state(again)).toEqual(expected === 'old' ? old : restored);
      expect(listing(join(first.dir, 'restore')).filter((n) => n !== 'last.json')).toEqual([]);
      const token = (await again.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
      expect((await again.call('audit.verify', {}, token)).ok).toBe(true);
    }, 60_000);
});

/** A logo (an attachment, under files/) that differs between the two states. */
const logo = async (text: string) => (await QRCode.toBuffer(text, { type: 'png', width: 240 })).toString('base64');
