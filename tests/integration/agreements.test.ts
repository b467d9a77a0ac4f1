import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
let partnerId: string;
beforeEach(async () => {
  app = makeApp(new Date('2025-03-05T03:00:00Z'));
  admin = await setUpOffice(app);
  partnerId = (await app.call('partners.create', PARTNER, admin)).id;
});
afterEach(() => app.dispose());

const fields = (over: Partial<InputOf<'agreements.create'>['data']> = {}): InputOf<'agreements.create'>['data'] => ({
  partnerId,
  subject: 'Pembinaan Kepribadian dan Kemandirian Klien Pemasyarakatan',
  partnerNumber: '045/PP-AH/III/2025',
  signPlace: 'Curup',
  signDate: '2025-03-05',
  startDate: '2025-03-05',
  termMonths: 12,
  bidang: ['kemandirian_kepribadian'],
  services: ['bimbingan_keagamaan'],
  officeSignatory: { name: 'Drs. Hendra Saputra', nip: '197001011995031001', position: 'Kepala Bapas Kelas I Bengkulu' },
  partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan Pondok Pesantren' },
  legalBases: ['Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan'],
  articles: [{ heading: 'Maksud dan Tujuan', body: 'Kerja sama ini dimaksudkan untuk ...' }],
  ...over,
});
const create = (over: Partial<InputOf<'agreements.create'>['data']> = {}) =>
  app.call('agreements.create', { data: fields(over), number: { mode: 'auto' } }, admin);
const setDay = (iso: string) => (app.clock.now = new Date(`${iso}T03:00:00Z`));

