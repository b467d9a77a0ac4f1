/**
 * A small Pos Bapas whose every event in 2026 is known, built through the services (see
 * tests/integration/reports-known-office.test.ts for the figures it must give, counted by hand).
 *
 * Partners: A Bengkel Maju (wirausaha, bengkel, kemandirian), B LBH Keadilan (ormas, LBH, both
 * bidang), C Yayasan Harapan (lainnya, no type, calon until 1 Dec), D Koperasi Sejahtera (new in
 * November). Agreements: A1 (A, 5 Jan 2026 – 4 Jan 2027), B1 (B, 6 Jan – 5 Nov 2026) renewed by B2
 * (signed 4 Nov, from 6 Nov), A2 (A, from 1 Jun, cancelled 10 Nov), D1 (D, signed 3 Nov).
 * Clients: K1 Andi (pb, reports on every due date; placed in work in June), K2 Sari (cb, a child;
 * misses August to November, visited at home 20 Nov), K3 Joko (kerja sosial, 40 hours done by
 * December), K4 Dewi (pb, new in November), K5 Rudi (asimilasi, closed selesai 2 Nov), K6 Tono (pb,
 * dicabut 18 Nov), K7 Lina (cmb since 2025, pindah 15 Dec).
 */
import type { TestApp } from './app';
import { at, OfficeBuilder } from './reportOffice';

export interface KnownOffice {
  readonly clients: Readonly<Record<'K1' | 'K2' | 'K3' | 'K4' | 'K5' | 'K6' | 'K7', string>>;
}

