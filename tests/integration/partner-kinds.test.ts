import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';
import { pairedOffices } from '../support/offices';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const create = (over: Partial<InputOf<'partners.create'>> = {}) => app.call('partners.create', { ...PARTNER, ...over }, admin);

describe('the type of institution of a partner', () => {
  it('is picked from a list an admin extends, stored, shown, filtered on and exported', async () => {
    const kinds = await app.call('institutionTypes.list', {}, admin);
    expect(kinds.map((k) => k.code)).toEqual(expect.arrayContaining(['pondok_pesantren', 'lbh', 'balai_latihan_kerja', 'baznas', 'koperasi', 'lainnya']));
    const added = await app.call('institutionTypes.create', { labelId: 'Sanggar seni', labelEn: 'Art studio' }, admin);
    expect(added).toEqual({ code: 'sanggar_seni', labelId: 'Sanggar seni', labelEn: 'Art studio', builtIn: false });
    expect((await app.call('institutionTypes.list', {}, admin)).map((k) => k.code)).toContain('sanggar_seni');

    const pesantren = await create({ institutionType: 'pondok_pesantren' });
    await create({ name: 'Sanggar Tari Rejang', institutionType: 'sanggar_seni' });
    await create({ name: 'Bengkel Las Maju' });
    expect(pesantren.institutionType).toBe('pondok_pesantren');
    expect((await app.call('partners.get', { id: pesantren.id }, admin)).institutionType).toBe('pondok_pesantren');

    const listed = await app.call('partners.list', { institutionType: 'sanggar_seni' }, admin);
    expect(listed.rows.map((r) => [r.name, r.institutionType])).toEqual([['Sanggar Tari Rejang', 'sanggar_seni']]);
    expect(listed.total).toBe(1);
    expect((await app.call('partners.list', {}, admin)).rows.find((r) => r.name === 'Bengkel Las Maju')!.institutionType).toBeNull();

    const xlsx = await app.call('partners.export', { filter: { institutionType: 'pondok_pesantren' }, format: 'xlsx' }, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(6).values as unknown[]).slice(1);
    const col = header.indexOf('Jenis lembaga') + 1;
    expect(col).toBeGreaterThan(0);
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(7).getCell(col).value).toBe('Pondok pesantren');
    // The title block says the filter in words.
    expect([1, 2, 3, 4].map((r) => ws.getRow(r).getCell(1).value).join('\n')).toContain('Jenis lembaga: Pondok pesantren');

    // The edit history names the type, not its code.
    const updated = await app.call(
      'partners.update',
      { id: pesantren.id, expectedUpdatedAt: pesantren.updatedAt, data: { ...fieldsOf(), institutionType: 'sanggar_seni' } },
      admin,
    );
    expect(updated.institutionType).toBe('sanggar_seni');
    const h = await app.call('partners.history', { id: pesantren.id }, admin);
    expect(h.edits[0]!.changes).toEqual([{ field: 'institutionType', before: 'pondok_pesantren', after: 'sanggar_seni' }]);
    expect(h.names['institution:sanggar_seni']).toBe('Sanggar seni');
  });

  it('refuses an unknown type, a repeated one and one added by anyone but an admin, changing nothing', async () => {
    const petugas = await signInAs(app, admin, 'petugas');
    const before = dumpDb(app.db);
    const unknown = await app.fail('partners.create', { ...PARTNER, institutionType: 'tidak_ada' }, admin);
    expect([unknown.code, unknown.fields]).toEqual(['VALIDATION', { institutionType: 'institutionTypes.unknown' }]);
    const repeated = await app.fail('institutionTypes.create', { labelId: 'PONDOK  Pesantren', labelEn: 'Boarding school' }, admin);
    expect([repeated.code, repeated.fields]).toEqual(['VALIDATION', { labelId: 'institutionTypes.exists' }]);
    expect((await app.fail('institutionTypes.create', { labelId: 'Sanggar seni', labelEn: 'Art studio' }, petugas)).code).toBe('FORBIDDEN');
    expect((await app.fail('services.create', { labelId: 'Pelatihan menjahit', labelEn: 'Sewing' }, petugas)).code).toBe('FORBIDDEN');
    expect(dumpDb(app.db)).toBe(before);
  });

  it('travels with its partner to the Bapas induk, an office-made type included', async () => {
    const p = await pairedOffices();
    try {
      const kind = await p.post.call('institutionTypes.create', { labelId: 'Sanggar seni', labelEn: 'Art studio' }, p.postAdmin);
      await p.post.call('partners.create', { ...PARTNER, institutionType: kind.code }, p.postAdmin);
      await p.post.call('partners.create', { ...PARTNER, name: 'LBH Keadilan', institutionType: 'lbh' }, p.postAdmin);
      await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: p.stick }, p.postAdmin);
      const seen = await p.parent.call('bundles.inspect', { paths: [p.stick] }, p.parentAdmin);
      expect(seen[0]).toMatchObject({ status: 'ok' });
      expect(seen[0]!.tables.find((t) => t.table === 'institution_types')).toMatchObject({ added: 1 });
      await p.parent.call('bundles.apply', { paths: [p.stick], accept: [seen[0]!.sha256!] }, p.parentAdmin);
      const rows = (await p.parent.call('partners.list', {}, p.parentAdmin)).rows;
      expect(rows.map((r) => [r.name, r.institutionType, r.origin])).toEqual([
        ['LBH Keadilan', 'lbh', 'CRP'],
        [PARTNER.name, 'sanggar_seni', 'CRP'],
      ]);
      expect((await p.parent.call('partners.list', { institutionType: 'sanggar_seni' }, p.parentAdmin)).total).toBe(1);
      expect((await p.parent.call('institutionTypes.list', {}, p.parentAdmin)).find((k) => k.code === 'sanggar_seni')).toMatchObject({
        labelId: 'Sanggar seni',
      });
    } finally {
      p.dispose();
    }
  });
});

