import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/index';
import type { ExportFile } from '../../shared/types';
import { agreementWith, CLIENT } from '../support/fixtures';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

async function sheetOf(file: ExportFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const HEADER_ROW = 6;
const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(HEADER_ROW).values as unknown[]).slice(1);
const cellUnder = (ws: ExcelJS.Worksheet, header: string, n = 1) => ws.getRow(HEADER_ROW + n).getCell(headers(ws).indexOf(header) + 1);

describe('exported lists an office can use as they are', () => {
  it('gives an .xlsx a title block, a "No." column, labels, wilayah names, real dates, a frozen filterable header and text phones', async () => {
    await app.call('partners.create', { ...PARTNER, skNumber: 'SK-1', skDate: '2025-01-20' }, admin);
    await app.call('partners.create', { ...PARTNER, name: 'Yayasan Lain', regencyCode: '17.08' }, admin);
    const ws = await sheetOf(await app.call('partners.export', { filter: { q: 'pondok', regencyCode: '17.02' }, format: 'xlsx' }, admin));

    expect([1, 2, 3, 4].map((r) => ws.getCell(r, 1).value)).toEqual([
      'Pos Bapas Curup',
      'Daftar Mitra',
      'Filter: Pencarian: "pondok"; Kabupaten/Kota: Kabupaten Rejang Lebong',
      // The test clock is 03:00 UTC: 10.00 in the office's zone (WIB).
      'Dicetak 5 Maret 2025 10.00 WIB oleh Siti Rahmawati',
    ]);
    expect(headers(ws)[0]).toBe('No.');
    expect(ws.getRow(HEADER_ROW + 1).getCell(1).value).toBe(1);
    expect(ws.rowCount).toBe(HEADER_ROW + 1);
    expect(cellUnder(ws, 'Kategori').value).toBe(translate('id', 'category.ormas'));
    expect(cellUnder(ws, 'Bidang').value).not.toMatch(/_/);
    expect(cellUnder(ws, 'Kabupaten/Kota').value).toBe('Kabupaten Rejang Lebong');

    for (const [header, iso] of [
      ['Tanggal status', '2025-03-01'],
      ['Tanggal SK', '2025-01-20'],
    ] as const) {
      const c = cellUnder(ws, header);
      expect(c.type, header).toBe(ExcelJS.ValueType.Date);
      expect((c.value as Date).toISOString().slice(0, 10)).toBe(iso);
      expect(c.numFmt).toBe('dd/mm/yyyy');
    }
    const phone = cellUnder(ws, 'Telepon');
    expect([phone.type, phone.value]).toEqual([ExcelJS.ValueType.String, '0812-7345-6789']);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.autoFilter).toBe(`A${HEADER_ROW}:${ws.getColumn(headers(ws).length).letter}${HEADER_ROW}`);
    for (let i = 1; i <= headers(ws).length; i++) {
      const w = ws.getColumn(i).width ?? 0;
      expect(w).toBeGreaterThanOrEqual(5);
      expect(w).toBeLessThanOrEqual(60);
    }
  });

  it('writes real dates and labels in the client and PKS exports too', async () => {
    await app.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, admin);
    const clients = await sheetOf(await app.call('clients.export', {}, admin));
    expect(clients.getCell(2, 1).value).toBe('Daftar Klien');
    expect(cellUnder(clients, 'Jenis kelamin').value).toBe('Laki-laki');
    expect(cellUnder(clients, 'Mulai bimbingan').type).toBe(ExcelJS.ValueType.Date);
    expect(cellUnder(clients, 'Kabupaten/Kota').value).toBe('Kabupaten Rejang Lebong');

    const p = await app.call('partners.create', PARTNER, admin);
    await app.call('agreements.create', agreementWith(p.id), admin);
    const pks = await sheetOf(await app.call('agreements.export', { status: 'draf' }, admin));
    expect(pks.getCell(3, 1).value).toMatch(/^Filter: Status: /);
    expect(cellUnder(pks, 'Mulai').type).toBe(ExcelJS.ValueType.Date);
    expect(cellUnder(pks, 'Mulai').numFmt).toBe('dd/mm/yyyy');
  });

  it('writes CSV for Excel set to Indonesian: a BOM, semicolons, formulas neutralised; commas when asked', async () => {
    await app.call('partners.create', PARTNER, admin);
    await app.call('partners.create', { ...PARTNER, name: '=HYPERLINK("http://x")', regencyCode: '17.08' }, admin);
    const text = async (separator?: 'comma' | 'semicolon') =>
      Buffer.from((await app.call('partners.export', { filter: {}, format: 'csv', ...(separator ? { separator } : {}) }, admin)).base64, 'base64').toString(
        'utf8',
      );
    const semi = await text();
    expect(semi.startsWith('\uFEFFNo.;Nama;Kategori;')).toBe(true);
    expect(semi).toContain(`;"'=HYPERLINK(""http://x"")";`);
    // Dates as people read them, phones without an apostrophe.
    expect(semi).toContain(';01/03/2025;');
    expect(semi).toContain(';0812-7345-6789;');
    expect(semi).not.toContain("'0812");
    const comma = await text('comma');
    expect(comma.startsWith('\uFEFFNo.,Nama,Kategori,')).toBe(true);
  });
});
