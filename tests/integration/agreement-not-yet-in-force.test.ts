import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
let partnerId: string;
let clientId: string;
let agreementId: string;

const login = async () => (admin = (await app.call('auth.login', { username: 'admin', password: 'rahasia-kantor-1' })).token);
const setDay = async (iso: string) => {
  app.clock.now = new Date(`${iso}T03:00:00Z`);
  await login();
};

/** An aktif partner and an active client; a PKS signed on 5 March 2025 that starts on 1 April 2025. */
beforeEach(async () => {
  app = makeApp(new Date('2025-03-05T03:00:00Z'));
  admin = await setUpOffice(app);
  partnerId = (await app.call('partners.create', { ...PARTNER, status: 'aktif', services: ['pelatihan_keterampilan'] }, admin)).id;
  const draft = await app.call(
    'agreements.create',
    {
      data: {
        partnerId,
        subject: 'Pelatihan keterampilan',
        signDate: '2025-03-05',
        startDate: '2025-04-01',
        termMonths: 12,
        bidang: ['kemandirian_kepribadian'],
        services: ['pelatihan_keterampilan'],
        officeSignatory: { name: 'Drs. Hendra', nip: '', position: 'Kepala' },
        partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
      },
      number: { mode: 'auto' },
    },
    admin,
  );
  agreementId = (await app.call('agreements.sign', { id: draft.id, signedOn: '2025-03-05' }, admin)).id;
  clientId = (await app.call('clients.create', { data: CLIENT, statusDate: CLIENT.supervisionStart }, admin)).id;
});
afterEach(() => app.dispose());

const plan = (date: string): InputOf<'referrals.create'> => ({ clientId, partnerId, service: 'pelatihan_keterampilan', date, goal: 'Sertifikat las' });

/** What the agreement's page, the partner registry and the referral check say on the office's today. */
async function threeViews(today: string) {
  await setDay(today);
  const partnerRow = (await app.call('partners.list', {}, admin)).rows.find((p) => p.id === partnerId)!;
  return {
    status: (await app.call('agreements.get', { id: agreementId }, admin)).status,
    partnerInForce: (await app.call('partners.get', { id: partnerId }, admin)).hasAgreementInForce,
    registryFlag: partnerRow.hasAgreementInForce,
    referralProblems: (await app.call('referrals.check', plan(today), admin)).problems,
  };
}

describe('a PKS signed before its start date', () => {
  it('is "ditandatangani, belum berlaku" until it starts, and the partner and the referral check say the same', async () => {
    expect(await threeViews('2025-03-10')).toEqual({
      status: 'belum_berlaku',
      partnerInForce: false,
      registryFlag: false,
      referralProblems: ['agreementNotYetInForce'],
    });
    const before = dumpDb(app.db);
    const refused = await app.fail('referrals.create', plan('2025-03-10'), admin);
    expect(refused.message).toBe('referrals.problem.agreementNotYetInForce');
    expect(refused.fields).toEqual({ partnerId: 'referrals.problem.agreementNotYetInForce' });
    expect(dumpDb(app.db)).toBe(before);
    // Listed, filtered and exported under its own status.
    expect((await app.call('agreements.list', { status: 'belum_berlaku' }, admin)).map((a) => a.id)).toEqual([agreementId]);
    expect((await app.call('agreements.list', { status: 'aktif' }, admin)).map((a) => a.id)).toEqual([]);
    // A referral dated on or after the start is fine even while the agreement is not yet in force today.
    expect((await app.call('referrals.check', plan('2025-04-01'), admin)).problems).toEqual([]);

    expect(await threeViews('2025-04-02')).toEqual({ status: 'aktif', partnerInForce: true, registryFlag: true, referralProblems: [] });
    const { referral } = await app.call('referrals.create', plan('2025-04-02'), admin);
    expect(referral.agreementId).toBe(agreementId);
  });

  it('a cancellation takes effect on its date, within bounds checked in the main process', async () => {
    await setDay('2025-04-02');
    let r = (await app.call('referrals.create', plan('2025-04-02'), admin)).referral;
    for (const status of ['diterima', 'berjalan'] as const)
      r = await app.call('referrals.setStatus', { id: r.id, expectedUpdatedAt: r.updatedAt, status, date: '2025-04-02' }, admin);
    expect(await app.call('referrals.atRisk', {}, admin)).toEqual([]);

    const before = dumpDb(app.db);
    const cancel = (date: string) => app.fail('agreements.cancel', { id: agreementId, date, reason: 'Mitra menutup usaha' }, admin);
    expect((await cancel('2025-03-04')).fields).toEqual({ date: 'v.cancelBeforeSigning' });
    expect((await cancel('2026-04-01')).fields).toEqual({ date: 'v.cancelAfterEnd' });
    const far = await cancel('2025-07-02'); // 91 days ahead
    expect(far.fields).toEqual({ date: 'v.cancelTooFar' });
    expect(far.params).toEqual({ days: 90 });
    expect(dumpDb(app.db)).toBe(before);

    // Dated ahead, within the 60 warning days: still in force until then, and the referral under it is at risk now.
    await app.call('agreements.cancel', { id: agreementId, date: '2025-05-15', reason: 'Mitra menutup usaha' }, admin);
    expect(await threeViews('2025-04-02')).toEqual({ status: 'aktif', partnerInForce: true, registryFlag: true, referralProblems: [] });
    expect((await app.call('referrals.atRisk', {}, admin)).map((x) => x.id)).toEqual([r.id]);
    expect(await threeViews('2025-05-14')).toMatchObject({ status: 'aktif', partnerInForce: true });
    expect(await threeViews('2025-05-15')).toMatchObject({
      status: 'dibatalkan',
      partnerInForce: false,
      registryFlag: false,
      referralProblems: ['noAgreement'],
    });
  });
});