const fieldsOf = () => {
  const { statusDate: _d, ...fields } = PARTNER;
  return fields;
};

describe('a partner at the level of a province', () => {
  it('is registered with a province of the coverage and no kabupaten, shown and exported as such', async () => {
    const provinces = await app.call('wilayah.provinces', {}, admin);
    expect(provinces).toEqual([{ code: '17', name: 'Provinsi Bengkulu' }]);
    const dinsos = await create({ name: 'Dinas Sosial Provinsi Bengkulu', institutionType: 'dinas_instansi', provinceCode: '17', regencyCode: null });
    expect(dinsos).toMatchObject({ provinceCode: '17', provinceName: 'Provinsi Bengkulu', regencyCode: null, regencyName: null });
    const row = (await app.call('partners.list', { q: 'dinas sosial' }, admin)).rows[0]!;
    expect(row).toMatchObject({ provinceCode: '17', provinceName: 'Provinsi Bengkulu' });
    const csv = await app.call('partners.export', { filter: { q: 'dinas' }, format: 'csv' }, admin);
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('Tingkat provinsi (Provinsi Bengkulu)');
    // Moved down to one kabupaten, it is no longer province-level.
    const moved = await app.call(
      'partners.update',
      { id: dinsos.id, expectedUpdatedAt: dinsos.updatedAt, data: { ...fieldsOf(), name: dinsos.name, provinceCode: null, regencyCode: '17.02' } },
      admin,
    );
    expect(moved).toMatchObject({ provinceCode: null, regencyCode: '17.02' });
  });

  it('refuses a province outside the coverage, a province together with a kabupaten, and a bad code, changing nothing', async () => {
    const before = dumpDb(app.db);
    const cases: [Partial<InputOf<'partners.create'>>, Record<string, string>][] = [
      [{ provinceCode: '32', regencyCode: null }, { provinceCode: 'v.outsideCoverage' }],
      [{ provinceCode: '17', regencyCode: '17.02' }, { provinceCode: 'partners.provinceWithRegency' }],
      [{ provinceCode: '17.02', regencyCode: null }, { provinceCode: 'v.wilayah' }],
    ];
    for (const [over, fields] of cases) {
      const e = await app.fail('partners.create', { ...PARTNER, ...over }, admin);
      expect(e.code, JSON.stringify(over)).toBe('VALIDATION');
      expect(e.fields, JSON.stringify(over)).toMatchObject(fields);
    }
    expect(dumpDb(app.db)).toBe(before);
  });
});

describe('the duplicate warning', () => {
  it.each([
    ['Baznas Kab. Rejang Lebong', 'BAZNAS Kabupaten Rejang Lebong'],
    ['Baznas Kab Rejang Lebong', 'baznas  kabupaten rejang-lebong'],
    ['Dinas Sosial Kotamadya Curup', 'Dinas Sosial Kota Curup'],
    ['Ponpes Al-Hikmah', 'Pondok Pesantren Al Hikmah.'],
  ])('finds %j when %j is typed, and refuses the save until confirmed', async (stored, typed) => {
    await create({ name: stored });
    expect(await app.call('partners.duplicates', { name: typed, regencyCode: '17.02' }, admin)).toEqual([
      { id: expect.any(String), name: stored, regencyName: 'Kabupaten Rejang Lebong', archived: false },
    ]);
    // Another kabupaten is another institution.
    expect(await app.call('partners.duplicates', { name: typed, regencyCode: '17.08' }, admin)).toEqual([]);
    const before = dumpDb(app.db);
    const e = await app.fail('partners.create', { ...PARTNER, name: typed }, admin);
    expect([e.code, e.message, e.fields]).toEqual(['CONFLICT', 'partners.duplicate', { name: 'partners.duplicate' }]);
    expect(dumpDb(app.db)).toBe(before);
    await expect(create({ name: typed, confirmDuplicate: true })).resolves.toMatchObject({ name: typed });
  });

  it('does not take a different institution for a variant, and checks a rename the same way', async () => {
    await create({ name: 'Baznas Kabupaten Rejang Lebong' });
    expect(await app.call('partners.duplicates', { name: 'Baznas Kabupaten Lebong', regencyCode: '17.02' }, admin)).toEqual([]);
    const other = await create({ name: 'Bengkel Las Maju' });
    const e = await app.fail(
      'partners.update',
      { id: other.id, expectedUpdatedAt: other.updatedAt, data: { ...fieldsOf(), name: 'BAZNAS Kab. Rejang Lebong' } },
      admin,
    );
    expect([e.code, e.message]).toEqual(['CONFLICT', 'partners.duplicate']);
  });
});
