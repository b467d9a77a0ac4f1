import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
afterEach(() => app?.dispose());

const PETUGAS_PASSWORD = 'sandi-petugas-1';

describe('lockout holds when wrong passwords arrive at once', () => {
  it('locks the account after twenty parallel wrong logins, and refuses the right password', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    await signInAs(app, admin, 'petugas');
    const results = await Promise.all(Array.from({ length: 20 }, () => app.fail('auth.login', { username: 'petugas', password: 'salah' })));
    expect(results.every((e) => e.code === 'UNAUTHENTICATED' || e.code === 'ACCOUNT_LOCKED')).toBe(true);
    expect(results.some((e) => e.code === 'ACCOUNT_LOCKED')).toBe(true);
    const petugas = (await app.call('users.list', {}, admin)).find((u) => u.username === 'petugas')!;
    expect(petugas.lockedUntil).not.toBeNull();
    expect((await app.fail('auth.login', { username: 'petugas', password: PETUGAS_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses a right password whose hash finished while parallel wrong ones locked the account', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    await signInAs(app, admin, 'petugas');
    const wrong = Array.from({ length: 10 }, () => app.fail('auth.login', { username: 'petugas', password: 'salah' }));
    // Started after the wrong ones, so its hash finishes after most of them have counted.
    const right = app.dispatch({ method: 'auth.login', input: { username: 'petugas', password: PETUGAS_PASSWORD }, token: null });
    await Promise.all(wrong);
    const r = await right;
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('locks the account after twenty parallel wrong passwords at the lock screen', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const token = await signInAs(app, admin, 'petugas');
    await app.call('auth.lock', {}, token);
    const results = await Promise.all(Array.from({ length: 20 }, () => app.fail('auth.unlock', { password: 'salah' }, token)));
    expect(results.every((e) => ['VALIDATION', 'UNAUTHENTICATED', 'ACCOUNT_LOCKED'].includes(e.code))).toBe(true);
    const petugas = (await app.call('users.list', {}, admin)).find((u) => u.username === 'petugas')!;
    expect(petugas.lockedUntil).not.toBeNull();
    // The lock ended the session at the lock screen, and the right password cannot sign in again.
    expect((await app.fail('auth.unlock', { password: PETUGAS_PASSWORD }, token)).code).toBe('UNAUTHENTICATED');
    expect((await app.fail('auth.login', { username: 'petugas', password: PETUGAS_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses a right password at the lock screen whose hash finished while parallel wrong ones locked the account', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const token = await signInAs(app, admin, 'petugas');
    await app.call('auth.lock', {}, token);
    const wrong = Array.from({ length: 10 }, () => app.fail('auth.unlock', { password: 'salah' }, token));
    const right = app.dispatch({ method: 'auth.unlock', input: { password: PETUGAS_PASSWORD }, token });
    await Promise.all(wrong);
    const r = await right;
    expect(r.ok).toBe(false);
    expect((await app.fail('partners.list', {}, token)).code).toBe('UNAUTHENTICATED');
  });
});

describe('a password change', () => {
  it('ends the other sessions of the user and keeps the current one', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const here = await signInAs(app, admin, 'petugas');
    const elsewhere = (await app.call('auth.login', { username: 'petugas', password: PETUGAS_PASSWORD })).token;
    await app.call('auth.changePassword', { current: PETUGAS_PASSWORD, password: 'sandi-baru-456', passwordConfirm: 'sandi-baru-456' }, here);
    expect((await app.fail('partners.list', {}, elsewhere)).code).toBe('UNAUTHENTICATED');
    await expect(app.call('partners.list', {}, here)).resolves.toMatchObject({ total: 0 });
    // The admin's own session is another user's and stays.
    await expect(app.call('partners.list', {}, admin)).resolves.toMatchObject({ total: 0 });
    expect((await app.fail('auth.login', { username: 'petugas', password: PETUGAS_PASSWORD })).code).toBe('UNAUTHENTICATED');
    await expect(app.call('auth.login', { username: 'petugas', password: 'sandi-baru-456' })).resolves.toBeTruthy();
  });
});
