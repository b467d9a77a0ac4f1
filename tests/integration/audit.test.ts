import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, PARTNER, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  for (let i = 0; i < 5; i++) await app.call('partners.create', { ...PARTNER, name: `Mitra ${i}` }, admin);
});
afterEach(() => app.dispose());

const sql = (s: string, ...p: unknown[]) => app.db.raw.prepare(s).run(...p);

describe('audit chain', () => {
  it('verifies an untouched log', async () => {
    const r = await app.call('audit.verify', {}, admin);
    expect(r).toEqual({ ok: true, checked: 7, firstBadSeq: null, problem: null });
  });

  it('detects an entry whose content was edited', async () => {
    sql(`UPDATE audit_log SET after = replace(after, 'Mitra 2', 'Mitra X') WHERE seq = 5`);
    expect(await app.call('audit.verify', {}, admin)).toMatchObject({ ok: false, firstBadSeq: 5, problem: 'edited' });
  });

  it('detects an entry removed from the middle', async () => {
    sql(`DELETE FROM audit_log WHERE seq = 4`);
    expect(await app.call('audit.verify', {}, admin)).toMatchObject({ ok: false, firstBadSeq: 5, problem: 'missing' });
  });

  it('detects the newest entries cut off', async () => {
    sql(`DELETE FROM audit_log WHERE seq >= 6`);
    expect(await app.call('audit.verify', {}, admin)).toMatchObject({ ok: false, firstBadSeq: 6, problem: 'truncated' });
  });

  it('filters by user, record and date in the office time zone', async () => {
    // 17:30 UTC on 5 March is already 6 March 00:30 in WIB.
    app.clock.now = new Date('2025-03-05T17:30:00Z');
    admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    const petugas = await signInAs(app, admin, 'petugas');
    const me = (await app.call('auth.me', {}, petugas)).user;
    const p = await app.call('partners.create', { ...PARTNER, name: 'Mitra Petugas' }, petugas);
    const byUser = await app.call('audit.list', { userId: me.id }, admin);
    expect(byUser.entries.map((e) => e.action)).toEqual(['create', 'login']);
    expect((await app.call('audit.list', { from: '2025-03-06', to: '2025-03-06', entity: 'partner' }, admin)).entries.map((e) => e.entityId)).toEqual([p.id]);
    const byRecord = await app.call('audit.list', { entity: 'partner', entityId: p.id }, admin);
    expect(byRecord.entries).toHaveLength(1);
    expect(byRecord.entries[0]).toMatchObject({ userName: 'Pengguna petugas', after: { name: 'Mitra Petugas' } });
    expect((await app.call('audit.list', { from: '2025-03-05', to: '2025-03-05' }, admin)).entries.some((e) => e.entityId === p.id)).toBe(false);
    const paged = await app.call('audit.list', { limit: 3 }, admin);
    expect(paged.hasMore).toBe(true);
    const next = await app.call('audit.list', { limit: 3, beforeSeq: paged.entries[2]!.seq }, admin);
    expect(next.entries[0]!.seq).toBe(paged.entries[2]!.seq - 1);
  });
});
