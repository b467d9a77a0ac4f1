import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
let partnerId: string;
let clientId: string;
let agreementId: string;

/** An aktif partner with room for one, an agreement in force for 2025 covering training and community service, an active client. */
beforeEach(async () => {
  app = makeApp(); // the clock stands at 5 March 2025
  admin = await setUpOffice(app);
  partnerId = (
    await app.call(
      'partners.create',
      { ...PARTNER, status: 'aktif', capacity: 1, services: ['bimbingan_keagamaan', 'pelatihan_keterampilan', 'pidana_kerja_sosial'] },
      admin,
    )
  ).id;
  const agreement = await app.call(
    'agreements.create',
    {
      data: {
        partnerId,
        subject: 'Pelatihan dan kerja sosial',
        signDate: '2025-01-01',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        bidang: ['kemandirian_kepribadian'],
        services: ['pelatihan_keterampilan', 'pidana_kerja_sosial'],
        officeSignatory: { name: 'Drs. Hendra', nip: '', position: 'Kepala' },
        partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
      },
      number: { mode: 'auto' },
    },
    admin,
  );
  agreementId = (await app.call('agreements.sign', { id: agreement.id, signedOn: '2025-01-01' }, admin)).id;
  clientId = (await app.call('clients.create', { data: CLIENT, statusDate: CLIENT.supervisionStart }, admin)).id;
});
afterEach(() => app.dispose());

const plan = (over: Partial<InputOf<'referrals.create'>> = {}): InputOf<'referrals.create'> => ({
  clientId,
  partnerId,
  service: 'pelatihan_keterampilan',
  date: '2025-03-03',
  goal: 'Sertifikat las',
  ...over,
});

describe('referral rules', () => {
  it('refer an active client to an aktif partner under an agreement covering the service, with a numbered cover letter', async () => {
    expect(await app.call('referrals.check', plan(), admin)).toEqual({
      problems: [],
      warnings: [],
      agreementId,
      agreementNumber: '001/PKS/CRP/I/2025',
      openAtPartner: 0,
      capacity: 1,
    });
    const { referral, warnings } = await app.call('referrals.create', plan(), admin);
    expect(warnings).toEqual([]);
    expect(referral).toMatchObject({ status: 'diusulkan', agreementId, letterNumber: '001/RUJ/CRP/III/2025', clientName: 'Budi Santoso', overrideReason: '' });
    const client = await app.call('clients.get', { id: clientId }, admin);
    expect(client.timeline[0]).toMatchObject({ kind: 'referral', status: 'diusulkan', partnerName: PARTNER.name });
  });

  it('refuse, naming the condition that failed, and write nothing', async () => {
    const before = dumpDb(app.db);
    const reason = async (over: Partial<InputOf<'referrals.create'>>) => {
      const e = await app.fail('referrals.create', plan(over), admin);
      return [e.message, e.fields];
    };
    // The agreement does not cover religious guidance, though the partner offers it.
    expect(await reason({ service: 'bimbingan_keagamaan' })).toEqual([
      'referrals.problem.agreementNotCovering',
      { service: 'referrals.problem.agreementNotCovering' },
    ]);
    // The partner does not offer legal aid at all (nor does the agreement cover it).
    expect((await reason({ service: 'bantuan_hukum' }))[1]).toEqual({ service: 'referrals.problem.serviceNotOffered' });
    // Before the agreement was signed and in force; and before the client's supervision started.
    expect(await reason({ date: '2024-12-20' })).toEqual([
      'referrals.problem.outsideSupervision',
      { date: 'referrals.problem.outsideSupervision', partnerId: 'referrals.problem.noAgreement' },
    ]);
    expect((await reason({ date: '2026-01-10' }))[1]).toEqual({ partnerId: 'referrals.problem.noAgreement' });
    expect(dumpDb(app.db)).toBe(before);
  });

  it('refuse a partner that is not aktif, archived, or a client no longer active', async () => {
    await app.call('partners.setStatus', { id: partnerId, status: 'nonaktif', date: '2025-03-01' }, admin);
    expect((await app.fail('referrals.create', plan(), admin)).fields).toEqual({ partnerId: 'referrals.problem.partnerNotActive' });
    await app.call('partners.archive', { id: partnerId }, admin);
    expect((await app.fail('referrals.create', plan(), admin)).fields).toEqual({ partnerId: 'referrals.problem.partnerArchived' });
    await app.call('clients.setStatus', { id: clientId, status: 'dicabut', date: '2025-03-01', reason: 'PB dicabut' }, admin);
    expect((await app.fail('referrals.create', plan(), admin)).fields).toMatchObject({ clientId: 'referrals.problem.clientNotActive' });
  });

  it('let only an admin override the partner and agreement conditions, in writing, and audit it', async () => {
    const petugas = await signInAs(app, admin, 'petugas');
    const noCover = plan({ service: 'bimbingan_keagamaan', overrideReason: 'Addendum PKS sedang ditandatangani' });
    expect((await app.fail('referrals.create', noCover, petugas)).message).toBe('referrals.problem.agreementNotCovering');
    expect((await app.fail('referrals.create', { ...noCover, overrideReason: 'singkat' }, admin)).message).toBe('referrals.problem.agreementNotCovering');
    const { referral } = await app.call('referrals.create', noCover, admin);
    expect(referral.overrideReason).toBe('Addendum PKS sedang ditandatangani');
    const audit = app.db.raw.prepare(`SELECT after FROM audit_log WHERE entity = 'referral' AND entity_id = ?`).pluck().get(referral.id) as string;
    expect(JSON.parse(audit)).toMatchObject({ override_reason: 'Addendum PKS sedang ditandatangani', overridden: ['agreementNotCovering'] });
    // The client's own conditions are never overridden.
    const outside = await app.fail('referrals.create', plan({ date: '2024-12-20', overrideReason: 'Alasan yang cukup panjang' }), admin);
    expect(outside.fields).toEqual({ date: 'referrals.problem.outsideSupervision', partnerId: 'referrals.problem.noAgreement' });
  });

  it('warn, without refusing, when the partner is at capacity', async () => {
    await app.call('referrals.create', plan(), admin);
    const second = await app.call(
      'clients.create',
      { data: { ...CLIENT, registerNumber: 'PB-002/2025', name: 'Andi', nik: '' }, statusDate: '2025-01-15' },
      admin,
    );
    expect((await app.call('referrals.check', plan({ clientId: second.id }), admin)).warnings).toEqual(['capacity']);
    const { warnings, referral } = await app.call('referrals.create', plan({ clientId: second.id }), admin);
    expect(warnings).toEqual(['capacity']);
    expect(referral.letterNumber).toBe('002/RUJ/CRP/III/2025');
  });
});

