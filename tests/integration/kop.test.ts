import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeKop } from '../../shared/kop';
import { makeApp, PARTNER, SETUP, type TestApp } from '../support/app';

let app: TestApp;
afterEach(() => app.dispose());
beforeEach(() => {
  app = makeApp();
});

/** The office as an officer fills the wizard in: the kop typed out whole, Kantor Wilayah and office name included. */
const TYPED_WHOLE = {
  ...SETUP,
  office: {
    ...SETUP.office,
    letterhead: [
      'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA',
      'Kantor Wilayah  Direktorat Jenderal Pemasyarakatan Bengkulu',
      'POS BAPAS CURUP',
    ],
    phone: '(0732) 21234',
    email: 'posbapas.curup@example.go.id',
    headName: 'Drs. Hendra Saputra',
    headNip: '197001011995031001',
    headPosition: 'Kepala Pos Bapas Curup',
  },
};

async function printPks(): Promise<{ html: string; docx: string; admin: string }> {
  await app.call('setup.complete', TYPED_WHOLE);
  const admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
  const partnerId = (await app.call('partners.create', PARTNER, admin)).id;
  const id = (
    await app.call(
      'agreements.create',
      {
        data: {
          partnerId,
          subject: 'Pembinaan Kepribadian Klien',
          partnerNumber: '',
          signPlace: 'Curup',
          signDate: '2025-03-05',
          startDate: '2025-03-05',
          termMonths: 12,
          bidang: ['kemandirian_kepribadian'],
          services: ['bimbingan_keagamaan'],
          officeSignatory: { name: 'Drs. Hendra Saputra', nip: '', position: 'Kepala Pos Bapas Curup' },
          partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
          legalBases: [],
          articles: [{ heading: 'Penutup', body: 'Selesai.' }],
        },
        number: { mode: 'auto' },
      },
      admin,
    )
  ).id;
  const file = async (format: 'html' | 'docx') => Buffer.from((await app.call('agreements.document', { id, paper: 'A4', format }, admin)).base64, 'base64');
  const zip = await JSZip.loadAsync(await file('docx'));
  return { html: (await file('html')).toString('utf8'), docx: await zip.file('word/document.xml')!.async('string'), admin };
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
const kopLinesOf = (html: string, cls: 'l' | 's') => [...html.matchAll(new RegExp(`<p class="${cls}">([^<]*)</p>`, 'g'))].map((m) => decode(m[1]!));

describe('the kop surat', () => {
  it('prints each line once when the Kantor Wilayah and the office name were typed among the kop lines', async () => {
    const { html } = await printPks();
    expect(kopLinesOf(html, 'l')).toEqual([
      'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA',
      'Kantor Wilayah  Direktorat Jenderal Pemasyarakatan Bengkulu',
      'POS BAPAS CURUP',
    ]);
    expect(kopLinesOf(html, 's')).toEqual(['Jl. S. Sukowati No. 1, Curup', 'Telepon (0732) 21234, Pos-el posbapas.curup@example.go.id']);
  });

  it('prints exactly the lines the setup and settings preview shows, in HTML and in DOCX', async () => {
    const { html, docx, admin } = await printPks();
    const { office } = await app.call('settings.get', {}, admin);
    const kop = officeKop(office);
    expect(kopLinesOf(html, 'l')).toEqual(kop.lines);
    expect(kopLinesOf(html, 's')).toEqual(kop.small);
    // The Word kop: the paragraphs above the double rule.
    const kopXml = docx.slice(0, docx.indexOf('w:val="double"'));
    const paragraphs = [...kopXml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => decode(m[0].replace(/<[^>]+>/g, ''))).filter(Boolean);
    expect(paragraphs).toEqual([...kop.lines, ...kop.small]);
    expect(office).toMatchObject({
      phone: '(0732) 21234',
      email: 'posbapas.curup@example.go.id',
      headName: 'Drs. Hendra Saputra',
      headNip: '197001011995031001',
    });
  });

  it('refuses an office e-mail that is not one, and leaves the office not set up', async () => {
    const err = await app.fail('setup.complete', { ...TYPED_WHOLE, office: { ...TYPED_WHOLE.office, email: 'posbapas curup' } });
    expect(err.fields).toMatchObject({ 'office.email': 'v.email' });
    expect((await app.call('app.status', {})).setupDone).toBe(false);
  });
});
