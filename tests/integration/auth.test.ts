import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
afterEach(() => app?.dispose());

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => (app.clock.now = new Date(app.clock.now.getTime() + ms));

describe('setup', () => {
  it('refuses everything but the wizard before setup, and names the wrong fields', async () => {
    app = makeApp();
    expect((await app.call('app.status', {})).setupDone).toBe(false);
    expect((await app.fail('partners.list', {})).code).toBe('SETUP_REQUIRED');
    expect((await app.fail('auth.login', { username: 'admin', password: 'x' })).code).toBe('SETUP_REQUIRED');
    const e = await app.fail('setup.complete', {
      ...SETUP,
      office: { ...SETUP.office, name: '', code: 'c r p', coverage: [] },
      admin: { ...SETUP.admin, passwordConfirm: 'lain-sekali' },
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toMatchObject({
      'office.name': 'v.required',
      'office.code': 'v.officeCode',
      'office.coverage': 'v.coverage',
      'admin.passwordConfirm': 'v.passwordMismatch',
    });
    const unknown = await app.fail('setup.complete', { ...SETUP, office: { ...SETUP.office, coverage: ['99.99'] } });
    expect(unknown.fields).toEqual({ 'office.coverage': 'v.wilayahUnknown' });
    expect((await app.call('app.status', {})).setupDone).toBe(false);
  });

  it('runs once', async () => {
    app = makeApp();
    await app.call('setup.complete', SETUP);
    const status = await app.call('app.status', {});
    expect(status).toMatchObject({ setupDone: true, officeName: 'Pos Bapas Curup', officeKind: 'pos', timeZone: 'WIB' });
    expect((await app.fail('setup.complete', SETUP)).code).toBe('CONFLICT');
  });
});

describe('sign-in', () => {
  it('locks the account for five minutes after five wrong passwords', async () => {
    app = makeApp();
    await setUpOffice(app);
    for (let i = 0; i < 4; i++) expect((await app.fail('auth.login', { username: 'admin', password: 'salah' })).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('auth.login', { username: 'admin', password: 'salah' })).code).toBe('ACCOUNT_LOCKED');
    expect((await app.fail('auth.login', { username: 'admin', password: SETUP.admin.password })).code).toBe('ACCOUNT_LOCKED');
    advance(minutes(5) + 1000);
    await expect(app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).resolves.toMatchObject({ user: { username: 'admin' } });
  });

  it('warns on the fourth wrong password that one attempt is left, with the count and the lock length as params', async () => {
    app = makeApp();
    await setUpOffice(app);
    for (let i = 0; i < 3; i++) {
      const e = await app.fail('auth.login', { username: 'admin', password: 'salah' });
      expect([e.code, e.message, e.params]).toEqual(['UNAUTHENTICATED', 'auth.badCredentials', undefined]);
    }
    const fourth = await app.fail('auth.login', { username: 'admin', password: 'salah' });
    expect([fourth.code, fourth.message, fourth.params]).toEqual(['UNAUTHENTICATED', 'auth.lastAttempt', { remaining: 1, minutes: 5 }]);
    const fifth = await app.fail('auth.login', { username: 'admin', password: 'salah' });
    expect([fifth.code, fifth.message]).toEqual(['ACCOUNT_LOCKED', 'auth.accountLocked']);
    expect(fifth.params?.until).toBe(new Date(app.clock.now.getTime() + minutes(5)).toISOString());
  });

  it('warns at the lock screen too before its wrong passwords lock the account', async () => {
    app = makeApp();
    const token = await setUpOffice(app);
    await app.call('auth.lock', {}, token);
    for (let i = 0; i < 3; i++) expect((await app.fail('auth.unlock', { password: 'salah' }, token)).fields).toEqual({ password: 'auth.badPassword' });
    const fourth = await app.fail('auth.unlock', { password: 'salah' }, token);
    expect([fourth.message, fourth.fields, fourth.params]).toEqual([
      'auth.badPasswordLast',
      { password: 'auth.badPasswordLast' },
      { remaining: 1, minutes: 5 },
    ]);
  });

  it('says the same for an unknown user as for a wrong password', async () => {
    app = makeApp();
    await setUpOffice(app);
    const a = await app.fail('auth.login', { username: 'siapa', password: 'salah' });
    const b = await app.fail('auth.login', { username: 'admin', password: 'salah' });
    expect([a.code, a.message]).toEqual([b.code, b.message]);
  });

  it('locks an idle session and resumes it with the password; wrong passwords count toward lockout', async () => {
    app = makeApp();
    const token = await setUpOffice(app);
    advance(minutes(14));
    await app.call('partners.list', {}, token);
    advance(minutes(15) + 1000);
    expect((await app.fail('partners.list', {}, token)).code).toBe('SESSION_LOCKED');
    expect((await app.fail('auth.unlock', { password: 'salah' }, token)).fields).toEqual({ password: 'auth.badPassword' });
    expect((await app.fail('partners.list', {}, token)).code).toBe('SESSION_LOCKED');
    await app.call('auth.unlock', { password: SETUP.admin.password }, token);
    await expect(app.call('partners.list', {}, token)).resolves.toMatchObject({ total: 0 });
    for (let i = 0; i < 5; i++) await app.call('auth.lock', {}, token).catch(() => undefined);
    for (let i = 0; i < 5; i++) await app.fail('auth.unlock', { password: 'salah' }, token);
    // The fifth wrong password locks the account and ends its sessions.
    expect((await app.fail('partners.list', {}, token)).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('auth.login', { username: 'admin', password: SETUP.admin.password })).code).toBe('ACCOUNT_LOCKED');
  });

  it('ends the sessions of a deactivated user and lets an admin reset a locked password', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const petugas = await signInAs(app, admin, 'petugas');
    const users = await app.call('users.list', {}, admin);
    const p = users.find((u) => u.username === 'petugas')!;
    await app.call('users.setActive', { id: p.id, active: false }, admin);
    expect((await app.fail('partners.list', {}, petugas)).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('auth.login', { username: 'petugas', password: 'sandi-petugas-1' })).code).toBe('UNAUTHENTICATED');
    await app.call('users.setActive', { id: p.id, active: true }, admin);
    for (let i = 0; i < 5; i++) await app.fail('auth.login', { username: 'petugas', password: 'salah' });
    await app.call('users.resetPassword', { id: p.id, password: 'sandi-baru-123', passwordConfirm: 'sandi-baru-123' }, admin);
    await expect(app.call('auth.login', { username: 'petugas', password: 'sandi-baru-123' })).resolves.toBeTruthy();
  });

  it('keeps at least one active admin', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const me = (await app.call('auth.me', {}, admin)).user;
    expect((await app.fail('users.setActive', { id: me.id, active: false }, admin)).message).toBe('users.lastAdmin');
    expect((await app.fail('users.update', { id: me.id, name: me.name, nip: '', position: '', role: 'petugas' }, admin)).message).toBe('users.lastAdmin');
    await signInAs(app, admin, 'admin', 'admin2');
    await expect(app.call('users.update', { id: me.id, name: me.name, nip: '', position: '', role: 'petugas' }, admin)).resolves.toMatchObject({
      role: 'petugas',
    });
  });
});

