import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/types';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
afterEach(() => app.dispose());

async function sheetOf(file: ExportFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const userId = async (username: string) => (await app.call('users.list', {}, admin)).find((u) => u.username === username)!.id;
const newPk = async (username: string) => {
  const password = 'sandi-petugas-1';
  await app.call('users.create', { name: `PK ${username}`, nip: '', position: 'PK', username, role: 'petugas', password, passwordConfirm: password }, admin);
  return userId(username);
};

describe('referral register', () => {
  beforeEach(async () => {
    app = makeApp(); // 5 March 2025
    admin = await setUpOffice(app);
  });

  it('lists every referral filtered by status, service, partner, PK and period, and exports what it shows', async () => {
    const services = ['bimbingan_keagamaan', 'pelatihan_keterampilan'] as const;
    const a = await app.call('partners.create', { ...PARTNER, status: 'aktif', capacity: 10, services: [...services] }, admin);
    const b = await app.call('partners.create', { ...PARTNER, name: 'Bengkel Maju', status: 'aktif', capacity: 10, services: [...services] }, admin);
    const pk1 = await newPk('pk1');
    const pk2 = await newPk('pk2');
    const client = async (n: number) =>
      (
        await app.call(
          'clients.create',
          { data: { ...CLIENT, registerNumber: `PB-00${n}/2025`, name: `Klien ${n}`, nik: '' }, statusDate: '2025-01-15' },
          admin,
        )
      ).id;
    const refer = async (clientId: string, partnerId: string, service: string, date: string, pkUserId: string) =>
      (await app.call('referrals.create', { clientId, partnerId, service, date, pkUserId, overrideReason: 'Belum ada PKS, disetujui Kepala' }, admin)).referral;
    const r1 = await refer(await client(1), a.id, 'pelatihan_keterampilan', '2025-02-03', pk1);
    const r2 = await refer(await client(2), b.id, 'bimbingan_keagamaan', '2025-03-01', pk2);
    await app.call('referrals.setStatus', { id: r2.id, expectedUpdatedAt: r2.updatedAt, status: 'diterima', date: '2025-03-02' }, admin);

    const ids = async (f: Record<string, unknown>) => (await app.call('referrals.list', f, admin)).map((r) => r.id).sort();
    expect(await ids({})).toEqual([r1.id, r2.id].sort());
    expect(await ids({ status: 'diterima' })).toEqual([r2.id]);
    expect(await ids({ service: 'pelatihan_keterampilan' })).toEqual([r1.id]);
    expect(await ids({ partnerId: b.id })).toEqual([r2.id]);
    expect(await ids({ pkUserId: pk1 })).toEqual([r1.id]);
    expect(await ids({ from: '2025-02-04' })).toEqual([r2.id]);
    expect(await ids({ to: '2025-02-03' })).toEqual([r1.id]);
    expect(await ids({ from: '2025-02-01', to: '2025-03-01' })).toEqual([r1.id, r2.id].sort());
    expect((await app.fail('referrals.list', { from: '01/02/2025' }, admin)).code).toBe('VALIDATION');

    const ws = await sheetOf(await app.call('referrals.export', { pkUserId: pk2 }, admin));
    expect(ws.getCell(2, 1).value).toBe('Register Rujukan Klien ke Mitra');
    expect(ws.getCell(3, 1).value).toBe('Filter: PK: PK pk2');
    expect((ws.getRow(6).values as unknown[]).slice(1, 6)).toEqual(['No.', 'Tanggal', 'Nomor surat', 'No. register', 'Klien']);
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(7).getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getRow(7).getCell(5).value).toBe('Klien 2');
    expect(ws.getRow(7).getCell(10).value).toBe('Diterima');
    expect(app.db.raw.prepare(`SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'referral'`).pluck().get()).toBe(1);
  });
});

describe('overdue list', () => {
  beforeEach(async () => {
    app = makeApp(new Date('2025-03-23T03:00:00Z'));
    admin = await setUpOffice(app);
  });

  it('filters by PK and exports what it shows', async () => {
    const pk1 = await newPk('pk1');
    const pk2 = await newPk('pk2');
    await app.call('clients.create', { data: { ...CLIENT, pkUserId: pk1, reportingFrom: '2025-01-15' }, statusDate: '2025-01-15' }, admin);
    await app.call(
      'clients.create',
      { data: { ...CLIENT, registerNumber: 'PB-002/2025', name: 'Andi', nik: '', pkUserId: pk2, reportingFrom: '2025-01-15' }, statusDate: '2025-01-15' },
      admin,
    );
    admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    expect((await app.call('checkins.overdue', {}, admin)).map((r) => r.name).sort()).toEqual(['Andi', 'Budi Santoso']);
    expect((await app.call('checkins.overdue', { pkUserId: pk2 }, admin)).map((r) => [r.name, r.pkUserId])).toEqual([['Andi', pk2]]);

    const ws = await sheetOf(await app.call('checkins.overdueExport', { pkUserId: pk1 }, admin));
    expect(ws.getCell(3, 1).value).toBe('Filter: PK: PK pk1');
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(7).getCell(3).value).toBe('Budi Santoso');
    const since = ws.getRow(7).getCell(6);
    expect([since.type, since.numFmt]).toEqual([ExcelJS.ValueType.Date, 'dd/mm/yyyy']);
  });
});
