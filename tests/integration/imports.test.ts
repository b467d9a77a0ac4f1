import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportStatus } from '../../shared/types';
import { dumpDb } from '../support/dump';
import { makeApp, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const HEADERS = ['No', 'No. Register', 'Nama', 'NIK', 'Tempat/Tgl Lahir', 'Jenis Kelamin', 'Program', 'Tgl Mulai Bimbingan', 'Tgl Akhir Bimbingan', 'Alamat'];

/** A workbook as offices keep it: a title, a blank line, the headers, then clients — one NIK typed as a number. */
async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Klien 2025');
  ws.addRow(['DAFTAR KLIEN POS BAPAS CURUP']);
  ws.addRow([]);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Rekap').addRow(['Jumlah', rows.length]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ROWS: (string | number | Date | null)[][] = [
  [1, 'PB-001/2025', 'Budi Santoso', '1702091503850001', 'Curup, 15-03-1985', 'L', 'PB', '15/01/2025', '14 Januari 2026', 'Jl. Sukowati 5'],
  [2, 'CB-002/2025', 'Siti Aminah', 1702095507900000, 'Curup, 15 Juli 1990', 'Perempuan', 'Cuti Bersyarat', 45672, '2025-12-31', 'Jl. Merdeka 3'],
  [3, 'AS-003/2025', 'Andi Wijaya', '', 'Kepahiang, 2 Mei 1999', 'L', 'Asimilasi', new Date(Date.UTC(2025, 1, 1)), '31-02-2026', ''],
  [4, 'PB-004/2025', 'Rudi', '1702091208920003', 'Curup, 12-08-1992', 'L', 'PB', '03/02/2025', '02/02/2026', ''],
];

