import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
let agreementId: string;
const ARTICLES = ['Maksud dan Tujuan', 'Ruang Lingkup', 'Hak dan Kewajiban', 'Jangka Waktu', 'Keadaan Kahar', 'Penutup'];

beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  const partnerId = (await app.call('partners.create', { ...PARTNER, name: 'Pondok Pesantren <Al-Hikmah> & Co' }, admin)).id;
  const data: InputOf<'agreements.create'>['data'] = {
    partnerId,
    subject: 'Pembinaan Kepribadian Klien',
    partnerNumber: '045/PP-AH/I/2023',
    signPlace: 'Curup',
    signDate: '2023-01-31',
    startDate: '2023-01-31',
    termMonths: 12,
    bidang: ['kemandirian_kepribadian'],
    services: ['bimbingan_keagamaan'],
    officeSignatory: { name: 'Drs. Hendra Saputra', nip: '197001011995031001', position: 'Kepala Bapas Kelas I Bengkulu' },
    partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
    legalBases: ['Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan'],
    articles: ARTICLES.map((heading) => ({ heading, body: `Isi pasal ${heading}.\nParagraf kedua.` })),
  };
  agreementId = (await app.call('agreements.create', { data, number: { mode: 'auto' } }, admin)).id;
  // Signed, so the printed PKS carries the number given at the signing.
  await app.call('agreements.sign', { id: agreementId, signedOn: '2023-01-31' }, admin);
});
afterEach(() => app.dispose());

const get = async (paper: 'A4' | 'F4', format: 'html' | 'docx') =>
  Buffer.from((await app.call('agreements.document', { id: agreementId, paper, format }, admin)).base64, 'base64');

describe('PKS document', () => {
  it('renders the HTML with the kop, both numbers, the spelled-out date, every pasal and escaped text', async () => {
    const html = (await get('F4', 'html')).toString('utf8');
    expect(html).toContain('size: 215mm 330mm');
    expect(html).toContain('Halaman " counter(page) " dari " counter(pages)');
    expect(html).toContain('Nomor: 001/PKS/CRP/I/2023');
    expect(html).toContain('Nomor: 045/PP-AH/I/2023');
    expect(html).toContain('Pada hari ini Selasa tanggal tiga puluh satu bulan Januari tahun dua ribu dua puluh tiga, bertempat di Curup');
    expect(html).toContain('KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN BENGKULU');
    ARTICLES.forEach((h, i) => expect(html).toContain(`Pasal ${i + 1}<br>${h}`));
    expect(html).toContain('PONDOK PESANTREN &lt;AL-HIKMAH&gt; &amp; CO');
    expect(html).not.toContain('<Al-Hikmah>');
    expect(html).not.toMatch(/\{[a-z_]+\}/);
    expect(html).toContain('Meterai<br>Rp10.000');
  });

  it('renders a DOCX that unzips to the same text on the requested paper', async () => {
    const zip = await JSZip.loadAsync(await get('F4', 'docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Nomor: 001/PKS/CRP/I/2023');
    expect(text).toContain('tiga puluh satu bulan Januari tahun dua ribu dua puluh tiga');
    ARTICLES.forEach((h, i) => {
      expect(text).toContain(`Pasal ${i + 1}`);
      expect(text).toContain(h);
    });
    expect(text).toContain('PONDOK PESANTREN &lt;AL-HIKMAH&gt; &amp; CO');
    expect(text).not.toMatch(/\{[a-z_]+\}/);
    // F4 = 215 × 330 mm = 12189 × 18709 twips.
    expect(xml).toMatch(/<w:pgSz w:w="12189" w:h="18709"/);
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(footer).toContain('NUMPAGES');
    expect(footer.replace(/<[^>]+>/g, '')).toContain('Halaman');
    const a4 = await JSZip.loadAsync(await get('A4', 'docx'));
    expect(await a4.file('word/document.xml')!.async('string')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});
