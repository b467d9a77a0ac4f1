import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { agreementWith, CLIENT, PARTNER } from '../support/fixtures';
import { dumpDb } from '../support/dump';
import { makeApp, setUpOffice, signInAs, type TestApp } from '../support/app';

/** Decisions are the admin's and the petugas'; the operator records and drafts; the pimpinan reads the audit log. */
let app: TestApp;
let admin: string;
let petugas: string;
let operator: string;
let pimpinan: string;

beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  petugas = await signInAs(app, admin, 'petugas');
  operator = await signInAs(app, admin, 'operator');
  pimpinan = await signInAs(app, admin, 'pimpinan');
});
afterEach(() => app.dispose());

/** The call is refused with FORBIDDEN (and `message` when given), and nothing is written. */
async function refused(method: Parameters<TestApp['fail']>[0], input: unknown, token: string, message = 'auth.forbidden') {
  const before = dumpDb(app.db);
  const e = await app.fail(method, input, token);
  expect({ method, code: e.code, message: e.message }).toEqual({ method, code: 'FORBIDDEN', message });
  expect(dumpDb(app.db)).toBe(before);
}

describe('decisions', () => {
  it('refuse an operator signing or cancelling a PKS, setting a partner aktif or nonaktif, or closing a client; a petugas may', async () => {
    const partner = await app.call('partners.create', { ...PARTNER }, operator);
    const draft = await app.call('agreements.create', agreementWith(partner.id), operator);
    await refused('agreements.sign', { id: draft.id, signedOn: '2025-03-05' }, operator);
    await refused('agreements.cancel', { id: draft.id, date: '2025-03-05', reason: 'Mitra mengundurkan diri' }, operator);
    for (const status of ['terverifikasi', 'aktif', 'nonaktif'] as const)
      await refused('partners.setStatus', { id: partner.id, status, date: '2025-03-05' }, operator);
    const client = await app.call('clients.create', { data: { ...CLIENT }, statusDate: '2025-01-15' }, operator);
    for (const status of ['selesai', 'dicabut', 'pindah', 'meninggal'] as const)
      await refused('clients.setStatus', { id: client.id, status, date: '2025-03-05', reason: 'Masa bimbingan berakhir' }, operator);

    await expect(app.call('partners.setStatus', { id: partner.id, status: 'terverifikasi', date: '2025-03-05' }, petugas)).resolves.toMatchObject({
      status: 'terverifikasi',
    });
    await expect(app.call('agreements.sign', { id: draft.id, signedOn: '2025-03-05' }, petugas)).resolves.toMatchObject({ signedOn: '2025-03-05' });
    await expect(app.call('agreements.cancel', { id: draft.id, date: '2025-03-05', reason: 'Mitra mengundurkan diri' }, petugas)).resolves.toMatchObject({
      status: 'dibatalkan',
    });
    await expect(app.call('clients.setStatus', { id: client.id, status: 'selesai', date: '2025-03-05', reason: 'Selesai' }, petugas)).resolves.toMatchObject({
      status: 'selesai',
    });
  });

  it('let an operator register a partner only as calon', async () => {
    await refused('partners.create', { ...PARTNER, status: 'aktif' }, operator, 'decision.partnerStanding');
    await expect(app.call('partners.create', { ...PARTNER, status: 'aktif' }, petugas)).resolves.toMatchObject({ status: 'aktif' });
    await expect(app.call('partners.create', { ...PARTNER, name: 'Bengkel Maju', confirmDuplicate: true }, operator)).resolves.toMatchObject({
      status: 'calon',
    });
  });

  it("leave a client's phase override to a petugas or an admin; an operator's edit keeps it as it was", async () => {
    await refused('clients.create', { data: { ...CLIENT, phaseOverride: 'akhir' }, statusDate: '2025-01-15' }, operator, 'decision.phaseOverride');
    const c = await app.call('clients.create', { data: { ...CLIENT, phaseOverride: 'akhir' }, statusDate: '2025-01-15' }, petugas);
    expect(c.phase).toBe('akhir');
    const data: InputOf<'clients.update'>['data'] = { ...CLIENT, phaseOverride: 'akhir', address: 'Jl. Baru 1' };
    const edited = await app.call('clients.update', { id: c.id, expectedUpdatedAt: c.updatedAt, data }, operator);
    expect(edited).toMatchObject({ address: 'Jl. Baru 1', phaseOverride: 'akhir' });
    for (const phaseOverride of [null, 'lanjutan'] as const)
      await refused('clients.update', { id: c.id, expectedUpdatedAt: edited.updatedAt, data: { ...data, phaseOverride } }, operator, 'decision.phaseOverride');
  });

  it('let the pimpinan read, export and verify the audit log', async () => {
    const page = await app.call('audit.list', {}, pimpinan);
    expect(page.entries.length).toBeGreaterThan(0);
    expect((await app.call('audit.export', {}, pimpinan)).filename).toMatch(/\.xlsx$/);
    await expect(app.call('audit.verify', {}, pimpinan)).resolves.toMatchObject({ ok: true });
    for (const token of [petugas, operator]) await refused('audit.list', {}, token);
  });
});

describe('PK pickers', () => {
  it('offer only active petugas and admins, and a record naming anyone else as PK is refused', async () => {
    const me = async (token: string) => (await app.call('auth.me', {}, token)).user;
    const [a, p, o, m] = [await me(admin), await me(petugas), await me(operator), await me(pimpinan)];
    const left = await signInAs(app, admin, 'petugas', 'petugas2');
    await app.call('users.setActive', { id: (await me(left)).id, active: false }, admin);

    const officers = await app.call('users.officers', {}, operator);
    expect(officers.map((u) => u.id).sort()).toEqual([a.id, p.id].sort());
    // The filters of existing records still name everyone.
    expect((await app.call('users.names', {}, operator)).length).toBe(5);

    const partner = await app.call('partners.create', { ...PARTNER, status: 'aktif' }, petugas);
    const client = await app.call('clients.create', { data: { ...CLIENT, pkUserId: p.id }, statusDate: '2025-01-15' }, operator);
    for (const pk of [o, m]) {
      const before = dumpDb(app.db);
      const e = await app.fail(
        'clients.create',
        { data: { ...CLIENT, registerNumber: 'PB-002/2025', nik: '', pkUserId: pk.id }, statusDate: '2025-01-15' },
        operator,
      );
      expect([e.code, e.fields]).toEqual(['VALIDATION', { 'data.pkUserId': 'users.notPk' }]);
      const u = await app.fail('clients.update', { id: client.id, expectedUpdatedAt: client.updatedAt, data: { ...CLIENT, pkUserId: pk.id } }, operator);
      expect(u.fields).toEqual({ 'data.pkUserId': 'users.notPk' });
      const plan = { clientId: client.id, partnerId: partner.id, service: 'bimbingan_keagamaan', date: '2025-03-05', pkUserId: pk.id };
      expect((await app.fail('referrals.create', plan, operator)).fields).toEqual({ pkUserId: 'users.notPk' });
      const activity = {
        date: '2025-03-01',
        type: 'pelatihan',
        bidang: 'kemandirian_kepribadian',
        title: 'Pelatihan',
        place: 'Curup',
        officerIds: [a.id, pk.id],
      } as const;
      expect((await app.fail('activities.create', activity, operator)).fields).toEqual({ officerIds: 'users.notPk' });
      expect(dumpDb(app.db)).toBe(before);
    }
  });
});