describe('referral progress', () => {
  it('moves diusulkan → diterima → berjalan → selesai with an outcome; illegal moves and missing outcomes are refused', async () => {
    let r = (await app.call('referrals.create', plan(), admin)).referral;
    const move = (status: InputOf<'referrals.setStatus'>['status'], extra: Partial<InputOf<'referrals.setStatus'>> = {}) =>
      app.call('referrals.setStatus', { id: r.id, expectedUpdatedAt: r.updatedAt, status, date: '2025-03-04', ...extra }, admin);
    expect((await app.fail('referrals.setStatus', { id: r.id, expectedUpdatedAt: r.updatedAt, status: 'selesai', date: '2025-03-04' }, admin)).fields).toEqual({
      status: 'referrals.badMove',
    });
    r = await move('diterima');
    r = await move('berjalan');
    expect((await app.fail('referrals.setStatus', { id: r.id, expectedUpdatedAt: r.updatedAt, status: 'selesai', date: '2025-03-05' }, admin)).fields).toEqual({
      outcome: 'referrals.outcomeRequired',
    });
    r = await move('selesai', { date: '2025-03-05', outcome: 'lulus_pelatihan', note: 'Sertifikat BNSP' });
    expect(r).toMatchObject({ status: 'selesai', outcome: 'lulus_pelatihan', outcomeNote: 'Sertifikat BNSP' });
    expect(r.history.map((h) => h.status)).toEqual(['selesai', 'berjalan', 'diterima', 'diusulkan']);
  });

  it('logs community-service hours, shows progress, and cannot close before the hours are done', async () => {
    let r = (await app.call('referrals.create', plan({ service: 'pidana_kerja_sosial', hoursRequired: 8 }), admin)).referral;
    expect((await app.fail('referrals.addHours', { referralId: r.id, date: '2025-03-04', hours: 4, signedBy: 'Ustadz Ridwan' }, admin)).message).toBe(
      'referrals.notRunning',
    );
    for (const s of ['diterima', 'berjalan'] as const)
      r = await app.call('referrals.setStatus', { id: r.id, expectedUpdatedAt: r.updatedAt, status: s, date: '2025-03-03' }, admin);
    r = await app.call('referrals.addHours', { referralId: r.id, date: '2025-03-03', hours: 4, signedBy: 'Ustadz Ridwan' }, admin);
    expect([r.hoursDone, r.hoursRequired]).toEqual([4, 8]);
    const short = await app.fail(
      'referrals.setStatus',
      { id: r.id, expectedUpdatedAt: r.updatedAt, status: 'selesai', date: '2025-03-05', outcome: 'bimbingan_selesai' },
      admin,
    );
    expect([short.fields, short.params]).toEqual([{ status: 'referrals.hoursShort' }, { done: 4, required: 8 }]);
    expect((await app.fail('referrals.addHours', { referralId: r.id, date: '2025-03-09', hours: 4, signedBy: 'x' }, admin)).fields).toEqual({
      date: 'v.future',
    });
    expect((await app.fail('referrals.addHours', { referralId: r.id, date: '2025-03-04', hours: 13, signedBy: 'x' }, admin)).code).toBe('VALIDATION');
    r = await app.call(
      'referrals.addHours',
      { referralId: r.id, date: '2025-03-04', hours: 4, signedBy: 'Ustadz Ridwan', notes: 'Membersihkan masjid' },
      admin,
    );
    expect(r.hours.map((h) => [h.date, h.hours, h.signedBy])).toEqual([
      ['2025-03-03', 4, 'Ustadz Ridwan'],
      ['2025-03-04', 4, 'Ustadz Ridwan'],
    ]);
    r = await app.call(
      'referrals.setStatus',
      { id: r.id, expectedUpdatedAt: r.updatedAt, status: 'selesai', date: '2025-03-05', outcome: 'bimbingan_selesai' },
      admin,
    );
    expect(r.status).toBe('selesai');
    expect((await app.fail('referrals.create', plan({ service: 'pidana_kerja_sosial' }), admin)).fields).toEqual({ hoursRequired: 'referrals.hoursRequired' });
  });

  it('lists referrals under way whose agreement ends soon, and suggests partners that can take a client', async () => {
    let r = (await app.call('referrals.create', plan(), admin)).referral;
    for (const s of ['diterima', 'berjalan'] as const)
      r = await app.call('referrals.setStatus', { id: r.id, expectedUpdatedAt: r.updatedAt, status: s, date: '2025-03-04' }, admin);
    expect(await app.call('referrals.atRisk', {}, admin)).toEqual([]);
    app.clock.now = new Date('2025-11-15T03:00:00Z'); // within 60 days of the end on 31 December
    const later = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    expect((await app.call('referrals.atRisk', {}, later)).map((x) => x.id)).toEqual([r.id]);

    app.clock.now = new Date('2025-03-05T03:00:00Z');
    admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    // The only partner is full (capacity 1, one referral under way): nothing to suggest.
    expect(await app.call('referrals.suggest', { clientId, service: 'pelatihan_keterampilan', date: '2025-03-05' }, admin)).toEqual([]);
    const { statusDate: _d, ...fields } = PARTNER;
    const services = ['bimbingan_keagamaan', 'pelatihan_keterampilan', 'pidana_kerja_sosial'];
    const current = await app.call('partners.get', { id: partnerId }, admin);
    await app.call('partners.update', { id: partnerId, expectedUpdatedAt: current.updatedAt, data: { ...fields, capacity: 5, services } }, admin);
    const suggestions = await app.call('referrals.suggest', { clientId, service: 'pelatihan_keterampilan', date: '2025-03-05' }, admin);
    expect(suggestions).toEqual([
      expect.objectContaining({
        partnerId,
        sameRegency: true,
        open: 1,
        capacity: 5,
        interestMatches: ['pelatihan_keterampilan'],
        agreementNumber: '001/PKS/CRP/I/2025',
      }),
    ]);
    expect(await app.call('referrals.suggest', { clientId, service: 'bantuan_hukum', date: '2025-03-05' }, admin)).toEqual([]);
  });

  it('prints the cover letter with the client, the service and the agreement, and a verification code that leads back to it', async () => {
    const { referral } = await app.call('referrals.create', plan(), admin);
    const settings = await app.call('settings.get', {}, admin);
    await app.call(
      'settings.update',
      { office: { ...settings.office, headName: 'Drs. Hendra Saputra', headPosition: 'Kepala Pos Bapas Curup', headNip: '197001011995031001' } },
      admin,
    );
    const file = await app.call('referrals.document', { id: referral.id, paper: 'A4', format: 'html' }, admin);
    const html = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(html).toContain('Curup, 3 Maret 2025');
    expect(html).toContain('001/RUJ/CRP/III/2025');
    expect(html).toContain('Penyaluran Klien Pemasyarakatan untuk Pelatihan keterampilan');
    expect(html).toContain('Nomor 001/PKS/CRP/I/2025');
    expect(html).toContain('<td>Budi Santoso</td>');
    // Signed by the head of office named in the settings.
    expect(html).toContain('Drs. Hendra Saputra');
    expect(html).toContain('NIP 197001011995031001');
    expect(await app.call('documents.verify', { code: file.code }, admin)).toMatchObject({
      found: true,
      kind: 'rujukan',
      href: `/rujukan/${referral.id}`,
      number: '001/RUJ/CRP/III/2025',
      partnerName: PARTNER.name,
      matchesCurrent: true,
      statusKey: 'referralStatus.diusulkan',
    });
    const client = await app.call('clients.get', { id: clientId }, admin);
    expect(client.timeline.find((e) => e.kind === 'document')).toMatchObject({ number: '001/RUJ/CRP/III/2025', code: file.code, version: 1 });
  });
});
