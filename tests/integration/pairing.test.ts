import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, SETUP, type TestApp } from '../support/app';

let post: TestApp;
let parent: TestApp;
let postAdmin: string;
let parentAdmin: string;

const PARENT_SETUP = { ...SETUP, office: { ...SETUP.office, kind: 'induk' as const, code: 'BKL', name: 'Bapas Kelas I Bengkulu', parentName: '' } };

beforeEach(async () => {
  post = makeApp();
  parent = makeApp();
  await post.call('setup.complete', SETUP);
  await parent.call('setup.complete', PARENT_SETUP);
  postAdmin = (await post.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
  parentAdmin = (await parent.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
});
afterEach(() => {
  post.dispose();
  parent.dispose();
});

const cardOf = async (app: TestApp, token: string) => (await app.call('keys.card', {}, token)).base64;

describe('keys and pairing', () => {
  it('makes the key pairs at setup in an owner-only file, and the card carries public keys only', async () => {
    const file = join(post.dir, 'keys', 'office-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const privatePem = readFileSync(file, 'utf8');
    const card = JSON.parse(Buffer.from(await cardOf(post, postAdmin), 'base64').toString('utf8'));
    expect(Object.keys(card).sort()).toEqual([
      'createdAt',
      'encryptionKey',
      'format',
      'kind',
      'officeCode',
      'officeName',
      'signature',
      'signingKey',
      'version',
    ]);
    expect(JSON.stringify(card)).not.toContain('PRIVATE');
    const own = await post.call('keys.own', {}, postAdmin);
    expect(own.fingerprint).toMatch(/^([0-9A-HJKMNP-TV-Z]{4} ){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    // The keys are stable across restarts; nothing of the private keys reaches the database or the log.
    expect((await post.call('keys.own', {}, postAdmin)).fingerprint).toBe(own.fingerprint);
    const dump = JSON.stringify(post.db.raw.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(post.db.raw.prepare('SELECT * FROM settings').all());
    expect(dump).not.toContain(privatePem.split('\n')[1]);
  });

  it('pairs a post and its parent once each side confirms the fingerprint read over the phone', async () => {
    const postCard = await cardOf(post, postAdmin);
    const seen = await parent.call('keys.readCard', { base64: postCard }, parentAdmin);
    const postOwn = await post.call('keys.own', {}, postAdmin);
    expect(seen).toEqual({ officeCode: 'CRP', officeName: 'Pos Bapas Curup', kind: 'pos', fingerprint: postOwn.fingerprint });
    // Typed back sloppily: lower case, no spaces, O for 0.
    const typed = postOwn.fingerprint.toLowerCase().replace(/ /g, '').replace(/0/g, 'o');
    const registered = await parent.call('keys.register', { base64: postCard, fingerprint: typed }, parentAdmin);
    expect(registered).toMatchObject({ officeCode: 'CRP', relation: 'post', kind: 'pos' });
    const parentCard = await cardOf(parent, parentAdmin);
    const parentOwn = await parent.call('keys.own', {}, parentAdmin);
    await post.call('keys.register', { base64: parentCard, fingerprint: parentOwn.fingerprint }, postAdmin);
    expect((await post.call('keys.list', {}, postAdmin)).map((r) => [r.officeCode, r.relation])).toEqual([['BKL', 'parent']]);
    // The audit log names the fingerprint, never a key.
    const audit = parent.db.raw.prepare(`SELECT after FROM audit_log WHERE entity = 'office_key'`).pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ officeName: 'Pos Bapas Curup', relation: 'post', fingerprint: postOwn.fingerprint });
  });

  it('refuses a wrong fingerprint, an edited card, something that is not a card, its own card and a card of the wrong kind; nothing changes', async () => {
    const postCard = await cardOf(post, postAdmin);
    const before = JSON.stringify(parent.db.raw.prepare('SELECT * FROM office_keys').all());
    const fields = async (base64: string, fingerprint: string, app = parent, token = parentAdmin) =>
      (await app.fail('keys.register', { base64, fingerprint }, token)).fields;
    expect(await fields(postCard, 'AAAA BBBB CCCC DDDD EEEE')).toEqual({ fingerprint: 'keys.fingerprintMismatch' });
    const card = JSON.parse(Buffer.from(postCard, 'base64').toString());
    const edited = Buffer.from(JSON.stringify({ ...card, officeName: 'Pos Palsu' })).toString('base64');
    expect(await fields(edited, 'x')).toEqual({ file: 'keys.cardTampered' });
    expect(await fields(Buffer.from('{"format":"zip"}').toString('base64'), 'x')).toEqual({ file: 'keys.notCard' });
    expect(await fields(Buffer.from('\x00\x01').toString('base64'), 'x')).toEqual({ file: 'keys.notCard' });
    expect(await fields(await cardOf(parent, parentAdmin), 'x')).toEqual({ file: 'keys.ownCard' });
    // A post cannot register another post as its parent.
    const other = makeApp();
    try {
      await other.call('setup.complete', { ...SETUP, office: { ...SETUP.office, code: 'KPH', name: 'Pos Bapas Kepahiang' } });
      const otherAdmin = (await other.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
      const fp = (await post.call('keys.own', {}, postAdmin)).fingerprint;
      expect(await fields(postCard, fp, other, otherAdmin)).toEqual({ file: 'keys.wrongKind.pos' });
    } finally {
      other.dispose();
    }
    expect(JSON.stringify(parent.db.raw.prepare('SELECT * FROM office_keys').all())).toBe(before);
  });

  it('keeps one parent: a second Bapas induk is refused unless the admin replaces the first', async () => {
    const parentOwn = await parent.call('keys.own', {}, parentAdmin);
    await post.call('keys.register', { base64: await cardOf(parent, parentAdmin), fingerprint: parentOwn.fingerprint }, postAdmin);
    const second = makeApp();
    try {
      await second.call('setup.complete', { ...PARENT_SETUP, office: { ...PARENT_SETUP.office, code: 'BKU', name: 'Bapas Bengkulu Utara' } });
      const secondAdmin = (await second.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
      const card = await cardOf(second, secondAdmin);
      const fp = (await second.call('keys.own', {}, secondAdmin)).fingerprint;
      const e = await post.fail('keys.register', { base64: card, fingerprint: fp }, postAdmin);
      expect([e.code, e.message, e.params]).toEqual(['CONFLICT', 'keys.parentRegistered', { code: 'BKL' }]);
      await post.call('keys.register', { base64: card, fingerprint: fp, replace: true }, postAdmin);
      expect((await post.call('keys.list', {}, postAdmin)).map((r) => r.officeCode)).toEqual(['BKU']);
    } finally {
      second.dispose();
    }
  });
});
