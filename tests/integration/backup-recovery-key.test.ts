import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, PARTNER, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';

/**
 * The Kunci Pemulihan through the dispatcher: shown (and printable) until the admin confirms it was
 * written down, then refused; a new one re-wraps the backup key, and each backup opens elsewhere
 * with the key of its time: the old ones with the old key, the new ones with the new.
 */
let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  await app.call('partners.create', PARTNER, admin);
}, 30_000);
afterAll(() => app.dispose());

const keyOf = (groups: readonly string[]) => groups.join('-');
const keyFile = () => readFileSync(join(app.dir, 'keys', 'backup-key.json'), 'utf8');

/** Opens `file` in a fresh data folder of the same office with `recoveryKey`; the refusal's message, or 'opened'. */
async function openElsewhere(file: string, recoveryKey: string): Promise<string> {
  const other = makeApp();
  try {
    const otherAdmin = await setUpOffice(other);
    const r = await other.dispatch({ method: 'backups.inspect', input: { path: file, recoveryKey }, token: otherAdmin });
    return r.ok ? 'opened' : r.error.message;
  } finally {
    other.dispose();
  }
}

describe('the Kunci Pemulihan', () => {
  it('is asked for on Home until written down, shown in groups of five, and printable while shown', async () => {
    expect((await app.call('backups.status', {}, admin)).recoveryKeyPending).toBe(true);
    const view = await app.call('backups.recoveryKey', {}, admin);
    if (view.state !== 'show') throw new Error('expected the key to be shown');
    expect(view.groups).toHaveLength(5);
    for (const g of view.groups) expect(g).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}$/);
    // Asked again before the confirmation: the same key.
    expect(await app.call('backups.recoveryKey', {}, admin)).toEqual(view);
    const sheet = await app.call('backups.recoveryKeySheet', {}, admin);
    expect(sheet.mime).toBe('text/html');
    const html = Buffer.from(sheet.base64, 'base64').toString('utf8');
    expect(html).toContain(view.groups.join(' '));
    expect(html).toContain(SETUP.office.name);
    expect(html).toContain('brankas kantor');
  });

  it('is shown once: after "Sudah saya catat" its stored copy is gone and every later call says so', async () => {
    const view = await app.call('backups.recoveryKey', {}, admin);
    if (view.state !== 'show') throw new Error('expected the key to be shown');
    expect(await app.call('backups.confirmRecoveryKey', {}, admin)).toEqual({ state: 'shown', createdAt: view.createdAt });
    expect(JSON.parse(keyFile()).pendingRecoveryKey).toBeNull();
    expect(keyFile()).not.toContain(keyOf(view.groups));
    expect(await app.call('backups.recoveryKey', {}, admin)).toEqual({ state: 'shown', createdAt: view.createdAt });
    expect((await app.fail('backups.recoveryKeySheet', {}, admin)).message).toBe('backups.recoveryKeyShown');
    expect((await app.call('backups.status', {}, admin)).recoveryKeyPending).toBe(false);
  });

  it('is for the admin alone', async () => {
    const pimpinan = await signInAs(app, admin, 'pimpinan');
    for (const m of ['backups.recoveryKey', 'backups.recoveryKeySheet', 'backups.confirmRecoveryKey', 'backups.newRecoveryKey'] as const)
      expect((await app.fail(m, {}, pimpinan)).code).toBe('FORBIDDEN');
  });

  it('renewed, re-wraps the backup key: old backups open with the old key, new ones with the new', async () => {
    // An office of its own, so the first key is known from its first view.
    const fresh = makeApp();
    try {
      const freshAdmin = await setUpOffice(fresh);
      const first = await fresh.call('backups.recoveryKey', {}, freshAdmin);
      if (first.state !== 'show') throw new Error('expected the key to be shown');
      const oldBackup = await fresh.call('backups.create', {}, freshAdmin);
      await fresh.call('backups.confirmRecoveryKey', {}, freshAdmin);

      fresh.clock.now = new Date(fresh.clock.now.getTime() + 60_000);
      const renewed = await fresh.call('backups.newRecoveryKey', {}, freshAdmin);
      if (renewed.state !== 'show') throw new Error('expected the new key to be shown');
      expect(keyOf(renewed.groups)).not.toBe(keyOf(first.groups));
      expect((await fresh.call('backups.status', {}, freshAdmin)).recoveryKeyPending).toBe(true);
      const newBackup = await fresh.call('backups.create', {}, freshAdmin);
      // This computer still opens both with its own key.
      for (const b of [oldBackup, newBackup]) expect((await fresh.call('backups.inspect', { name: b.name }, freshAdmin)).openedWithRecoveryKey).toBe(false);

      const path = (name: string) => join(fresh.dir, 'backups', name);
      expect(await openElsewhere(path(oldBackup.name), keyOf(first.groups))).toBe('opened');
      expect(await openElsewhere(path(oldBackup.name), keyOf(renewed.groups))).toBe('backups.wrongRecoveryKey');
      expect(await openElsewhere(path(newBackup.name), keyOf(renewed.groups))).toBe('opened');
      expect(await openElsewhere(path(newBackup.name), keyOf(first.groups))).toBe('backups.wrongRecoveryKey');
    } finally {
      fresh.dispose();
    }
  }, 60_000);
});
