import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, setUpOffice, signInAs, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const create = (data: Partial<InputOf<'clients.create'>['data']> = {}, token = admin) =>
  app.call('clients.create', { data: { ...CLIENT, ...data }, statusDate: '2025-01-15' }, token);

describe('clients', () => {
  it('are registered with derived facts: adult or child, suggested phase, wilayah names, the first status', async () => {
    const c = await create();
    expect(c).toMatchObject({
      registerNumber: 'PB-001/2025',
      nik: '1702091503850001',
      nikMasked: false,
      status: 'aktif',
      isChild: false,
      regencyName: 'Kabupaten Rejang Lebong',
      districtName: 'Curup',
      phone: '+6281312345678',
      // The test clock stands at 5 March 2025: in the first third of a year's supervision.
      phase: 'awal',
      suggestedPhase: 'awal',
    });
    expect(c.timeline).toEqual([{ kind: 'status', date: '2025-01-15', status: 'aktif', fromStatus: null, detail: '', by: 'Siti Rahmawati' }]);
    const child = await create({ registerNumber: 'DIV-01/2025', nik: '', birthDate: '2009-06-01', program: 'diversi', phaseOverride: 'akhir' });
    expect(child).toMatchObject({ isChild: true, phase: 'akhir', suggestedPhase: 'awal', nik: null });
  });

  it('are found by part of the name, the register number or the NIK, filtered and sorted', async () => {
    await create();
    await create({ registerNumber: 'CB-007/2024', name: 'Siti Aminah', nik: '1702095507900003', sex: 'P', birthDate: '1990-07-15', program: 'cb' });
    const names = async (input: InputOf<'clients.list'>) => (await app.call('clients.list', input, admin)).rows.map((r) => r.name);
    expect(await names({ q: 'santo' })).toEqual(['Budi Santoso']);
    expect(await names({ q: 'cb-007' })).toEqual(['Siti Aminah']);
    expect(await names({ q: '55079' })).toEqual(['Siti Aminah']);
    expect(await names({ program: 'pb' })).toEqual(['Budi Santoso']);
    expect(await names({ sort: 'registerNumber' })).toEqual(['Siti Aminah', 'Budi Santoso']);
    expect(await names({ sort: 'name', dir: 'desc' })).toEqual(['Siti Aminah', 'Budi Santoso']);
  });

  it('refuse a bad NIK, a kecamatan that does not exist, a NIK already on an active client and a duplicate register number; nothing is saved', async () => {
    await create();
    const before = dumpDb(app.db);
    const fields = async (data: Partial<InputOf<'clients.create'>['data']>) =>
      (await app.fail('clients.create', { data: { ...CLIENT, registerNumber: 'X-1', ...data }, statusDate: '2025-01-15' }, admin)).fields;
    // 14 digits: said to be too short, not read as a NIK whose serial or date is wrong.
    expect(await fields({ nik: '17020915038500' })).toEqual({ 'data.nik': 'v.nik.short' });
    expect(await fields({ nik: '1702093102850001' })).toEqual({ 'data.nik': 'v.nik.date' }); // 31 February
    expect(await fields({ nik: '9999011503850001' })).toEqual({ 'data.nik': 'v.nik.district' });
    expect(await fields({})).toEqual({ 'data.nik': 'clients.nikTaken' });
    expect(await fields({ registerNumber: 'PB-001/2025', nik: '' })).toEqual({ 'data.registerNumber': 'clients.registerTaken' });
    expect(await fields({ nik: '', supervisionEnd: '2024-12-31' })).toEqual({ 'data.supervisionEnd': 'v.endBeforeStart' });
    expect(await fields({ nik: '', districtCode: '17.08.01' })).toEqual({ 'data.districtCode': 'v.wilayahNesting' });
    expect(dumpDb(app.db)).toBe(before);
  });

  it('warn, without refusing, when the NIK disagrees with sex or birth date', async () => {
    const check = (input: Partial<InputOf<'clients.checkNik'>>) => app.call('clients.checkNik', { nik: CLIENT.nik, ...input }, admin);
    expect(await check({ sex: 'L', birthDate: '1985-03-15' })).toEqual({
      problem: null,
      districtName: 'Curup',
      regencyName: 'Kabupaten Rejang Lebong',
      mismatches: [],
      takenBy: null,
    });
    expect((await check({ sex: 'P', birthDate: '1985-03-16' })).mismatches).toEqual(['sex', 'birthDate']);
    expect((await check({ nik: '9999011503850001' })).problem).toBe('district');
    expect((await check({ nik: '12' })).problem).toBe('short');
    const c = await create({ sex: 'P', birthDate: '1985-03-16' });
    expect(c.sex).toBe('P');
    expect((await check({})).takenBy).toEqual({ id: c.id, name: 'Budi Santoso', registerNumber: 'PB-001/2025' });
    expect((await check({ excludeId: c.id })).takenBy).toBeNull();
  });

  it('change status with date and reason, on the timeline; the NIK is free again once the client is no longer active', async () => {
    const c = await create();
    const done = await app.call('clients.setStatus', { id: c.id, status: 'selesai', date: '2026-01-14', reason: 'Masa bimbingan berakhir' }, admin);
    expect(done.status).toBe('selesai');
    expect(done.timeline[0]).toMatchObject({ status: 'selesai', fromStatus: 'aktif', date: '2026-01-14', detail: 'Masa bimbingan berakhir' });
    // The same person comes back under a new register number.
    const again = await create({ registerNumber: 'PB-044/2026', supervisionStart: '2026-03-01', supervisionEnd: '2027-02-28' });
    const refused = await app.fail('clients.setStatus', { id: c.id, status: 'aktif', date: '2026-03-02', reason: 'Salah input' }, admin);
    expect(refused.fields).toEqual({ status: 'clients.nikTaken' });
    expect((await app.fail('clients.setStatus', { id: again.id, status: 'aktif', date: '2026-03-02', reason: 'x' }, admin)).fields).toEqual({
      status: 'clients.sameStatus',
    });
    expect((await app.fail('clients.setStatus', { id: c.id, status: 'dicabut', date: '2025-12-01', reason: 'x' }, admin)).fields).toEqual({
      date: 'clients.statusBeforeLast',
    });
  });

  it('show the pimpinan role masked NIKs unless the office allows, and put every view of a full record in the audit log', async () => {
    const c = await create();
    const pimpinan = await signInAs(app, admin, 'pimpinan');
    expect((await app.call('clients.list', {}, pimpinan)).rows[0]!.nik).toBe('1702********0001');
    const seen = await app.call('clients.get', { id: c.id }, pimpinan);
    expect([seen.nik, seen.nikMasked]).toEqual(['1702********0001', true]);
    expect((await app.fail('clients.create', { data: { ...CLIENT, registerNumber: 'Y' }, statusDate: '2025-01-15' }, pimpinan)).code).toBe('FORBIDDEN');

    // The export shows what the screen shows: masked for the pimpinan, in full for the officer; both are audited.
    const nikInExport = async (token: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await app.call('clients.export', {}, token)).base64, 'base64') as unknown as ArrayBuffer);
      return wb.worksheets[0]!.getRow(7).getCell(4).value;
    };
    expect(await nikInExport(pimpinan)).toBe('1702********0001');
    expect(await nikInExport(admin)).toBe('1702091503850001');
    expect(app.db.raw.prepare(`SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'client'`).pluck().get()).toBe(2);

    const settings = await app.call('settings.get', {}, admin);
    await app.call('settings.update', { security: { ...settings.security, pimpinanSeesNik: true } }, admin);
    expect((await app.call('clients.get', { id: c.id }, pimpinan)).nik).toBe('1702091503850001');

    const views = app.db.raw.prepare(`SELECT user_name FROM audit_log WHERE action = 'view' AND entity = 'client' AND entity_id = ?`).all(c.id);
    expect(views).toEqual([{ user_name: 'Pengguna pimpinan' }, { user_name: 'Pengguna pimpinan' }]);
  });

  it('refuse a stale edit and keep one audit row and one change-log row per write', async () => {
    const c = await create();
    const edited = await app.call('clients.update', { id: c.id, expectedUpdatedAt: c.updatedAt, data: { ...CLIENT, phone: '0812-0000-1111' } }, admin);
    expect(edited.phone).toBe('+6281200001111');
    expect((await app.fail('clients.update', { id: c.id, expectedUpdatedAt: c.updatedAt, data: { ...CLIENT } }, admin)).code).toBe('CONFLICT');
    const audit = app.db.raw.prepare(`SELECT action FROM audit_log WHERE entity = 'client' AND entity_id = ? ORDER BY seq`).pluck().all(c.id);
    expect(audit).toEqual(['create', 'update']);
    const changes = app.db.raw.prepare(`SELECT count(*) FROM change_log WHERE entity = 'client' AND entity_id = ?`).pluck().get(c.id);
    expect(changes).toBe(2);
  });
});
