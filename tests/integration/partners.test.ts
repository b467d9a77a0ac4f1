import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const create = (over: Partial<InputOf<'partners.create'>> = {}) => app.call('partners.create', { ...PARTNER, ...over }, admin);
const count = (table: string) => (app.db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('partners', () => {
  it('stores a partner with normalised phone, wilayah names and an initial status entry', async () => {
    const p = await create({ districtCode: '17.02.06', phone: '(0732) 21234' });
    expect(p).toMatchObject({ phone: '+6273221234', regencyName: 'Kabupaten Rejang Lebong', status: 'calon', origin: 'CRP', archivedAt: null });
    expect(p.districtName).toBeTruthy();
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    const h = await app.call('partners.history', { id: p.id }, admin);
    expect(h.statusChanges).toMatchObject([{ fromStatus: null, toStatus: 'calon', byName: 'Siti Rahmawati' }]);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const before = dumpDb(app.db);
    const cases: [Partial<InputOf<'partners.create'>>, Record<string, string>][] = [
      [{ name: '  ' }, { name: 'v.required' }],
      [{ phone: '12345' }, { phone: 'v.phone' }],
      [{ email: 'bukan-email' }, { email: 'v.email' }],
      [{ bidang: [] }, { bidang: 'v.bidang' }],
      [{ regencyCode: '17.02', districtCode: '17.03.01' }, { districtCode: 'v.wilayahNesting' }],
      [{ regencyCode: '32.01' }, { regencyCode: 'v.outsideCoverage' }],
      [{ services: ['tidak_ada'] }, { services: 'v.serviceUnknown' }],
      [{ capacity: -1 }, { capacity: 'v.range' }],
      [{ statusDate: '2025-02-30' }, { statusDate: 'v.date' }],
    ];
    for (const [over, fields] of cases) {
      const e = await app.fail('partners.create', { ...PARTNER, ...over }, admin);
      expect(e.code, JSON.stringify(over)).toBe('VALIDATION');
      expect(e.fields, JSON.stringify(over)).toMatchObject(fields);
    }
    expect(dumpDb(app.db)).toBe(before);
  });

  it('warns about the same name in the same kabupaten until confirmed', async () => {
    await create();
    const e = await app.fail('partners.create', { ...PARTNER, name: 'pondok pesantren AL HIKMAH' }, admin);
    expect([e.code, e.message, e.fields]).toEqual(['CONFLICT', 'partners.duplicate', { name: 'partners.duplicate' }]);
    expect(await app.call('partners.duplicates', { name: 'Pondok Pesantren Al Hikmah', regencyCode: '17.02' }, admin)).toHaveLength(1);
    await expect(create({ regencyCode: '17.08' })).resolves.toBeTruthy();
    await expect(create({ confirmDuplicate: true })).resolves.toBeTruthy();
    expect((await app.call('partners.list', {}, admin)).total).toBe(3);
  });

  it('updates with optimistic concurrency and records each field change with the user', async () => {
    const p = await create();
    const { statusDate: _d, ...fields } = PARTNER;
    const updated = await app.call(
      'partners.update',
      { id: p.id, expectedUpdatedAt: p.updatedAt, data: { ...fields, capacity: 25, phone: '081234567890' } },
      admin,
    );
    expect(updated).toMatchObject({ capacity: 25, phone: '+6281234567890' });
    const stale = await app.fail('partners.update', { id: p.id, expectedUpdatedAt: p.updatedAt, data: fields }, admin);
    expect([stale.code, stale.message]).toEqual(['CONFLICT', 'common.staleEdit']);
    const h = await app.call('partners.history', { id: p.id }, admin);
    expect(h.edits[0]).toMatchObject({ action: 'update', userName: 'Siti Rahmawati' });
    expect(h.edits[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'capacity', before: 10, after: 25 },
        { field: 'phone', before: '+6281273456789', after: '+6281234567890' },
      ]),
    );
    expect(h.edits[0]!.changes).toHaveLength(2);
  });

  it('moves status only along the allowed path and not back in time', async () => {
    const p = await create();
    expect((await app.fail('partners.setStatus', { id: p.id, status: 'aktif', date: '2025-03-02' }, admin)).fields).toEqual({ status: 'partners.statusMove' });
    expect((await app.fail('partners.setStatus', { id: p.id, status: 'terverifikasi', date: '2025-02-01' }, admin)).fields).toEqual({
      date: 'partners.statusDateBefore',
    });
    await app.call('partners.setStatus', { id: p.id, status: 'terverifikasi', date: '2025-03-02', note: 'Verifikasi lapangan' }, admin);
    const active = await app.call('partners.setStatus', { id: p.id, status: 'aktif', date: '2025-03-10' }, admin);
    expect(active).toMatchObject({ status: 'aktif', statusDate: '2025-03-10' });
    const h = await app.call('partners.history', { id: p.id }, admin);
    expect(h.statusChanges.map((s) => s.toStatus)).toEqual(['aktif', 'terverifikasi', 'calon']);
    expect(h.statusChanges[1]!.note).toBe('Verifikasi lapangan');
  });

  it('archives instead of deleting, and only an admin restores', async () => {
    const petugas = await signInAs(app, admin, 'petugas');
    const p = await create();
    await app.call('partners.archive', { id: p.id }, petugas);
    expect((await app.call('partners.list', {}, admin)).total).toBe(0);
    expect((await app.call('partners.list', { archived: 'archived' }, admin)).rows[0]!.id).toBe(p.id);
    expect(
      (await app.fail('partners.update', { id: p.id, expectedUpdatedAt: p.updatedAt, data: { ...PARTNER, status: undefined } as never }, admin)).code,
    ).toBe('VALIDATION');
    expect((await app.fail('partners.setStatus', { id: p.id, status: 'terverifikasi', date: '2025-03-05' }, admin)).message).toBe('partners.archivedNoEdit');
    await app.call('partners.restore', { id: p.id }, admin);
    expect((await app.call('partners.list', {}, admin)).total).toBe(1);
    expect(count('partners')).toBe(1);
  });

  it('searches ignoring case and accents, by word parts, and filters and sorts', async () => {
    await create({ name: 'Yayasan Cahaya Ümmah', category: 'ormas', regencyCode: '17.08', capacity: 3 });
    await create({
      name: 'LBH Rejang Lebong',
      category: 'lainnya',
      bidang: ['hukum_kemasyarakatan'],
      services: ['bantuan_hukum'],
      regencyCode: '17.02',
      capacity: 30,
    });
    await create({ name: 'Bengkel Las 100% Jaya', category: 'wirausaha', services: ['penyaluran_kerja'], regencyCode: '17.07', capacity: 7, status: 'aktif' });
    const names = async (q: InputOf<'partners.list'>) => (await app.call('partners.list', q, admin)).rows.map((r) => r.name);
    expect(await names({ q: 'UMMAH' })).toEqual(['Yayasan Cahaya Ümmah']);
    expect(await names({ q: 'cah umm' })).toEqual(['Yayasan Cahaya Ümmah']);
    expect(await names({ q: 'ejan' })).toEqual(['LBH Rejang Lebong']);
    expect(await names({ q: '100%' })).toEqual(['Bengkel Las 100% Jaya']);
    expect(await names({ bidang: 'hukum_kemasyarakatan' })).toEqual(['LBH Rejang Lebong']);
    expect(await names({ category: 'wirausaha' })).toEqual(['Bengkel Las 100% Jaya']);
    expect(await names({ service: 'bantuan_hukum' })).toEqual(['LBH Rejang Lebong']);
    expect(await names({ status: 'aktif' })).toEqual(['Bengkel Las 100% Jaya']);
    expect(await names({ regencyCode: '17.08' })).toEqual(['Yayasan Cahaya Ümmah']);
    expect(await names({ sort: 'capacity', dir: 'desc' })).toEqual(['LBH Rejang Lebong', 'Bengkel Las 100% Jaya', 'Yayasan Cahaya Ümmah']);
    expect(await names({ sort: 'name' })).toEqual(['Bengkel Las 100% Jaya', 'LBH Rejang Lebong', 'Yayasan Cahaya Ümmah']);
    const page = await app.call('partners.list', { sort: 'name', limit: 2, offset: 2 }, admin);
    expect([page.total, page.rows.map((r) => r.name)]).toEqual([3, ['Yayasan Cahaya Ümmah']]);
  });

  it('exports the filtered list to xlsx and csv that real parsers read back', async () => {
    await create();
    await create({ name: '=HYPERLINK("http://x")', regencyCode: '17.08' });
    const xlsx = await app.call('partners.export', { filter: { q: 'pondok' }, format: 'xlsx' }, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // Heading block (4 lines), a blank row, the header on row 6, one partner below it.
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(7).getCell(2).value).toBe('Pondok Pesantren Al-Hikmah');
    expect(ws.getRow(7).getCell(14).value).toBe('Kabupaten Rejang Lebong');
    const csv = await app.call('partners.export', { filter: {}, format: 'csv' }, admin);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFNo.;Nama;')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    const audit = await app.call('audit.list', { entity: 'partner', entityId: '*' }, admin);
    expect(audit.entries.map((e) => e.action)).toEqual(['export', 'export']);
  });

  it("dates an archived partner in the export by the office's day, not the UTC one", async () => {
    app.dispose();
    app = makeApp(new Date('2025-03-05T20:00:00Z')); // 03:00 WIB on 6 March, still 5 March in UTC
    admin = await setUpOffice(app);
    const p = await create({ statusDate: '2025-03-06' });
    await app.call('partners.archive', { id: p.id }, admin);
    const csv = await app.call('partners.export', { filter: { archived: 'archived' }, format: 'csv' }, admin);
    const [header, row] = Buffer.from(csv.base64, 'base64').toString('utf8').trim().split(/\r?\n/);
    expect(header!.split(';').at(-1)).toBe('Diarsipkan');
    expect(row!.split(';').at(-1)).toBe('06/03/2025');
  });
});

