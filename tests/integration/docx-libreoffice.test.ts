import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { makeApp, PARTNER, setUpOffice } from '../support/app';

/**
 * "Unduh Word" must give a file LibreOffice opens, not only one a zip reader accepts: the DOCX is
 * converted by LibreOffice itself and the PDF it writes is read back. CI installs LibreOffice
 * (.ci/run); elsewhere the test says why it skips.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
if (!SOFFICE) console.log('LibreOffice check skipped: no soffice found (Debian: apt-get install libreoffice-writer-nogui).');

describe('Word file', () => {
  it.skipIf(!SOFFICE)('opens in LibreOffice on F4 with the kop, both numbers, every pasal, the page footer and the code', { timeout: 120_000 }, async () => {
    const app = makeApp();
    const dir = mkdtempSync(join(tmpdir(), 'mitra-lo-'));
    try {
      const admin = await setUpOffice(app);
      const partnerId = (await app.call('partners.create', PARTNER, admin)).id;
      const template = (await app.call('templates.list', {}, admin))[0]!;
      const agreement = await app.call(
        'agreements.create',
        {
          data: {
            partnerId,
            subject: 'Pembinaan Kemandirian Klien',
            partnerNumber: '045/PP-AH/III/2025',
            signDate: '2025-03-01',
            startDate: '2025-03-01',
            termMonths: 12,
            bidang: ['kemandirian_kepribadian'],
            services: ['bimbingan_keagamaan'],
            officeSignatory: { name: 'Drs. Hendra Saputra', nip: '197001011995031001', position: 'Kepala Pos Bapas Curup' },
            partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
            legalBases: [...template.legalBases],
            articles: template.articles.map((a) => ({ ...a })),
          },
          number: { mode: 'auto' },
        },
        admin,
      );
      // Signed, so the Word file carries the number given at the signing.
      const { officeNumber } = await app.call('agreements.sign', { id: agreement.id, signedOn: '2025-03-01' }, admin);
      const file = await app.call('agreements.document', { id: agreement.id, paper: 'F4', format: 'docx' }, admin);
      writeFileSync(join(dir, 'pks.docx'), Buffer.from(file.base64, 'base64'));
      // Its own profile folder, so a running LibreOffice or a parallel test cannot interfere.
      await promisify(execFile)(
        SOFFICE!,
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'pks.docx')],
        {
          timeout: 100_000,
        },
      );
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(dir, 'pks.pdf'))), useSystemFonts: true }).promise;
      const [, , w, h] = (await pdf.getPage(1)).view;
      expect([Math.round((w! * 25.4) / 72), Math.round((h! * 25.4) / 72)]).toEqual([215, 330]);
      let text = '';
      for (let i = 1; i <= pdf.numPages; i++)
        text += `${(await (await pdf.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ')} `;
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('POS BAPAS CURUP');
      expect(flat).toContain(officeNumber);
      expect(flat).toContain('045/PP-AH/III/2025');
      expect(flat).toContain('tanggal satu bulan Maret tahun dua ribu dua puluh lima');
      template.articles.forEach((a, i) => expect(flat).toContain(`Pasal ${i + 1}`));
      expect(flat).toContain('Pondok Pesantren Al-Hikmah');
      expect(flat).toContain(`Halaman 1 dari ${pdf.numPages}`);
      expect(flat).toContain(`Kode verifikasi ${file.code}`);
      expect(flat).not.toMatch(/\{[a-z_]+\}/);
    } finally {
      app.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!SOFFICE)(
    'opens the year report in LibreOffice on A4 landscape with its title, every section and the monthly table',
    { timeout: 120_000 },
    async () => {
      const app = makeApp(new Date('2026-12-02T03:00:00Z'));
      const dir = mkdtempSync(join(tmpdir(), 'mitra-lo-'));
      try {
        const admin = await setUpOffice(app);
        const file = await app.call('reports.document', { period: { kind: 'year', year: 2026 }, paper: 'A4', format: 'docx' }, admin);
        writeFileSync(join(dir, 'laporan.docx'), Buffer.from(file.base64, 'base64'));
        await promisify(execFile)(
          SOFFICE!,
          [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'laporan.docx')],
          { timeout: 100_000 },
        );
        const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(dir, 'laporan.pdf'))), useSystemFonts: true }).promise;
        const [, , w, h] = (await pdf.getPage(1)).view;
        expect([Math.round((w! * 25.4) / 72), Math.round((h! * 25.4) / 72)]).toEqual([297, 210]);
        let text = '';
        for (let i = 1; i <= pdf.numPages; i++)
          text += `${(await (await pdf.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ')} `;
        const flat = text.replace(/\s+/g, ' ');
        expect(flat).toContain('LAPORAN TAHUNAN POKMAS LIPAS POS BAPAS CURUP TAHUN 2026');
        for (const s of ['1. Mitra dan Pokmas Lipas', '4. Rujukan', '7. Pidana kerja sosial']) expect(flat).toContain(s);
        expect(flat).toContain('Lampiran: Realisasi per bulan Tahun 2026');
        expect(flat).toContain('Kepala Pos Bapas Curup');
      } finally {
        app.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