async function settle(jobId: string): Promise<ImportStatus> {
  for (;;) {
    const s = await app.call('imports.status', { jobId }, admin);
    if (s.phase !== 'reading' && s.phase !== 'checking') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function dryRun(bytes: Buffer, filename = 'klien.xlsx') {
  const opened = await app.call('imports.open', { filename, base64: bytes.toString('base64') }, admin);
  const ready = await settle(opened.jobId);
  expect(ready.phase).toBe('ready');
  const cols = await app.call('imports.columns', { jobId: opened.jobId, sheet: 0 }, admin);
  await app.call('imports.check', { jobId: opened.jobId, sheet: 0, headerRow: cols.headerRow, mapping: cols.mapping }, admin);
  const checked = await settle(opened.jobId);
  const rows = (await app.call('imports.rows', { jobId: opened.jobId }, admin)).rows;
  return { jobId: opened.jobId, ready, cols, checked, rows };
}

describe('client import', () => {
  it('finds the sheets and the header under the title, and maps the Indonesian headers', async () => {
    const { ready, cols } = await dryRun(await workbook(ROWS));
    expect(ready.sheets).toEqual([
      { name: 'Klien 2025', rows: 7 },
      { name: 'Rekap', rows: 1 },
    ]);
    expect(cols).toMatchObject({
      headerRow: 2,
      dataRows: 4,
      mapping: { registerNumber: 1, name: 2, nik: 3, placeAndDate: 4, sex: 5, program: 6, supervisionStart: 7, supervisionEnd: 8, address: 9 },
    });
    expect(cols.sample[0]?.slice(1, 3)).toEqual(['PB-001/2025', 'Budi Santoso']);
  });

  it('dry-runs every row as new, update or error with the reason, writing nothing', async () => {
    const before = dumpDb(app.db);
    const { checked, rows } = await dryRun(await workbook(ROWS));
    expect(checked).toMatchObject({ phase: 'checked', counts: { new: 2, update: 0, unchanged: 0, error: 2 } });
    expect(rows.map((r) => [r.row, r.action, r.registerNumber])).toEqual([
      [4, 'new', 'PB-001/2025'],
      [5, 'error', 'CB-002/2025'],
      [6, 'error', 'AS-003/2025'],
      [7, 'new', 'PB-004/2025'],
    ]);
    // The NIK typed into a number cell lost its last digit: flagged, never saved.
    expect(rows[1]!.errors).toEqual([{ field: 'nik', key: 'imports.nikDamaged', params: { value: '1702095507900000' } }]);
    expect(rows[2]!.errors).toEqual([{ field: 'supervisionEnd', key: 'imports.badDate', params: { value: '31-02-2026' } }]);
    // "15/01/2025" cannot be misread (no 15th month); "03/02/2025" can, and is flagged.
    expect(rows[0]!.warnings).toEqual([]);
    // 12-08-1992 and 03/02/2025 read day first but could be the other way round; 02/02/2026 cannot.
    expect(rows[3]!.warnings).toEqual([
      { field: 'birthDate', key: 'imports.ambiguousDate', params: { value: '12-08-1992', date: '12 Agustus 1992' } },
      { field: 'supervisionStart', key: 'imports.ambiguousDate', params: { value: '03/02/2025', date: '3 Februari 2025' } },
    ]);
    expect(dumpDb(app.db)).toBe(before);
  });

  it('commits the accepted rows in one go, keeps a downloadable report, and a re-import changes nothing', async () => {
    const bytes = await workbook(ROWS);
    const first = await dryRun(bytes);
    const done = await app.call('imports.commit', { jobId: first.jobId }, admin);
    expect(done.phase).toBe('committed');
    const list = await app.call('clients.list', { sort: 'registerNumber' }, admin);
    expect(list.rows.map((r) => [r.registerNumber, r.name, r.program])).toEqual([
      ['PB-001/2025', 'Budi Santoso', 'pb'],
      ['PB-004/2025', 'Rudi', 'pb'],
    ]);
    const budi = await app.call('clients.get', { id: list.rows[0]!.id }, admin);
    expect(budi).toMatchObject({
      birthPlace: 'Curup',
      birthDate: '1985-03-15',
      supervisionStart: '2025-01-15',
      supervisionEnd: '2026-01-14',
      address: 'Jl. Sukowati 5',
      // Moved into the app on 5 March 2025: wajib lapor is counted from the import day, not from January.
      reportingFrom: '2025-03-05',
    });
    expect((await app.call('checkins.ofClient', { id: budi.id }, admin)).missedStreak).toBe(0);

    const history = await app.call('imports.history', {}, admin);
    expect(history).toEqual([
      expect.objectContaining({ id: done.reportId, filename: 'klien.xlsx', sheet: 'Klien 2025', counts: { new: 2, update: 0, unchanged: 0, error: 2 } }),
    ]);
    const report = await app.call('imports.report', { id: done.reportId! }, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(8).values).toEqual([undefined, 2, 5, 'Kesalahan', 'CB-002/2025', 'Siti Aminah', expect.stringContaining('rusak oleh Excel')]);
    // Fields are named by their labels ("NIK: …"), never by their codes ("nik: …", "supervisionStart: …").
    expect(String((sheet.getRow(8).values as unknown[])[6])).toMatch(/^NIK: /);
    sheet.eachRow((row, n) => {
      if (n > 6) for (const c of [6, 7]) expect(String((row.values as unknown[])[c] ?? '')).not.toMatch(/(^|; )[a-z][a-zA-Z]*:/);
    });

    // The same file again: nothing new, nothing duplicated.
    const again = await dryRun(bytes);
    expect(again.checked.counts).toEqual({ new: 0, update: 0, unchanged: 2, error: 2 });
    await app.call('imports.commit', { jobId: again.jobId }, admin);
    expect((await app.call('clients.list', {}, admin)).total).toBe(2);

    // A corrected file, a week later, updates the clients it names and keeps the day they are counted from.
    app.clock.now = new Date('2025-03-12T03:00:00Z');
    admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    const fixed = ROWS.map((r) => [...r]);
    fixed[0]![9] = 'Jl. Sukowati 7';
    fixed[1]![3] = '1702095507900002';
    const third = await dryRun(await workbook(fixed));
    expect(third.checked.counts).toEqual({ new: 1, update: 1, unchanged: 1, error: 1 });
    await app.call('imports.commit', { jobId: third.jobId }, admin);
    expect(await app.call('clients.get', { id: budi.id }, admin)).toMatchObject({ address: 'Jl. Sukowati 7', reportingFrom: '2025-03-05' });
  });

  it('shows the pimpinan the report with the NIKs it quotes masked, unless the office allows them in full', async () => {
    const rows = [...ROWS, [5, 'PB-005/2025', 'Dedi', '17020915038', 'Curup, 12-08-1992', 'L', 'PB', '03/02/2025', '02/02/2026', '']];
    const { jobId } = await dryRun(await workbook(rows));
    const { reportId } = await app.call('imports.commit', { jobId }, admin);
    const pimpinan = await signInAs(app, admin, 'pimpinan');
    const errorsInReport = async (token: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await app.call('imports.report', { id: reportId! }, token)).base64, 'base64') as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      return [sheet.getRow(8).getCell(6).value, sheet.getRow(11).getCell(6).value];
    };
    // The NIK Excel damaged (row 5) and one too short (row 8), as the rows' messages quote them.
    expect(await errorsInReport(admin)).toEqual([expect.stringContaining('"1702095507900000"'), expect.stringContaining('"17020915038"')]);
    expect(await errorsInReport(pimpinan)).toEqual([expect.stringContaining('"1702********0000"'), expect.stringContaining('"***********"')]);

    const settings = await app.call('settings.get', {}, admin);
    await app.call('settings.update', { security: { ...settings.security, pimpinanSeesNik: true } }, admin);
    expect(await errorsInReport(pimpinan)).toEqual([expect.stringContaining('"1702095507900000"'), expect.stringContaining('"17020915038"')]);
  });

  it('refuses to commit when the data changed since the check, writing nothing', async () => {
    const { jobId } = await dryRun(await workbook(ROWS));
    await app.call('clients.create', { data: { ...CLIENT, registerNumber: 'PB-004/2025', nik: '' }, statusDate: CLIENT.supervisionStart }, admin);
    const before = dumpDb(app.db);
    const e = await app.fail('imports.commit', { jobId }, admin);
    expect([e.code, e.message, e.params]).toEqual(['CONFLICT', 'imports.changedSinceCheck', { row: 7 }]);
    expect(dumpDb(app.db)).toBe(before);
  });

  it('reads CSV (semicolons, Windows-1252) and refuses what is not a spreadsheet, has no header or is too long', async () => {
    const csv = Buffer.from(
      'No. Register;Nama;Jenis Kelamin;Program;Tgl Mulai Bimbingan;Tgl Akhir Bimbingan\r\nPB-9;Budi Hartono;L;PB;5 Maret 2025;4 Maret 2026\r\nPB-10;Ren\xe9;L;PB;5 Maret 2025;4 Maret 2026\r\n',
      'latin1',
    );
    const { checked, rows } = await dryRun(csv, 'klien.csv');
    expect(checked.counts).toEqual({ new: 2, update: 0, unchanged: 0, error: 0 });
    expect(rows[1]!.name).toBe('René');

    const notSheet = await app.fail('imports.open', { filename: 'x.xlsx', base64: Buffer.from('%PDF-1.4\0\0').toString('base64') }, admin);
    expect(notSheet.fields).toEqual({ file: 'imports.notSpreadsheet' });
    const xls = await app.fail('imports.open', { filename: 'lama.xls', base64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]).toString('base64') }, admin);
    expect(xls.fields).toEqual({ file: 'imports.notSpreadsheet' });

    const noHeader = await app.call('imports.open', { filename: 'x.csv', base64: Buffer.from('a,b,c\n1,2,3\n').toString('base64') }, admin);
    await settle(noHeader.jobId);
    expect((await app.fail('imports.columns', { jobId: noHeader.jobId, sheet: 0 }, admin)).fields).toEqual({ sheet: 'imports.noHeader' });

    const big = Buffer.from(`No. Register,Nama\n${Array.from({ length: 100_050 }, (_, i) => `R-${i},Klien ${i}`).join('\n')}\n`);
    const opened = await app.call('imports.open', { filename: 'besar.csv', base64: big.toString('base64') }, admin);
    const s = await settle(opened.jobId);
    expect([s.phase, s.error]).toEqual(['failed', 'imports.tooManyRows']);
  });

  it('stops reading a file that takes longer than the time allowed', async () => {
    const big = Buffer.from(`No. Register,Nama\n${Array.from({ length: 20_000 }, (_, i) => `R-${i},Klien ${i}`).join('\n')}\n`);
    const opened = await app.call('imports.open', { filename: 'lambat.csv', base64: big.toString('base64') }, admin);
    // The read yields every few hundred rows; by the office's clock, the next slice comes ten minutes later.
    app.clock.now = new Date(app.clock.now.getTime() + 10 * 60_000);
    const s = await settle(opened.jobId);
    expect([s.phase, s.error]).toEqual(['failed', 'imports.tooSlow']);
  });

  it('can be cancelled while checking, leaving nothing behind', async () => {
    const big = Buffer.from(
      `No. Register,Nama,Jenis Kelamin,Program,Tgl Mulai Bimbingan,Tgl Akhir Bimbingan\n${Array.from({ length: 20_000 }, (_, i) => `R-${i},Klien ${i},L,PB,2025-01-01,2025-12-31`).join('\n')}\n`,
    );
    const opened = await app.call('imports.open', { filename: 'besar.csv', base64: big.toString('base64') }, admin);
    await settle(opened.jobId);
    const cols = await app.call('imports.columns', { jobId: opened.jobId, sheet: 0 }, admin);
    const before = dumpDb(app.db);
    await app.call('imports.check', { jobId: opened.jobId, sheet: 0, headerRow: cols.headerRow, mapping: cols.mapping }, admin);
    const cancelled = await app.call('imports.cancel', { jobId: opened.jobId }, admin);
    expect(cancelled.phase).toBe('cancelled');
    expect((await app.fail('imports.commit', { jobId: opened.jobId }, admin)).message).toBe('imports.notChecked');
    expect(dumpDb(app.db)).toBe(before);
  });
});
