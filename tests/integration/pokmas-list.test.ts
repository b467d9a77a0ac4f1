import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
const printed: string[] = [];
beforeEach(async () => {
  printed.length = 0;
  app = makeApp(undefined, {
    printPdf: (html) => {
      printed.push(html);
      return Promise.resolve(Buffer.from('%PDF-1.7\n%fake'));
    },
  });
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const GROUP = {
  name: 'Pokmas Lipas Curup',
  bidang: 'kemandirian_kepribadian',
  skNumber: 'W7.PAS.PAS.5-PK.01.05-123 Tahun 2025',
  skDate: '2025-01-10',
  chairName: 'KH. Ahmad Fauzi',
  chairPhone: '0812-7345-6789',
  periodStart: '2025-01-10',
  periodEnd: '2027-01-09',
} satisfies Partial<InputOf<'pokmas.create'>>;

async function groupWithMembers() {
  const a = await app.call('partners.create', { ...PARTNER, institutionType: 'pondok_pesantren' }, admin);
  const b = await app.call(
    'partners.create',
    { ...PARTNER, name: 'Bengkel Las Maju', category: 'wirausaha', address: 'Jl. Sukowati 3', phone: '0732-21234' },
    admin,
  );
  return app.call('pokmas.create', { ...GROUP, memberIds: [a.id, b.id] }, admin);
}

const file = async (id: string, format: 'html' | 'docx' | 'pdf', paper: 'A4' | 'F4' = 'F4') => app.call('pokmas.document', { id, paper, format }, admin);
const textOf = (f: { base64: string }) => Buffer.from(f.base64, 'base64').toString('utf8');

describe('a Pokmas group’s SK, chairperson and period', () => {
  it('are stored, edited with the history naming each change, and refused when out of shape', async () => {
    const g = await groupWithMembers();
    expect(g).toMatchObject({ ...GROUP, chairPhone: '+6281273456789' });
    const edited = await app.call(
      'pokmas.update',
      { id: g.id, expectedUpdatedAt: g.updatedAt, data: { ...GROUP, chairName: 'Ustadz Ridwan', memberIds: g.members.map((m) => m.id) } },
      admin,
    );
    expect(edited.chairName).toBe('Ustadz Ridwan');
    expect((await app.call('pokmas.get', { id: g.id }, admin)).periodEnd).toBe('2027-01-09');
    const audit = await app.call('audit.list', { entity: 'pokmas_group', entityId: g.id }, admin);
    expect(audit.entries[0]).toMatchObject({ action: 'update', before: { chairName: 'KH. Ahmad Fauzi' }, after: { chairName: 'Ustadz Ridwan' } });

    const before = dumpDb(app.db);
    const cases: [Partial<InputOf<'pokmas.create'>>, Record<string, string>][] = [
      [{ periodStart: '2025-02-01', periodEnd: '2025-01-31' }, { periodEnd: 'pokmas.periodEndBefore' }],
      [{ skDate: '2025-02-30' }, { skDate: 'v.date' }],
      [{ chairPhone: '12345' }, { chairPhone: 'v.phone' }],
      [{ skNumber: 'x'.repeat(101) }, { skNumber: 'v.tooLong' }],
      [{ chairName: 'x'.repeat(121) }, { chairName: 'v.tooLong' }],
    ];
    for (const [over, fields] of cases) {
      const e = await app.fail('pokmas.create', { ...GROUP, ...over }, admin);
      expect(e.code, JSON.stringify(over)).toBe('VALIDATION');
      expect(e.fields, JSON.stringify(over)).toMatchObject(fields);
    }
    expect(dumpDb(app.db)).toBe(before);
  });
});

describe('the printed member list', () => {
  it('prints the kop, the title, SK, period, chairperson, every member with category, address and phone, and the head’s signature', async () => {
    const g = await groupWithMembers();
    const html = textOf(await file(g.id, 'html'));
    expect(html).toContain('size: 215mm 330mm');
    expect(html).toContain('KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN BENGKULU');
    expect(html).toContain('KELOMPOK MASYARAKAT PEDULI PEMASYARAKATAN (POKMAS LIPAS)');
    expect(html).toContain('POKMAS LIPAS CURUP');
    expect(html).toContain('W7.PAS.PAS.5-PK.01.05-123 Tahun 2025');
    expect(html).toContain('10 Januari 2025 s.d. 9 Januari 2027');
    expect(html).toContain('KH. Ahmad Fauzi (+62 812-7345-6789)');
    expect(html).toContain(
      '<td>Bengkel Las Maju</td><td>Wirausaha/<wbr>komunitas ekonomi</td><td>Jl. Sukowati 3, Kabupaten Rejang Lebong</td><td class="nowrap">+62 73221234</td>',
    );
    expect(html).toContain('Organisasi kemasyarakatan/<wbr>kelompok sosial — Pondok pesantren');
    // Members in name order, numbered.
    expect(html.indexOf('<td>1</td><td>Bengkel Las Maju')).toBeGreaterThan(0);
    expect(html.indexOf('<td>2</td><td>Pondok Pesantren Al-Hikmah')).toBeGreaterThan(0);
    expect(html).toContain('Curup, 5 Maret 2025');
    expect(html).toContain('<p class="signdate">Curup, 5 Maret 2025</p>');

    const zip = await JSZip.loadAsync(Buffer.from((await file(g.id, 'docx', 'A4')).base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const s of [
      'DAFTAR ANGGOTA',
      'KELOMPOK MASYARAKAT PEDULI PEMASYARAKATAN (POKMAS LIPAS)',
      'W7.PAS.PAS.5-PK.01.05-123 Tahun 2025',
      '10 Januari 2025 s.d. 9 Januari 2027',
      'KH. Ahmad Fauzi (+62 812-7345-6789)',
      'Bengkel Las Maju',
      'Jl. Sukowati 3, Kabupaten Rejang Lebong',
      'Curup, 5 Maret 2025',
    ])
      expect(text).toContain(s);
    expect(xml).toContain('w:tblHeader');
    // A4 in twips.
    expect(xml).toContain('w:w="11906"');

    const pdf = await file(g.id, 'pdf');
    expect(pdf).toMatchObject({ mime: 'application/pdf', filename: 'Anggota-Pokmas_Lipas_Curup-F4.pdf', rows: 2 });
    expect(printed.at(-1)).toContain('POKMAS LIPAS CURUP');
  });

  it('prints a group without members or SK with dashes, records no printed version, and refuses an unknown group', async () => {
    const g = await app.call('pokmas.create', { name: 'Pokmas Baru', bidang: 'hukum_kemasyarakatan' }, admin);
    const html = textOf(await file(g.id, 'html'));
    expect(html).toContain('Belum ada anggota.');
    expect(html).toContain('<td>Nomor SK</td><td>:</td><td>-</td>');
    expect(app.db.raw.prepare('SELECT count(*) AS n FROM printed_documents').get()).toEqual({ n: 0 });
    const e = await app.fail('pokmas.document', { id: '01958e2a-0000-7000-8000-000000000001', paper: 'A4', format: 'html' }, admin);
    expect([e.code, e.message]).toEqual(['NOT_FOUND', 'pokmas.notFound']);
  });
});