describe('agreements', () => {
  it('numbers from the template per year, ends a term the day before, and derives its status', async () => {
    const a = await create();
    // A draft waits for its number: the automatic number is given at the signing, in the signing's year.
    expect(a).toMatchObject({ officeNumber: null, endDate: '2026-03-04', status: 'draf', partnerName: PARTNER.name });
    const signed = await app.call('agreements.sign', { id: a.id, signedOn: '2025-03-05' }, admin);
    expect(signed).toMatchObject({ officeNumber: '001/PKS/CRP/III/2025', status: 'aktif' });
    const sign = async (id: string, signedOn: string) => (await app.call('agreements.sign', { id, signedOn }, admin)).officeNumber;
    const b = await create();
    expect(await sign(b.id, '2025-03-05')).toBe('002/PKS/CRP/III/2025');
    expect(await sign((await create({ signDate: '2026-01-10', startDate: '2026-01-10' })).id, '2026-01-10')).toBe('001/PKS/CRP/I/2026');
    setDay('2026-01-03'); // 60 days before the end
    admin = (await app.call('auth.login', { username: 'admin', password: 'rahasia-kantor-1' })).token;
    expect((await app.call('agreements.get', { id: a.id }, admin)).status).toBe('akan_berakhir');
    expect((await app.call('agreements.list', { expiringWithinDays: 60 }, admin)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    setDay('2026-03-05');
    admin = (await app.call('auth.login', { username: 'admin', password: 'rahasia-kantor-1' })).token;
    expect((await app.call('agreements.list', { status: 'berakhir' }, admin)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('refuses bad input with field errors and saves nothing', async () => {
    const before = dumpDb(app.db);
    const cases: [Partial<InputOf<'agreements.create'>['data']>, Record<string, string>][] = [
      [{ endDate: '2025-03-01', termMonths: null }, { 'data.endDate': 'v.endBeforeStart' }],
      [{ termMonths: 0 }, { 'data.termMonths': 'v.termZero' }],
      [{ termMonths: null, endDate: null }, { 'data.endDate': 'v.endOrTerm' }],
      [{ signDate: '2025-03-10' }, { 'data.signDate': 'agreements.lateSigning' }],
      [{ services: ['bantuan_hukum'] }, { 'data.services': 'agreements.serviceNotOffered' }],
    ];
    for (const [over, expected] of cases)
      expect((await app.fail('agreements.create', { data: fields(over), number: { mode: 'auto' } }, admin)).fields, JSON.stringify(over)).toMatchObject(
        expected,
      );
    expect(dumpDb(app.db)).toBe(before);
    await expect(create({ signDate: '2025-03-10', confirmLateSigning: true })).resolves.toBeTruthy();
    await app.call('partners.archive', { id: partnerId }, admin);
    expect((await app.fail('agreements.create', { data: fields(), number: { mode: 'auto' } }, admin)).fields).toEqual({
      'data.partnerId': 'agreements.partnerArchived',
    });
  });

  it('never gives one number twice, even for two saves at once, and checks manual numbers', async () => {
    const [da, db] = [await create(), await create()];
    const [a, b] = await Promise.all([da, db].map((d) => app.call('agreements.sign', { id: d.id, signedOn: '2025-03-05' }, admin)));
    expect(new Set([a!.officeNumber, b!.officeNumber]).size).toBe(2);
    await app.call('agreements.create', { data: fields(), number: { mode: 'manual', value: 'W7.PAS.PAS.4-PK.01.05.02-12' } }, admin);
    const e = await app.fail('agreements.create', { data: fields(), number: { mode: 'manual', value: 'W7.PAS.PAS.4-PK.01.05.02-12' } }, admin);
    expect(e.fields).toEqual({ 'number.value': 'agreements.numberTaken' });
  });

  it('edits only drafts, cancels with a reason, and renews into a linked chain with the text copied', async () => {
    const a = await create();
    const edited = await app.call('agreements.update', { id: a.id, expectedUpdatedAt: a.updatedAt, data: fields({ subject: 'Subjek baru' }) }, admin);
    expect(edited.subject).toBe('Subjek baru');
    expect((await app.fail('agreements.renew', { id: a.id, startDate: '2026-03-05', termMonths: 12, signDate: '2026-03-01' }, admin)).message).toBe(
      'agreements.renewSigned',
    );
    await app.call('agreements.sign', { id: a.id, signedOn: '2025-03-05' }, admin);
    expect((await app.fail('agreements.update', { id: a.id, expectedUpdatedAt: edited.updatedAt, data: fields() }, admin)).message).toBe(
      'agreements.onlyDraftEditable',
    );
    const renewal = await app.call('agreements.renew', { id: a.id, startDate: '2026-03-05', termMonths: 24, signDate: '2026-03-01' }, admin);
    expect(renewal).toMatchObject({
      previousId: a.id,
      startDate: '2026-03-05',
      endDate: '2028-03-04',
      status: 'draf',
      subject: 'Subjek baru',
      articles: fields().articles,
    });
    expect((await app.call('agreements.get', { id: a.id }, admin)).nextId).toBe(renewal.id);
    expect((await app.fail('agreements.renew', { id: a.id, startDate: '2026-03-05', termMonths: 12, signDate: '2026-03-01' }, admin)).message).toBe(
      'agreements.alreadyRenewed',
    );
    const cancelled = await app.call('agreements.cancel', { id: renewal.id, date: '2025-03-05', reason: 'Mitra berhenti beroperasi' }, admin);
    expect(cancelled).toMatchObject({ status: 'dibatalkan', cancelReason: 'Mitra berhenti beroperasi' });
    const audit = await app.call('audit.list', { entity: 'agreement', entityId: a.id }, admin);
    expect(audit.entries.map((e) => e.action)).toEqual(['status', 'update', 'create']);
  });

  it('shows in the registry whether a partner has an agreement in force', async () => {
    const inForce = async () => (await app.call('partners.list', {}, admin)).rows[0]!.hasAgreementInForce;
    expect(await inForce()).toBe(false);
    const a = await create();
    expect(await inForce()).toBe(false); // a draft is not in force
    await app.call('agreements.sign', { id: a.id, signedOn: '2025-03-05' }, admin);
    expect(await inForce()).toBe(true);
    expect((await app.call('partners.get', { id: partnerId }, admin)).hasAgreementInForce).toBe(true);
    await app.call('agreements.cancel', { id: a.id, date: '2025-03-05', reason: 'Salah input' }, admin);
    expect(await inForce()).toBe(false);
  });

  it('keeps the number template valid and previews the next number', async () => {
    expect((await app.fail('agreements.updateSettings', { numberTemplate: '{seq}/{yaer}', warnDays: 60 }, admin)).fields).toEqual({
      numberTemplate: 'v.unknownToken',
    });
    await app.call('agreements.updateSettings', { numberTemplate: 'W7.PAS.PAS.4-PK.01.05.02-{seq}', warnDays: 30 }, admin);
    expect(await app.call('agreements.previewNumber', { date: '2025-03-05' }, admin)).toEqual({ number: 'W7.PAS.PAS.4-PK.01.05.02-1', unknownTokens: [] });
    expect(await app.call('agreements.previewNumber', { date: '2025-03-05', template: '{bulan}/{seq}' }, admin)).toEqual({
      number: '',
      unknownTokens: ['bulan'],
    });
  });
});