describe('every write is one transaction with its audit entry and outbox row', () => {
  it('appends exactly one audit row and one change-log row per write', async () => {
    const audit0 = count('audit_log');
    const log0 = count('change_log');
    const p = await create();
    expect([count('audit_log') - audit0, count('change_log') - log0]).toEqual([1, 1]);
    await app.call('partners.archive', { id: p.id }, admin);
    expect([count('audit_log') - audit0, count('change_log') - log0]).toEqual([2, 2]);
    const rows = app.db.raw.prepare('SELECT entity, entity_id, op, origin FROM change_log ORDER BY seq').all();
    expect(rows).toEqual([
      { entity: 'partner', entity_id: p.id, op: 'upsert', origin: 'CRP' },
      { entity: 'partner', entity_id: p.id, op: 'upsert', origin: 'CRP' },
    ]);
  });

  it('leaves the database unchanged when a write fails inside its transaction', async () => {
    await create();
    const before = dumpDb(app.db);
    await app.fail('partners.create', PARTNER, admin); // duplicate: refused after the write lock is taken
    expect(dumpDb(app.db)).toBe(before);
  });
});

describe('Pokmas groups', () => {
  it('groups partners per bidang, a partner in several groups, membership changes kept as tombstones', async () => {
    const a = await create();
    const b = await create({ name: 'LBH Rejang Lebong', bidang: ['hukum_kemasyarakatan'] });
    const g1 = await app.call('pokmas.create', { name: 'Pokmas Kemandirian Curup', bidang: 'kemandirian_kepribadian', memberIds: [a.id, b.id] }, admin);
    const g2 = await app.call('pokmas.create', { name: 'Pokmas Hukum Curup', bidang: 'hukum_kemasyarakatan', memberIds: [a.id] }, admin);
    expect(g1.members.map((m) => m.name)).toEqual(['LBH Rejang Lebong', 'Pondok Pesantren Al-Hikmah']);
    expect((await app.call('partners.get', { id: a.id }, admin)).groups.map((g) => g.name).sort()).toEqual(['Pokmas Hukum Curup', 'Pokmas Kemandirian Curup']);
    const g1b = await app.call(
      'pokmas.update',
      { id: g1.id, expectedUpdatedAt: g1.updatedAt, data: { name: g1.name, bidang: g1.bidang, memberIds: [a.id] } },
      admin,
    );
    expect(g1b.members.map((m) => m.id)).toEqual([a.id]);
    const rows = () =>
      app.db.raw.prepare('SELECT partner_id, deleted_at FROM pokmas_members WHERE group_id = ?').all(g1.id) as {
        partner_id: string;
        deleted_at: string | null;
      }[];
    expect(rows().find((r) => r.partner_id === b.id)?.deleted_at).not.toBeNull();
    await app.call(
      'pokmas.update',
      { id: g1.id, expectedUpdatedAt: g1b.updatedAt, data: { name: g1.name, bidang: g1.bidang, memberIds: [a.id, b.id] } },
      admin,
    );
    expect(rows()).toHaveLength(2);
    expect(rows().every((r) => r.deleted_at === null)).toBe(true);
    await app.call('partners.archive', { id: b.id }, admin);
    const e = await app.fail('pokmas.create', { name: 'Baru', bidang: 'hukum_kemasyarakatan', memberIds: [b.id] }, admin);
    expect(e.fields).toEqual({ memberIds: 'pokmas.memberUnknown' });
    expect((await app.call('pokmas.list', {}, admin)).map((g) => g.id).sort()).toEqual([g1.id, g2.id].sort());
  });
});
