import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/services/app';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';

const onWindows = process.platform === 'win32';
if (onWindows) console.info('data-folder-modes: skipped on Windows, where chmod only toggles read-only and the profile ACL guards the data folder');

let app: TestApp;
let umask: number;
// A permissive umask, as many desktops have: whatever is owner-only below is so by the app's doing.
beforeEach(() => {
  umask = process.umask(0o002);
});
afterEach(() => {
  app?.dispose();
  process.umask(umask);
});

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every path in the data folder that must be owner-only, with the mode it must have. */
function expectedModes(dir: string): [string, number][] {
  const db = join(dir, DB_FILE);
  const files = join(dir, 'files');
  return [
    [dir, 0o700],
    [db, 0o600],
    [`${db}-wal`, 0o600],
    [`${db}-shm`, 0o600],
    [files, 0o700],
    ...readdirSync(files).map((f): [string, number] => [join(files, f), 0o600]),
    [join(dir, 'keys'), 0o700],
    [join(dir, 'keys', 'office-keys.json'), 0o600],
    [join(dir, 'audit-head.json'), 0o600],
  ];
}

async function useTheApp(): Promise<void> {
  const admin = await setUpOffice(app);
  await app.call('partners.create', PARTNER, admin);
  await app.call('settings.setLogo', { base64: (await QRCode.toBuffer('LOGO', { type: 'png', width: 240 })).toString('base64') }, admin);
}

describe.skipIf(onWindows)('the data folder', () => {
  it('is owner-only: the database with its -wal and -shm, stored files, keys and the audit anchor', async () => {
    app = makeApp();
    chmodSync(app.dir, 0o775); // a data folder made by someone else's mkdir
    app.close();
    app = makeApp(undefined, { dir: app.dir });
    await useTheApp();
    const paths = expectedModes(app.dir);
    expect(readdirSync(join(app.dir, 'files')).length).toBeGreaterThan(0);
    for (const [path, want] of paths) {
      expect(existsSync(path), path).toBe(true);
      expect(mode(path).toString(8), path).toBe(want.toString(8));
    }
  });

  it('is tightened at the next start when an older version left it readable', async () => {
    app = makeApp();
    await useTheApp();
    const dir = app.dir;
    app.close();
    for (const [path, want] of expectedModes(dir)) if (existsSync(path)) chmodSync(path, want === 0o700 ? 0o755 : 0o644);
    app = makeApp(undefined, { dir });
    for (const path of [dir, join(dir, DB_FILE), join(dir, 'files'), join(dir, 'keys')])
      expect(mode(path).toString(8), path).toBe(path === join(dir, DB_FILE) ? '600' : '700');
    for (const suffix of ['-wal', '-shm']) {
      const path = join(dir, DB_FILE) + suffix;
      if (existsSync(path)) expect(mode(path).toString(8), path).toBe('600');
    }
  });
});
