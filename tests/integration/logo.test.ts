import JSZip from 'jszip';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

/** A real 240×240 PNG. */
const png = () => QRCode.toBuffer('LOGO', { type: 'png', width: 240 });

/** A PNG whose header claims `w`×`h` pixels (enough for a size check; no image data). */
function pngHeader(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(w, 8);
  ihdr.writeUInt32BE(h, 12);
  ihdr.writeUInt8(8, 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

describe('letterhead logo', () => {
  it('is stored by content and printed left of the kop in the HTML and the DOCX; removing it prints the kop without', async () => {
    const bytes = await png();
    const settings = await app.call('settings.setLogo', { base64: bytes.toString('base64') }, admin);
    expect(settings.logo).toMatchObject({ mime: 'image/png', width: 240, height: 240, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await app.call('settings.logo', {}, admin))!.base64).toBe(bytes.toString('base64'));

    const partnerId = (await app.call('partners.create', PARTNER, admin)).id;
    const agreement = await app.call(
      'agreements.create',
      {
        data: {
          partnerId,
          subject: 'Pembinaan',
          signDate: '2025-03-01',
          startDate: '2025-03-01',
          termMonths: 12,
          bidang: ['kemandirian_kepribadian'],
          officeSignatory: { name: 'a', nip: '', position: 'b' },
          partnerSignatory: { name: 'c', position: 'd' },
          articles: [{ heading: 'Penutup', body: 'Selesai.' }],
        },
        number: { mode: 'auto' },
      },
      admin,
    );
    const html = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    expect(Buffer.from(html.base64, 'base64').toString()).toContain(
      `<div class="kop with-logo">\n<img class="logo" alt="" src="data:image/png;base64,${bytes.toString('base64')}">`,
    );
    const docx = await JSZip.loadAsync(
      Buffer.from((await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'docx' }, admin)).base64, 'base64'),
    );
    const media = await Promise.all(
      Object.keys(docx.files)
        .filter((f) => f.startsWith('word/media/'))
        .map((f) => docx.file(f)!.async('nodebuffer')),
    );
    expect(media.some((m) => m.equals(bytes))).toBe(true);

    await app.call('settings.setLogo', { base64: null }, admin);
    expect((await app.call('settings.get', {}, admin)).logo).toBeNull();
    const plain = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    expect(Buffer.from(plain.base64, 'base64').toString()).not.toContain('class="logo"');
    // The logo is how the office presents its letters, not what the agreement says: the same version and code.
    expect(plain.version).toBe(1);
    expect(plain.code).toBe(html.code);
  });

  it('refuses what is not a sane PNG or JPEG, with the reason, and changes nothing', async () => {
    const before = dumpDb(app.db);
    const reason = async (bytes: Buffer) => (await app.fail('settings.setLogo', { base64: bytes.toString('base64') }, admin)).fields?.file;
    expect(await reason(Buffer.from('%PDF-1.4\n%%EOF'))).toBe('logo.wrongType');
    expect(await reason(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('logo.wrongType');
    expect(await reason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]))).toBe('logo.unreadable');
    expect(await reason(pngHeader(8, 8))).toBe('logo.badSize');
    expect(await reason(pngHeader(100_000, 200))).toBe('logo.badSize');
    expect(await reason(Buffer.concat([pngHeader(200, 200), Buffer.alloc(1024 * 1024)]))).toBe('logo.tooLarge');
    expect((await app.fail('settings.setLogo', { base64: '' }, admin)).code).toBe('VALIDATION');
    expect(dumpDb(app.db)).toBe(before);
  });

  it('is set only by an admin', async () => {
    const petugas = await signInAs(app, admin, 'petugas');
    expect((await app.fail('settings.setLogo', { base64: (await png()).toString('base64') }, petugas)).code).toBe('FORBIDDEN');
    expect(await app.call('settings.logo', {}, petugas)).toBeNull();
  });
});
