import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
let partnerId: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  partnerId = (await app.call('partners.create', PARTNER, admin)).id;
});
afterEach(() => app.dispose());

/** A PKS drafted from the office's standard template, as an officer does by default. */
async function standardPks(over: Partial<InputOf<'agreements.create'>['data']> = {}): Promise<string> {
  const template = (await app.call('templates.list', {}, admin))[0]!;
  const data: InputOf<'agreements.create'>['data'] = {
    partnerId,
    subject: 'Pembinaan Kepribadian Klien',
    signDate: '2025-03-05',
    startDate: '2025-03-05',
    termMonths: 12,
    bidang: ['kemandirian_kepribadian'],
    officeSignatory: { name: 'Drs. Hendra Saputra', nip: '197001011995031001', position: 'Kepala Pos Bapas Curup' },
    // A long organisation name wraps on its column: the names must still stand on one line.
    partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
    legalBases: [...template.legalBases],
    articles: template.articles.map((a) => ({ ...a })),
    ...over,
  };
  return (await app.call('agreements.create', { data, number: { mode: 'auto' } }, admin)).id;
}

const html = async (id: string, paraf = false) =>
  Buffer.from((await app.call('agreements.document', { id, paper: 'F4', format: 'html', paraf }, admin)).base64, 'base64').toString('utf8');
const docx = async (id: string, paraf = false) => {
  const zip = await JSZip.loadAsync(Buffer.from((await app.call('agreements.document', { id, paper: 'F4', format: 'docx', paraf }, admin)).base64, 'base64'));
  const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  return {
    body: await zip.file('word/document.xml')!.async('string'),
    footer: (await Promise.all(footers.map((f) => zip.file(f)!.async('string')))).join(''),
  };
};
const count = (text: string, what: string) => text.split(what).length - 1;

describe('the printed PKS', () => {
  it('states the copies and their equal force once, from the standard template or from one drafted before it changed', async () => {
    const fresh = await html(await standardPks());
    expect(count(fresh, 'kekuatan hukum yang sama')).toBe(1);
    expect(count(fresh, 'rangkap')).toBe(1);
    // An agreement drafted from the first standard template carries its old Penutup.
    const old = await html(
      await standardPks({
        articles: [
          { heading: 'Penutup', body: 'Perjanjian Kerja Sama ini dibuat rangkap dua, masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama.' },
        ],
      }),
    );
    expect(count(old, 'kekuatan hukum yang sama')).toBe(1);
    expect(old).toContain('pada hari dan tanggal tersebut di atas.</p>');
  });

  it('keeps the closing with the signatures and puts both names on one row, in HTML and in DOCX', async () => {
    const id = await standardPks();
    const page = await html(id);
    expect(page).toContain('.end { break-inside: avoid; }');
    const end = page.slice(page.indexOf('<div class="end">'));
    expect(end.indexOf('Demikian Perjanjian Kerja Sama')).toBeGreaterThan(0);
    expect(end.indexOf('Demikian Perjanjian Kerja Sama')).toBeLessThan(end.indexOf('<table class="sigs">'));
    expect(end.indexOf('<table class="sigs">')).toBeLessThan(end.indexOf('</div>\n'));
    expect(page).toMatch(/<tr class="name"><td>KH\. Ahmad Fauzi<\/td><td>Drs\. Hendra Saputra<\/td><\/tr>/);
    expect(page).toMatch(/<tr class="mark"><td><div class="materai">Meterai<br>Rp10\.000<\/div><\/td><td><\/td><\/tr>/);

    const { body } = await docx(id);
    const closing = body.slice(body.lastIndexOf('<w:p>', body.indexOf('Demikian Perjanjian')), body.indexOf('Demikian Perjanjian'));
    expect(closing).toContain('<w:keepNext/>');
    // The meterai box: a dashed 32 × 20 mm frame with its text, as the HTML draws it.
    expect(body).toMatch(/<w:top w:val="dashed"/);
    expect(body).toContain('Rp10.000');
    expect(body).toMatch(/<w:trHeight w:val="1134" w:hRule="exact"\/>/);
    // Both names in the same table row.
    const at = body.lastIndexOf('KH. Ahmad Fauzi');
    const nameRow = body.slice(body.lastIndexOf('<w:tr>', at), body.indexOf('</w:tr>', at));
    expect(nameRow).toContain('Drs. Hendra Saputra');
  });

  it('prints a paraf box on every page only when asked, without making a new version', async () => {
    const id = await standardPks();
    const plain = await app.call('agreements.document', { id, paper: 'F4', format: 'html' }, admin);
    expect(Buffer.from(plain.base64, 'base64').toString()).not.toContain('@right-bottom');
    const withParaf = await app.call('agreements.document', { id, paper: 'F4', format: 'html', paraf: true }, admin);
    expect(Buffer.from(withParaf.base64, 'base64').toString()).toContain('@right-bottom { content: "Paraf');
    expect(withParaf).toMatchObject({ version: plain.version, code: plain.code });
    expect((await docx(id, true)).footer).toContain('Pihak II');
    expect((await docx(id, false)).footer).not.toContain('Paraf');
  });
});
