import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import { SECTIONS } from '../../shared/indicators';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { dumpDb } from '../support/dump';
import { buildKnownOffice } from '../support/reportScenario';

/**
 * The report's output read back with real parsers: the .xlsx (ExcelJS) with its letterhead rows,
 * one sheet per section and numbers equal to reports.compute; the DOCX's text; the HTML preview;
 * the covering letter to the parent office.
 */
const NOV = { kind: 'month', year: 2026, month: 11 } as const;
const Y2026 = { kind: 'year', year: 2026 } as const;
const SECTION_NAMES = [
  '1. Mitra dan Pokmas Lipas',
  '2. Perjanjian Kerja Sama (PKS)',
  '3. Klien',
  '4. Rujukan',
  '5. Kegiatan',
  '6. Wajib lapor',
  '7. Pidana kerja sosial',
];

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = makeApp(new Date('2026-01-02T03:00:00Z'));
  admin = await setUpOffice(app);
  await buildKnownOffice(app, admin);
}, 60_000);
afterAll(() => app.dispose());

const bytes = (f: OutputOf<'reports.export'>) => Buffer.from(f.base64, 'base64');
const text = (f: OutputOf<'reports.coverLetter'>) => bytes(f).toString('utf8');
const docxText = async (f: OutputOf<'reports.coverLetter'>) => {
  const xml = await (await JSZip.loadAsync(bytes(f))).file('word/document.xml')!.async('string');
  return xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
};

describe('the report as a workbook', () => {
  it('has the letterhead rows, the period, one sheet per section, and every figure as a number equal to reports.compute', async () => {
    const r = await app.call('reports.compute', { period: NOV }, admin);
    const f = await app.call('reports.export', { period: NOV }, admin);
    expect(f.filename).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(f) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SECTION_NAMES.map((n) => n.slice(0, 31)));
    for (const s of SECTIONS) {
      const ws = wb.worksheets[s - 1]!;
      const col1 = (row: number) => String(ws.getCell(row, 1).value ?? '');
      expect(col1(1)).toBe('KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA');
      expect(col1(2)).toBe('DIREKTORAT JENDERAL PEMASYARAKATAN');
      const heading = [1, 2, 3, 4, 5, 6, 7, 8].map(col1).join('\n');
      expect(heading).toContain('LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN NOVEMBER 2026');
      expect(heading).toContain('Periode: November 2026 (1 November 2026 s.d. 30 November 2026)');
      // The table: a header row "No. | Indikator | Satuan | Target | Realisasi | Capaian (%)", then one row per figure and breakdown row.
      let header = 1;
      while (col1(header) !== 'No.') header++;
      expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual(['No.', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)']);
      const figures = r.figures.filter((x) => x.section === s);
      let row = header + 1;
      figures.forEach((fig, i) => {
        expect(ws.getCell(row, 1).value).toBe(i + 1);
        const value = ws.getCell(row, 5).value;
        // Numbers as numbers, equal to the figure; a ratio with nothing to measure is an empty cell.
        expect([fig.code, value]).toEqual([fig.code, fig.value]);
        row++;
        for (const b of fig.breakdown ?? []) {
          expect(ws.getCell(row, 1).value).toBeNull();
          expect(typeof ws.getCell(row, 5).value).toBe('number');
          expect(ws.getCell(row, 5).value).toBe(b.value);
          row++;
        }
      });
      expect(ws.getCell(row, 2).value).toBeNull();
    }
  });

  it('adds the monthly sheet to a year report: each month equal to the month’s report, the last column the total or average', async () => {
    const f = await app.call('reports.export', { period: Y2026 }, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(f) as never);
    expect(wb.worksheets).toHaveLength(8);
    const ws = wb.worksheets[7]!;
    let header = 1;
    while (ws.getCell(header, 1).value !== 'No.') header++;
    const months = await Promise.all(
      [...Array(12).keys()].map((m) => app.call('reports.compute', { period: { kind: 'month', year: 2026, month: m + 1 } }, admin)),
    );
    const codes = months[0]!.figures.map((x) => x.code);
    codes.forEach((code, i) => {
      const row = ws.getRow(header + 1 + i);
      const cells = [...Array(12).keys()].map((m) => row.getCell(3 + m).value);
      expect([code, cells]).toEqual([code, months.map((m) => m.figures.find((x) => x.code === code)!.value)]);
    });
    const newClients = codes.indexOf('klien_baru');
    const row = ws.getRow(header + 1 + newClients);
    const sum = months.reduce((s, m) => s + (m.figures.find((x) => x.code === 'klien_baru')!.value ?? 0), 0);
    expect([row.getCell(15).value, row.getCell(16).value]).toEqual([sum, 'jumlah']);
  });
});