describe('roles are enforced by the main process', () => {
  it('gives each role exactly its rights', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const tokens = {
      pimpinan: await signInAs(app, admin, 'pimpinan'),
      operator: await signInAs(app, admin, 'operator'),
      petugas: await signInAs(app, admin, 'petugas'),
    };
    const partner = await app.call(
      'partners.create',
      { name: 'Bengkel Maju', category: 'wirausaha', bidang: ['kemandirian_kepribadian'], statusDate: '2025-03-01' },
      tokens.operator,
    );
    const forbidden = async (token: string, method: Parameters<TestApp['fail']>[0], input: unknown) =>
      expect((await app.fail(method, input, token)).code).toBe('FORBIDDEN');

    await forbidden(tokens.pimpinan, 'partners.create', { name: 'X', category: 'lainnya', bidang: ['hukum_kemasyarakatan'], statusDate: '2025-03-01' });
    await forbidden(tokens.pimpinan, 'partners.archive', { id: partner.id });
    await forbidden(tokens.pimpinan, 'pokmas.create', { name: 'K', bidang: 'hukum_kemasyarakatan' });
    await expect(app.call('partners.list', {}, tokens.pimpinan)).resolves.toMatchObject({ total: 1 });

    for (const m of ['users.list', 'settings.update', 'audit.list', 'audit.verify', 'services.create'] as const) await forbidden(tokens.operator, m, {});
    await forbidden(tokens.operator, 'partners.archive', { id: partner.id });

    await app.call('partners.archive', { id: partner.id }, tokens.petugas);
    await forbidden(tokens.petugas, 'partners.restore', { id: partner.id });
    await expect(app.call('partners.restore', { id: partner.id }, admin)).resolves.toMatchObject({ archivedAt: null });
  });
});
