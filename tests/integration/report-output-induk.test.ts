import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/dump';
import { pairedOffices, type Pair } from '../support/offices';

/** At a Bapas induk the printed report and its workbook say whose records they count; the induk's letter needs its parent named. */
const NOV = { kind: 'month', year: 2026, month: 11 } as const;
let pair: Pair;
beforeAll(async () => {
  pair = await pairedOffices();
}, 60_000);
afterAll(() => pair.dispose());

const html = async (scope: { kind: 'all' } | { kind: 'own' } | { kind: 'post'; code: string }) =>
  Buffer.from((await pair.parent.call('reports.document', { period: NOV, scope, format: 'html' }, pair.parentAdmin)).base64, 'base64').toString('utf8');

describe('the report printed at a Bapas induk', () => {
  it('prints the scope: all offices together, the induk’s own records, or one post’s', async () => {
    const all = await html({ kind: 'all' });
    expect(all).toContain('LAPORAN BULANAN POKMAS LIPAS BAPAS KELAS I BENGKULU BULAN NOVEMBER 2026');
    expect(all).toContain('<td>Cakupan</td><td>:</td><td>Bapas Kelas I Bengkulu dan 1 pos yang terdaftar (gabungan)</td>');
    expect(await html({ kind: 'own' })).toContain('<td>Cakupan</td><td>:</td><td>Bapas Kelas I Bengkulu</td>');
    expect(await html({ kind: 'post', code: 'CRP' })).toContain('<td>Cakupan</td><td>:</td><td>Pos Bapas Curup</td>');
    const f = await pair.parent.call('reports.export', { period: NOV, scope: { kind: 'post', code: 'CRP' } }, pair.parentAdmin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as never);
    const lines = [1, 2, 3, 4, 5, 6, 7].map((r) => String(wb.worksheets[0]!.getCell(r, 1).value ?? ''));
    expect(lines.some((l) => l.includes('Cakupan: Pos Bapas Curup'))).toBe(true);
  });

  it('refuses the covering letter while the induk’s own parent is not named, changing nothing', async () => {
    const before = dumpDb(pair.parent.db);
    const e = await pair.parent.fail('reports.coverLetter', { period: NOV, format: 'html', number: '1/LAP/2026' }, pair.parentAdmin);
    expect([e.code, e.message]).toEqual(['CONFLICT', 'reports.noParent']);
    expect(dumpDb(pair.parent.db)).toEqual(before);
  });
});
