import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/dump';
import { makeApp, signInAs, type TestApp } from '../support/app';
import { docxOf, htmlOf, seedBooks, sheetOf, sheetRows, type BookSeed } from '../support/books';

let app: TestApp;
let s: BookSeed;
const printed: string[] = [];
beforeEach(async () => {
  printed.length = 0;
  app = makeApp(undefined, {
    printPdf: (html) => {
      printed.push(html);
      return Promise.resolve(Buffer.from('%PDF-1.7\n%fake'));
    },
  });
  s = await seedBooks(app);
});
afterEach(() => app.dispose());

/** Body rows of the printed table (the heading rows of a klaper excluded). */
const tableRows = (html: string) =>
  [...html.matchAll(/<table class="list[^"]*">[\s\S]*?<\/table>/g)]
    .flatMap((t) => t[0].split('<tr'))
    .filter((r) => /^(?: class="struck")?><td(?! class="none")/.test(r)).length;
const exports = () => app.db.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number };

describe('Buku register klien', () => {
  it('prints one programme in landscape with the office book’s columns, the rows of clients.list for the same filter, and the head’s signature', async () => {
    const f = await app.call('registers.clients', { program: 'pb', paper: 'F4', format: 'html' }, s.admin);
    const html = htmlOf(f);
    expect(html).toContain('size: 330mm 215mm');
    expect(html).toContain('<p class="title">BUKU REGISTER KLIEN</p><p class="title">PEMBEBASAN BERSYARAT</p>'.replace('</p><p', '</p>\n<p'));
    for (const h of ['No. register', 'Nama', 'NIK', 'L/P', 'Tanggal lahir (umur)', 'Alamat', 'Putusan / perkara', 'Masa bimbingan', 'PK', 'Status'])
      expect(html).toContain(`<th>${h}</th>`);
    expect(html).toContain('<td class="nowrap">1702091503850001</td>');
    expect(html).toContain('15-03-1985\n(39 th)');
    expect(html).toContain('PAS-1234.PK.05.09 Tahun 2025\ntgl. 10-01-2025\nPencurian');
    expect(html).toContain('15-01-2025 s.d.\n14-01-2026');
    expect(html).toContain('Jl. Sukowati 5, Curup, Kabupaten Rejang Lebong');
    expect(html).toContain('<td>Selesai</td>');
    expect(html).toContain('<tr class="name"><td>Drs. Hendra Saputra</td></tr>');
    expect(html).toContain('<p class="signdate">Curup, 5 Maret 2025</p>');
    const listed = await app.call('clients.list', { program: 'pb', limit: 1000 }, s.admin);
    expect(f.rows).toBe(listed.total);
    expect(tableRows(html)).toBe(3);
    expect(html).toContain('<td>Jumlah</td><td>:</td><td>3 klien</td>');
    // The same filter as the list: only the active ones.
    expect((await app.call('registers.clients', { program: 'pb', status: 'aktif', paper: 'F4', format: 'html' }, s.admin)).rows).toBe(
      (await app.call('clients.list', { program: 'pb', status: 'aktif' }, s.admin)).total,
    );
    // No programme chosen: every programme under its own heading, in the order of the enum.
    const all = htmlOf(await app.call('registers.clients', { paper: 'A4', format: 'html' }, s.admin));
    const heads = [...all.matchAll(/<tr class="group"><td colspan="11">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(heads).toEqual(['Pembebasan Bersyarat', 'Cuti Bersyarat', 'Diversi']);
    expect(all).toContain('size: 297mm 210mm');
  });

  it('masks NIKs for the pimpinan as the client list does, in print and in the .xlsx, and says so', async () => {
    const pimpinan = await signInAs(app, s.admin, 'pimpinan');
    const html = htmlOf(await app.call('registers.clients', { paper: 'F4', format: 'html' }, pimpinan));
    expect(html).not.toContain('1702091503850001');
    expect(html).toContain('<td class="nowrap">1702********0001</td>');
    expect(html).toContain('<td>NIK</td><td>:</td><td>disamarkan</td>');
    const ws = await sheetOf(await app.call('registers.clients', { paper: 'F4', format: 'xlsx' }, pimpinan));
    const nikCol = (ws.getRow(6).values as unknown[]).indexOf('NIK');
    expect(sheetRows(ws).map((r) => r[nikCol - 1])).toContain('1702********0001');
    const last = app.db.raw.prepare("SELECT after FROM audit_log WHERE action = 'export' ORDER BY seq DESC LIMIT 1").get() as { after: string };
    expect(JSON.parse(last.after)).toMatchObject({ book: 'register-klien', format: 'xlsx', rows: 5, nikMasked: true });
  });

  it('exports the same rows as .xlsx under the letterhead rows, with real dates and numbers', async () => {
    const f = await app.call('registers.clients', { program: 'pb', paper: 'F4', format: 'xlsx' }, s.admin);
    const ws = await sheetOf(f);
    expect(ws.getCell(1, 1).value).toBe('Pos Bapas Curup');
    expect(ws.getCell(2, 1).value).toBe('Buku Register Klien Pembebasan Bersyarat');
    expect(ws.getCell(3, 1).value).toBe('Filter: Program: Pembebasan Bersyarat; Jumlah: 3 klien');
    expect(String(ws.getCell(4, 1).value)).toMatch(/^Dicetak 5 Maret 2025 10\.00 WIB oleh Siti Rahmawati$/);
    const header = ws.getRow(6).values as unknown[];
    expect(header.slice(1, 7)).toEqual(['No.', 'No. register', 'Nama', 'NIK', 'L/P', 'Tanggal lahir (umur)']);
    const rows = sheetRows(ws);
    expect(rows).toHaveLength(f.rows);
    const budi = rows.find((r) => r[2] === 'Budi Santoso')!;
    expect(budi[0]).toBe(1);
    expect(budi[3]).toBe('1702091503850001');
    expect(budi[5]).toEqual(new Date('1985-03-15T00:00:00Z'));
    expect(budi[header.indexOf('Umur') - 1]).toBe(39);
    expect(budi[header.indexOf('Akhir bimbingan') - 1]).toEqual(new Date('2026-01-14T00:00:00Z'));
  });
});

describe('Buku Klaper', () => {
  it('indexes the clients alphabetically under their letters, strikes the closed ones, and holds the rows of clients.list', async () => {
    const f = await app.call('registers.klaper', { paper: 'F4', format: 'html' }, s.admin);
    const html = htmlOf(f);
    const letters = [...html.matchAll(/<tr class="group"><td colspan="5">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(letters).toEqual(['A', 'B', 'C', 'D']);
    expect(html.indexOf('Ahmad Rifai')).toBeLessThan(html.indexOf('Andi Pratama'));
    expect(html).toMatch(/<tr class="struck"><td>5<\/td><td>Dedi Kurniawan<\/td><td>PB-003\/<wbr>2025<\/td>/);
    expect(html).toContain('Selesai\n01-03-2025');
    expect(f.rows).toBe((await app.call('clients.list', { limit: 1000 }, s.admin)).total);
    expect(tableRows(html)).toBe(f.rows);
    const { text } = await docxOf(await app.call('registers.klaper', { paper: 'A4', format: 'docx' }, s.admin));
    expect(text).toContain('BUKU KLAPER');
    expect(text).toContain('Dedi Kurniawan');
    const ws = await sheetOf(await app.call('registers.klaper', { status: 'aktif', paper: 'A4', format: 'xlsx' }, s.admin));
    expect(sheetRows(ws).map((r) => [r[1], r[2]])).toEqual([
      ['A', 'Ahmad Rifai'],
      ['A', 'Andi Pratama'],
      ['B', 'Budi Santoso'],
      ['C', 'Citra Lestari'],
    ]);
  });
});

describe('register of partners and PKS', () => {
  it('lists each partner of partners.list with its PKS number, period and status, landscape, in DOCX too', async () => {
    const f = await app.call('registers.partners', { paper: 'F4', format: 'html' }, s.admin);
    const html = htmlOf(f);
    expect(html).toContain('size: 330mm 215mm');
    expect(html).toContain(`<td>${s.pksNumber.replace(/\//g, '/<wbr>')}</td><td class="nowrap">05-03-2025 s.d.\n04-03-2026</td><td>Aktif</td>`);
    expect(html).toContain('<td>Bengkel Las Maju</td><td>Wirausaha/<wbr>komunitas ekonomi</td>');
    expect(html).toContain('<td>Belum ada PKS</td>');
    expect(f.rows).toBe((await app.call('partners.list', {}, s.admin)).total);
    expect((await app.call('registers.partners', { category: 'wirausaha', paper: 'F4', format: 'html' }, s.admin)).rows).toBe(1);
    const { xml, text } = await docxOf(await app.call('registers.partners', { paper: 'F4', format: 'docx' }, s.admin));
    expect(xml).toMatch(/<w:pgSz w:w="18709" w:h="12189" w:orient="landscape"/);
    expect(text).toContain(s.pksNumber);
    expect(text).toContain('REGISTER MITRA DAN PERJANJIAN KERJA SAMA (PKS)');
    expect(text).toContain('Drs. Hendra Saputra');
    const ws = await sheetOf(await app.call('registers.partners', { paper: 'F4', format: 'xlsx' }, s.admin));
    const pesantren = sheetRows(ws).find((r) => r[1] === 'Pondok Pesantren Al-Hikmah')!;
    expect(pesantren).toContain(s.pksNumber);
    expect(pesantren).toContainEqual(new Date('2025-03-05T00:00:00Z'));
  });
});

describe('referral register and overdue list, printed', () => {
  it('print the rows their screens list with the same filters', async () => {
    const all = await app.call('registers.referrals', { paper: 'F4', format: 'html' }, s.admin);
    expect(all.rows).toBe((await app.call('referrals.list', {}, s.admin)).length);
    const html = htmlOf(await app.call('registers.referrals', { from: '2025-03-01', paper: 'F4', format: 'html' }, s.admin));
    expect(html).toContain('<td>Dari tanggal</td><td>:</td><td>1 Maret 2025</td>');
    expect(html).toContain('Budi Santoso\nPB-001/<wbr>2025');
    expect(html).not.toContain('Ahmad Rifai');
    expect(tableRows(html)).toBe((await app.call('referrals.list', { from: '2025-03-01' }, s.admin)).length);
    const ws = await sheetOf(await app.call('registers.referrals', { partnerId: s.partners.bengkel, paper: 'F4', format: 'xlsx' }, s.admin));
    expect(sheetRows(ws)).toHaveLength(1);
    expect(sheetRows(ws)[0]![1]).toEqual(new Date('2025-02-20T00:00:00Z'));

    const overdue = await app.call('checkins.overdue', { pkUserId: s.pkId }, s.admin);
    expect(overdue.length).toBeGreaterThan(0);
    const o = await app.call('registers.overdue', { pkUserId: s.pkId, paper: 'A4', format: 'html' }, s.admin);
    expect(o.rows).toBe(overdue.length);
    expect(htmlOf(o)).toContain('<td>PK</td><td>:</td><td>Rina Marlina</td>');
    expect(htmlOf(o)).not.toContain('Andi Pratama');
    const ows = await sheetOf(await app.call('registers.overdue', { pkUserId: null, paper: 'A4', format: 'xlsx' }, s.admin));
    expect(sheetRows(ows).map((r) => r[2])).toEqual((await app.call('checkins.overdue', {}, s.admin)).map((r) => r.name));
    expect(typeof sheetRows(ows)[0]![6]).toBe('number');
  });
});

describe('daftar lapor diri', () => {
  it('prints the client’s particulars and every due date of the schedule, reported or not, with an empty paraf column, signed by the PK', async () => {
    const f = await app.call('registers.checkinCard', { id: s.clients.budi, paper: 'A4', format: 'html' }, s.admin);
    const html = htmlOf(f);
    const reporting = await app.call('checkins.ofClient', { id: s.clients.budi }, s.admin);
    expect(f.rows).toBe(reporting.schedule.length);
    expect(tableRows(html)).toBe(reporting.schedule.length);
    expect(html).toContain('size: 210mm 297mm');
    expect(html).toContain('<td>Nomor register</td><td>:</td><td>PB-001/2025</td>');
    expect(html).toContain('<td>Wajib lapor</td><td>:</td><td>Bulanan, dihitung sejak 15 Januari 2025</td>');
    expect(html).toContain('<th>Paraf petugas</th>');
    expect(html).toContain('<td class="nowrap">17-02-2025</td><td class="nowrap">14-02-2025</td><td>Hadir</td><td>Sehat, bekerja di bengkel</td><td></td>');
    expect(html).toContain('<td>Jarak jauh</td><td>Sakit, lapor lewat video</td><td></td>');
    expect(html).toContain('table.list tbody td { height: 8mm; }');
    expect(html).toContain('<td>Pembimbing Kemasyarakatan,</td>');
    expect(html).toContain('<tr class="name"><td>Rina Marlina</td></tr>');
    const ws = await sheetOf(await app.call('registers.checkinCard', { id: s.clients.budi, paper: 'A4', format: 'xlsx' }, s.admin));
    expect(ws.getCell(3, 1).value).toContain('Nama: Budi Santoso');
    const rows = sheetRows(ws);
    expect(rows).toHaveLength(reporting.schedule.length);
    expect(rows[0]!.slice(0, 4)).toEqual([1, new Date('2025-02-17T00:00:00Z'), new Date('2025-02-14T00:00:00Z'), 'Hadir']);
    // A client without a PK: the head signs; a client with no reporting duty: said so.
    const andi = htmlOf(await app.call('registers.checkinCard', { id: s.clients.andi, paper: 'A4', format: 'html' }, s.admin));
    expect(andi).toContain('<tr class="name"><td>Drs. Hendra Saputra</td></tr>');
    expect(htmlOf(await app.call('registers.checkinCard', { id: s.clients.dedi, paper: 'A4', format: 'html' }, s.admin))).toContain(
      'Klien tidak mempunyai jadwal wajib lapor.',
    );
  });
});

describe('daftar hadir and laporan kegiatan', () => {
  it('print the participants with a column to sign, and the report with its details, attendance and photos', async () => {
    const activity = await app.call('activities.get', { id: s.activity }, s.admin);
    const hadir = await app.call('registers.attendance', { id: s.activity, paper: 'F4', format: 'html' }, s.admin);
    const h = htmlOf(hadir);
    expect(hadir.rows).toBe(activity.participantList.length);
    expect(h).toContain('<p class="title">DAFTAR HADIR</p>');
    expect(h).toContain('<td>Hari, tanggal</td><td>:</td><td>Senin, 3 Maret 2025</td>');
    expect(h).toContain('<th>Tanda tangan</th>');
    expect(h).toContain('<td>Citra Lestari</td><td>CB-001/<wbr>2025</td><td>Sakit</td><td></td>');
    const hws = await sheetOf(await app.call('registers.attendance', { id: s.activity, paper: 'F4', format: 'xlsx' }, s.admin));
    expect(hws.getRow(6).values).toEqual([undefined, 'No.', 'Nama', 'No. register', 'Keterangan']);

    const report = htmlOf(await app.call('registers.activityReport', { id: s.activity, paper: 'F4', format: 'html' }, s.admin));
    expect(report).toContain('<p class="title">LAPORAN KEGIATAN</p>');
    expect(report).toContain('<td>Peserta</td><td>:</td><td>2 orang, hadir 1 orang</td>');
    expect(report).toContain('<p class="par">Peserta mempraktikkan sambungan las tumpul.</p>');
    expect(report).toContain('<td>Tidak hadir</td>');
    expect(report).toContain('<p class="photo-head">Dokumentasi kegiatan</p>');
    expect(report.match(/<img alt="Foto 1\. praktik-las\.png" src="data:image\/png;base64,/g)).toHaveLength(1);
    // The photo moves to its page with the signature: it stands inside the closing block.
    expect(report.indexOf('<div class="end">')).toBeLessThan(report.indexOf('<figure>'));
    const { xml } = await docxOf(await app.call('registers.activityReport', { id: s.activity, paper: 'F4', format: 'docx' }, s.admin));
    expect(xml).toContain('<pic:pic');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('Dokumentasi kegiatan');
  });
});

describe('every book', () => {
  it('is audited once per print or export, registers no verification code, and refuses an unknown record or a PDF the app cannot print', async () => {
    const before = exports().n;
    await app.call('registers.klaper', { paper: 'F4', format: 'pdf' }, s.admin);
    expect(printed.at(-1)).toContain('BUKU KLAPER');
    await app.call('registers.attendance', { id: s.activity, paper: 'A4', format: 'docx' }, s.admin);
    expect(exports().n).toBe(before + 2);
    expect(app.db.raw.prepare('SELECT count(*) AS n FROM printed_documents').get()).toEqual({ n: 0 });
    const unknown = '01958e2a-0000-7000-8000-000000000001';
    const e1 = await app.fail('registers.checkinCard', { id: unknown, paper: 'A4', format: 'html' }, s.admin);
    expect([e1.code, e1.message]).toEqual(['NOT_FOUND', 'clients.notFound']);
    const e2 = await app.fail('registers.activityReport', { id: unknown, paper: 'A4', format: 'html' }, s.admin);
    expect([e2.code, e2.message]).toEqual(['NOT_FOUND', 'activities.notFound']);
    expect((await app.fail('registers.clients', { paper: 'Letter', format: 'html' }, s.admin)).code).toBe('VALIDATION');

    const plain = makeApp();
    try {
      const t = (await seedBooks(plain)).admin;
      const snapshot = dumpDb(plain.db);
      const e = await plain.fail('registers.overdue', { paper: 'A4', format: 'pdf' }, t);
      expect([e.code, e.message]).toEqual(['UNAVAILABLE', 'documents.pdfUnavailable']);
      expect(dumpDb(plain.db)).toBe(snapshot);
    } finally {
      plain.dispose();
    }
  });
});
