import { chromium, type Browser } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/types';
import { chromiumPdfPrinter, HEADLESS_CHROMIUM_ARGS } from '../../electron/web/chromium-pdf';
import { chromiumExecutable } from '../../electron/web/chromium-path';
import { makeApp, type TestApp } from '../support/app';
import { seedBooks, type BookSeed } from '../support/books';

/**
 * The books as PDF, printed by the same Chromium engine the desktop app prints with, read back
 * with pdf.js: the sheet and its orientation, the title, the rows, the signature and the page
 * footer. Needs a Chromium (CHROMIUM_PATH, /usr/bin/chromium or Playwright's own).
 */
let browser: Browser;
let app: TestApp;
let s: BookSeed;
beforeAll(async () => {
  const executablePath = chromiumExecutable();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...HEADLESS_CHROMIUM_ARGS] });
  app = makeApp(undefined, { printPdf: chromiumPdfPrinter(browser) });
  s = await seedBooks(app);
}, 60_000);
afterAll(async () => {
  app.dispose();
  await browser.close();
});

async function read(f: ExportFile) {
  const pdf = await getDocument({ data: new Uint8Array(Buffer.from(f.base64, 'base64')), useSystemFonts: true }).promise;
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

describe('the books as PDF', () => {
  it(
    'prints the client register on F4 landscape with every client of the list, the page numbers and the head’s signature on a page with rows',
    { timeout: 60_000 },
    async () => {
      const f = await app.call('registers.clients', { paper: 'F4', format: 'pdf' }, s.admin);
      const pdf = await read(f);
      expect(pdf.mm).toEqual([330, 215]);
      expect(pdf.text).toContain('BUKU REGISTER KLIEN');
      expect(pdf.text).toContain('POS BAPAS CURUP');
      const { rows } = await app.call('clients.list', { limit: 1000 }, s.admin);
      for (const c of rows) {
        expect(pdf.text).toContain(c.name);
        expect(pdf.text).toContain(c.registerNumber);
      }
      expect(pdf.text).toContain('1702091503850001');
      pdf.pages.forEach((p, i) => expect(p).toContain(`Halaman ${i + 1} dari ${pdf.pages.length}`));
      // The signature stands on the last page, under at least one row of the register.
      const last = pdf.pages.at(-1)!;
      expect(last).toContain('Drs. Hendra Saputra');
      expect(last).toContain('NIP 197001011995031001');
      expect(last).toMatch(/\d+ [A-Z]+-\d{3}\/2025/);
    },
  );

  it(
    'prints the check-in card on A4 portrait with the identity block, the due dates and the paraf column, and the Klaper with its letters',
    { timeout: 60_000 },
    async () => {
      const card = await read(await app.call('registers.checkinCard', { id: s.clients.budi, paper: 'A4', format: 'pdf' }, s.admin));
      expect(card.mm).toEqual([210, 297]);
      for (const t of ['DAFTAR LAPOR DIRI KLIEN', 'Budi Santoso', 'PB-001/2025', 'Paraf petugas', '17-02-2025', '14-02-2025', 'Jarak jauh', 'Rina Marlina'])
        expect(card.text).toContain(t);
      const schedule = (await app.call('checkins.ofClient', { id: s.clients.budi }, s.admin)).schedule;
      expect(card.text).toContain(`${schedule.length} ${schedule.at(-1)!.due.split('-').reverse().join('-')}`);

      const klaper = await read(await app.call('registers.klaper', { paper: 'F4', format: 'pdf' }, s.admin));
      expect(klaper.mm).toEqual([215, 330]);
      expect(klaper.text).toMatch(/A 1 Ahmad Rifai .* B 3 Budi Santoso .* C 4 Citra Lestari .* D 5 Dedi Kurniawan/);
    },
  );
});