export async function buildKnownOffice(app: TestApp, token: string): Promise<KnownOffice> {
  const b = new OfficeBuilder(app, token);
  const A = await b.partner('Bengkel Maju', '2026-01-05', { category: 'wirausaha', institutionType: 'bengkel_usaha', bidang: ['kemandirian_kepribadian'] });
  await b.agreement(A, '2026-01-05', '2026-01-05', 12);
  const B = await b.partner('LBH Keadilan', '2026-01-06', {
    category: 'ormas',
    institutionType: 'lbh',
    bidang: ['hukum_kemasyarakatan', 'kemandirian_kepribadian'],
  });
  const B1 = await b.agreement(B, '2026-01-06', '2026-01-06', 10);
  const K7 = await b.client('Lina', '2026-01-05', {
    program: 'cmb',
    sex: 'P',
    birthDate: '1992-12-12',
    supervisionStart: '2025-06-01',
    supervisionEnd: '2026-12-31',
    reporting: 'tidak',
  });
  const K1 = await b.client('Andi', '2026-01-15', {
    program: 'pb',
    sex: 'L',
    birthDate: '1990-05-01',
    supervisionStart: '2026-01-15',
    supervisionEnd: '2027-01-14',
  });
  const K2 = await b.client('Sari', '2026-02-01', {
    program: 'cb',
    sex: 'P',
    birthDate: '2009-03-01',
    supervisionStart: '2026-02-01',
    supervisionEnd: '2026-12-31',
  });
  await b.pokmas('Pokmas Curup Mandiri', 'kemandirian_kepribadian', '2026-02-02');
  await b.checkin(K1, '2026-02-16');
  const K5 = await b.client('Rudi', '2026-03-01', {
    program: 'asimilasi',
    sex: 'L',
    birthDate: null,
    supervisionStart: '2026-03-01',
    supervisionEnd: '2026-10-31',
    reporting: 'tidak',
  });
  await b.checkin(K2, '2026-03-02');
  const C = await b.partner('Yayasan Harapan', '2026-03-02', { category: 'lainnya', status: 'calon', bidang: ['kemandirian_kepribadian'] });
  const R1 = await b.referral(K1, A, 'penyaluran_kerja', '2026-03-10');
  await b.referralTo(R1, 'berjalan', '2026-03-12');
  await b.checkin(K1, '2026-03-16');
  const K6 = await b.client('Tono', '2026-04-01', {
    program: 'pb',
    sex: 'L',
    birthDate: '1975-02-02',
    supervisionStart: '2026-04-01',
    supervisionEnd: '2027-03-31',
    reporting: 'tidak',
  });
  await b.checkin(K2, '2026-04-01');
  await b.checkin(K1, '2026-04-15');
  await b.checkin(K2, '2026-05-01');
  const R6 = await b.referral(K6, B, 'pelatihan_keterampilan', '2026-05-04');
  await b.checkin(K1, '2026-05-15');
  await b.checkin(K2, '2026-06-01');
  await b.referralTo(R6, 'dihentikan', '2026-06-01');
  await b.agreement(A, '2026-06-01', '2026-06-01', 12); // A2
  await b.activity('2026-06-10', 'konseling', null, [
    [K1, true],
    [K6, true],
  ]);
  await b.checkin(K1, '2026-06-15');
  await b.referralTo(R1, 'selesai', '2026-06-30', 'bekerja');
  await b.checkin(K2, '2026-07-01');
  await b.checkin(K1, '2026-07-15');
  await b.checkin(K1, '2026-08-17');
  await b.checkin(K1, '2026-09-15');
  const K3 = await b.client('Joko', '2026-10-01', {
    program: 'pidana_kerja_sosial',
    sex: 'L',
    birthDate: '1998-07-07',
    supervisionStart: '2026-10-01',
    supervisionEnd: '2027-03-31',
    reporting: 'tidak',
  });
  const R3 = await b.referral(K3, A, 'pidana_kerja_sosial', '2026-10-05', 40);
  await b.referralTo(R3, 'berjalan', '2026-10-06');
  await b.hours(R3, '2026-10-10', 8);
  await b.checkin(K1, '2026-10-15');
  // November
  await b.close(K5, 'selesai', '2026-11-02');
  const D = await b.partner('Koperasi Sejahtera', '2026-11-03', { category: 'wirausaha', institutionType: 'koperasi', bidang: ['kemandirian_kepribadian'] });
  await b.agreement(D, '2026-11-03', '2026-11-03', 12);
  await at(app, token, '2026-11-04');
  const B2 = await app.call('agreements.renew', { id: B1, startDate: '2026-11-06', termMonths: 12, signDate: '2026-11-04' }, token);
  await app.call('agreements.sign', { id: B2.id, signedOn: '2026-11-04' }, token);
  const R2 = await b.referral(K2, B, 'pelatihan_keterampilan', '2026-11-05');
  void R2;
  await b.hours(R3, '2026-11-07', 8);
  const A2 = (await app.call('agreements.list', { partnerId: A }, token)).find((a) => a.startDate === '2026-06-01')!.id;
  await b.cancelAgreement(A2, '2026-11-10');
  const K4 = await b.client('Dewi', '2026-11-10', {
    program: 'pb',
    sex: 'P',
    birthDate: '1980-01-01',
    supervisionStart: '2026-11-10',
    supervisionEnd: '2027-05-09',
  });
  await b.activity('2026-11-11', 'pelatihan', 'kemandirian_kepribadian', [
    [K1, true],
    [K2, false],
    [K4, true],
  ]);
  const R4 = await b.referral(K4, D, 'pelatihan_keterampilan', '2026-11-12');
  await b.hours(R3, '2026-11-14', 6.5);
  await b.checkin(K1, '2026-11-16', 'jarak_jauh');
  await b.close(K6, 'dicabut', '2026-11-18');
  const R5 = await b.referral(K1, D, 'pelatihan_keterampilan', '2026-11-20');
  await b.checkin(K2, '2026-11-20', 'kunjungan_rumah');
  await b.referralTo(R5, 'ditolak', '2026-11-21');
  await b.activity('2026-11-25', 'penyuluhan_hukum', 'hukum_kemasyarakatan', [[K3, true]]);
  await b.referralTo(R4, 'selesai', '2026-11-27', 'lulus_pelatihan');
  // December
  await b.partnerStatus(C, 'terverifikasi', '2026-12-01');
  await b.hours(R3, '2026-12-05', 8);
  await b.checkin(K4, '2026-12-10');
  await b.hours(R3, '2026-12-12', 8);
  await b.checkin(K1, '2026-12-15');
  await b.close(K7, 'pindah', '2026-12-15');
  await b.hours(R3, '2026-12-19', 1.5);
  await b.referralTo(R3, 'selesai', '2026-12-21', 'bimbingan_selesai');
  // The report is made in January, when every window of 2026 has closed.
  await at(app, token, '2027-01-11');
  return { clients: { K1, K2, K3, K4, K5, K6, K7 } };
}
