import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PARTNER } from '../support/fixtures';
import { expect, setUpOffice, test } from './fixtures';

/** 1 mm in PDF points. */
const MM = 72 / 25.4;

test('the PKS prints from Chromium on F4 with every pasal, both numbers and "Halaman x dari y"', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  const partnerId = (await app.rpc('partners.create', PARTNER, admin)).id;
  const headings = [
    'Maksud dan Tujuan',
    'Ruang Lingkup',
    'Hak dan Kewajiban',
    'Jangka Waktu',
    'Pembiayaan',
    'Evaluasi dan Pelaporan',
    'Penyelesaian Perselisihan',
    'Keadaan Kahar',
    'Penutup',
  ];
  const long = 'PARA PIHAK sepakat melaksanakan kerja sama ini dengan itikad baik dan saling menghormati. '.repeat(12);
  const agreement = await app.rpc(
    'agreements.create',
    {
      data: {
        partnerId,
        subject: 'Pembinaan Kepribadian dan Kemandirian Klien Pemasyarakatan',
        partnerNumber: '045/PP-AH/I/2023',
        signPlace: 'Curup',
        signDate: '2023-01-31',
        startDate: '2023-01-31',
        termMonths: 12,
        bidang: ['kemandirian_kepribadian'],
        services: [],
        officeSignatory: { name: 'Drs. Hendra Saputra', nip: '197001011995031001', position: 'Kepala Bapas Kelas I Bengkulu' },
        partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
        legalBases: ['Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan'],
        articles: headings.map((heading) => ({ heading, body: `${long}\n${long}` })),
      },
      number: { mode: 'auto' },
    },
    admin,
  );
  // Signed, so the printed PKS carries the number given at the signing.
  await app.rpc('agreements.sign', { id: agreement.id, signedOn: '2023-01-31' }, admin);
  const file = await app.rpc('agreements.document', { id: agreement.id, paper: 'F4', format: 'html' }, admin);
  await page.setContent(Buffer.from(file.base64, 'base64').toString('utf8'));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });

  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  expect(doc.numPages).toBeGreaterThan(2);
  const first = await doc.getPage(1);
  const [, , w, h] = first.view;
  expect(Math.abs(w! / MM - 215)).toBeLessThanOrEqual(1);
  expect(Math.abs(h! / MM - 330)).toBeLessThanOrEqual(1);
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
  }
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('001/PKS/CRP/I/2023');
  expect(flat).toContain('045/PP-AH/I/2023');
  expect(flat).toContain('tiga puluh satu bulan Januari tahun dua ribu dua puluh tiga');
  headings.forEach((heading, i) => {
    expect(flat).toContain(`Pasal ${i + 1}`);
    expect(flat).toContain(heading);
  });
  expect(flat).toContain(`Halaman 1 dari ${doc.numPages}`);
  expect(flat).toContain(`Halaman ${doc.numPages} dari ${doc.numPages}`);
  expect(flat).not.toMatch(/\{[a-z_]+\}/);
});