describe('the report printed', () => {
  it('previews as HTML on the letterhead with the title, the period, every section as a table and the head’s signature', async () => {
    const f = await app.call('reports.document', { period: NOV, paper: 'F4', format: 'html' }, admin);
    const html = text(f);
    expect(html).toContain('size: 215mm 330mm');
    expect(html).toContain('LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN NOVEMBER 2026');
    expect(html).toContain('November 2026 (1 November 2026 s.d. 30 November 2026)');
    for (const name of SECTION_NAMES) expect(html).toContain(`<p class="table-head">${name}</p>`);
    expect(html).toContain('<th>Realisasi</th>');
    expect(html).toContain('<tr class="sub">');
    expect(html).toContain('Curup, 11 Januari 2027');
    expect(html).toContain('Kepala Pos Bapas Curup');
    // A post prints no scope line: its report is its own.
    expect(html).not.toContain('Cakupan');
  });

  it('prints a year report landscape with the monthly table', async () => {
    const html = text(await app.call('reports.document', { period: Y2026, paper: 'A4', format: 'html' }, admin));
    expect(html).toContain('size: 297mm 210mm');
    expect(html).toContain('LAPORAN TAHUNAN POKMAS LIPAS POS BAPAS CURUP TAHUN 2026');
    expect(html).toContain('Lampiran: Realisasi per bulan Tahun 2026');
    for (const m of ['Jan', 'Jun', 'Des']) expect(html).toContain(`<th>${m}</th>`);
    const q = text(await app.call('reports.document', { period: { kind: 'quarter', year: 2026, quarter: 4 }, format: 'html' }, admin));
    expect(q).toContain('LAPORAN TRIWULAN POKMAS LIPAS POS BAPAS CURUP TRIWULAN IV 2026');
    expect(q).not.toContain('Lampiran: Realisasi per bulan');
    const sem = text(await app.call('reports.document', { period: { kind: 'semester', year: 2026, semester: 2 }, format: 'html' }, admin));
    expect(sem).toContain('LAPORAN SEMESTER POKMAS LIPAS POS BAPAS CURUP SEMESTER II 2026');
  });

  it('gives the DOCX with the title, the period, every section and the signature', async () => {
    const f = await app.call('reports.document', { period: NOV, paper: 'A4', format: 'docx' }, admin);
    expect(f.filename).toMatch(/\.docx$/);
    const body = await docxText(f);
    expect(body).toContain('LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN NOVEMBER 2026');
    expect(body).toContain('November 2026 (1 November 2026 s.d. 30 November 2026)');
    for (const name of SECTION_NAMES) expect(body).toContain(name);
    expect(body).toContain('Kepala Pos Bapas Curup');
  });
});

describe('the covering letter', () => {
  it('is numbered as typed, names the report in its Hal and goes to the head of the parent office', async () => {
    const f = await app.call('reports.coverLetter', { period: NOV, format: 'html', number: 'W.7.PAS.PAS.12-PK.01.01-123' }, admin);
    const html = text(f);
    expect(html).toContain('W.7.PAS.PAS.12-PK.01.01-123');
    expect(html).toContain('Laporan Bulanan Pokmas Lipas Bulan November 2026');
    expect(html).toContain('Kepala Bapas Kelas I Bengkulu');
    expect(html).toContain('Laporan Bulanan Pokmas Lipas dan Pembimbingan Klien Pos Bapas Curup Bulan November 2026');
    expect(html).toContain('Curup, 11 Januari 2027');
    const docx = await docxText(await app.call('reports.coverLetter', { period: NOV, format: 'docx', number: '123/LAP/XI/2026' }, admin));
    expect(docx).toContain('123/LAP/XI/2026');
    expect(docx).toContain('Hal');
    expect(docx).toContain('Laporan Bulanan Pokmas Lipas Bulan November 2026');
  });

  it('refuses a letter without a number, a PDF where none can be made, and an impossible period, changing nothing', async () => {
    const before = dumpDb(app.db);
    const e1 = await app.fail('reports.coverLetter', { period: NOV, format: 'html', number: '   ' }, admin);
    expect(e1.code).toBe('VALIDATION');
    const e2 = await app.fail('reports.document', { period: NOV, format: 'pdf' }, admin);
    expect([e2.code, e2.message]).toEqual(['UNAVAILABLE', 'documents.pdfUnavailable']);
    const e3 = await app.fail('reports.export', { period: { kind: 'month', year: 2026, month: 13 } }, admin);
    expect(e3.code).toBe('VALIDATION');
    const e4 = await app.fail('reports.document', { period: NOV, scope: { kind: 'post', code: 'XYZ' }, format: 'html' }, admin);
    expect(e4.code).toBe('VALIDATION');
    expect(dumpDb(app.db)).toEqual(before);
  });
});
