import { chromium, type Browser } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/types';
import { chromiumPdfPrinter, HEADLESS_CHROMIUM_ARGS } from '../../electron/web/chromium-pdf';
import { chromiumExecutable } from '../../electron/web/chromium-path';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { buildKnownOffice } from '../support/reportScenario';

/**
 * The report as PDF, printed by the Chromium engine the desktop app prints with and read back with
 * pdf.js: the sheet, the title, the period, every section heading, the head's signature under the
 * place and date, and a year report's monthly table on a landscape sheet.
 */
let browser: Browser;
let app: TestApp;
let admin: string;
beforeAll(async () => {
  const executablePath = chromiumExecutable();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...HEADLESS_CHROMIUM_ARGS] });
  app = makeApp(new Date('2026-01-02T03:00:00Z'), { printPdf: chromiumPdfPrinter(browser) });
  admin = await setUpOffice(app);
  await buildKnownOffice(app, admin);
}, 60_000);
afterAll(async () => {
  app.dispose();
  await browser.close();
});

async function read(f: ExportFile) {
  const buf = Buffer.from(f.base64, 'base64');
  if (process.env.REPORT_PDF_OUT) writeFileSync(`${process.env.REPORT_PDF_OUT}/${f.filename}`, buf);
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: true }).promise;
  const [, , w, h] = (await pdf.getPage(1)).view;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++)
    pages.push(
      (await (await pdf.getPage(i)).getTextContent()).items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  return { mm: [Math.round((w! * 25.4) / 72), Math.round((h! * 25.4) / 72)], pages, text: pages.join(' ') };
}

const SECTION_NAMES = [
  '1. Mitra dan Pokmas Lipas',
  '2. Perjanjian Kerja Sama (PKS)',
  '3. Klien',
  '4. Rujukan',
  '5. Kegiatan',
  '6. Wajib lapor',
  '7. Pidana kerja sosial',
];

describe('the report as PDF', () => {
  it('prints the monthly report on F4 portrait with the title, the period, every section and the signature', { timeout: 60_000 }, async () => {
    const f = await app.call('reports.document', { period: { kind: 'month', year: 2026, month: 11 }, paper: 'F4', format: 'pdf' }, admin);
    const pdf = await read(f);
    expect(pdf.mm).toEqual([215, 330]);
    expect(pdf.text).toContain('LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN NOVEMBER 2026');
    expect(pdf.text).toContain('November 2026 (1 November 2026 s.d. 30 November 2026)');
    for (const name of SECTION_NAMES) expect(pdf.text).toContain(name);
    // Place and date over the head's title, on the last page (the verification code's caption sits
    // beside the signature, so pdf.js may read it in between).
    expect(pdf.pages.at(-1)).toMatch(/Curup, 11 Januari 2027 (.+ )?Kepala Pos Bapas Curup,/);
    // The code under the signature, and in every page's footer.
    const code = f.code;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(pdf.pages.at(-1)).toContain(`Kode verifikasi ${code} (versi 1,`);
    pdf.pages.forEach((p) => expect(p).toContain(`Kode verifikasi ${code}`));
    pdf.pages.forEach((p, i) => expect(p).toContain(`Halaman ${i + 1} dari ${pdf.pages.length}`));
  });

  it('prints the year report on A4 landscape with the monthly table', { timeout: 60_000 }, async () => {
    const pdf = await read(await app.call('reports.document', { period: { kind: 'year', year: 2026 }, paper: 'A4', format: 'pdf' }, admin));
    expect(pdf.mm).toEqual([297, 210]);
    expect(pdf.text).toContain('LAPORAN TAHUNAN POKMAS LIPAS POS BAPAS CURUP TAHUN 2026');
    for (const name of SECTION_NAMES) expect(pdf.text).toContain(name);
    expect(pdf.text).toContain('Lampiran: Realisasi per bulan Tahun 2026');
    expect(pdf.text).toMatch(/Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des/);
    expect(pdf.pages.at(-1)).toContain('Kepala Pos Bapas Curup,');
  });

  it('prints the covering letter on A4 with its number, Hal and addressee', { timeout: 60_000 }, async () => {
    const pdf = await read(
      await app.call('reports.coverLetter', { period: { kind: 'month', year: 2026, month: 11 }, format: 'pdf', number: '045/LAP/XII/2026' }, admin),
    );
    expect(pdf.mm).toEqual([210, 297]);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.text).toContain('045/LAP/XII/2026');
    expect(pdf.text).toContain('Laporan Bulanan Pokmas Lipas Bulan November 2026');
    expect(pdf.text).toContain('Kepala Bapas Kelas I Bengkulu');
  });
});
