import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/services/app';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

/**
 * kill -9 while a backup is made (tests/support/backup-crasher.ts): no file under a final name,
 * the database whole and unchanged, and the next start lists nothing half-made, clears what the
 * killed process left and makes a sound backup.
 */
let app: TestApp | null = null;
afterEach(() => app?.dispose());

function crash(dir: string, moment: 'midWrite' | 'beforeRename'): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/backup-crasher.ts', dir, moment], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`crasher exited ${code}: ${out}`))));
  });
}

describe('a backup killed halfway', () => {
  for (const moment of ['midWrite', 'beforeRename'] as const)
    it(`leaves no backup under a final name and the database unharmed (${moment})`, async () => {
      const first = makeApp();
      const admin = await setUpOffice(first);
      for (let i = 0; i < 5; i++) await first.call('partners.create', { ...PARTNER, name: `Mitra ${i}` }, admin);
      const before = dumpDb(first.db);
      first.close();

      await crash(first.dir, moment);
      // The killed process left its temporary file (personal data, under no final name).
      const left = readdirSync(join(first.dir, 'backups'));
      expect(left.length).toBeGreaterThan(0);
      expect(left.every((n) => n.endsWith('.sementara'))).toBe(true);
      const raw = new BetterSqlite3(join(first.dir, DB_FILE));
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();

      app = makeApp(undefined, { dir: first.dir });
      expect(dumpDb(app.db)).toBe(before);
      const token = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
      expect(await app.call('backups.list', {}, token)).toEqual([]);
      const made = await app.call('backups.create', {}, token);
      expect(readdirSync(join(first.dir, 'backups'))).toEqual([made.name]);
      expect((await app.call('backups.inspect', { name: made.name }, token)).tables.find((t) => t.table === 'partners')!.inBackup).toBe(5);
    }, 60_000);
});
