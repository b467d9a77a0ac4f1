import JSZip from 'jszip';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
afterEach(() => app.dispose());

async function arrange(opts: Parameters<typeof makeApp>[1] = {}) {
  app = makeApp(undefined, opts);
  const admin = await setUpOffice(app);
  const partnerId = (await app.call('partners.create', PARTNER, admin)).id;
  const data: InputOf<'agreements.create'>['data'] = {
    partnerId,
    subject: 'Pembinaan Kemandirian Klien',
    signDate: '2025-03-01',
    startDate: '2025-03-01',
    termMonths: 12,
    bidang: ['kemandirian_kepribadian'],
    officeSignatory: { name: 'Drs. Hendra', nip: '', position: 'Kepala' },
    partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
    articles: [{ heading: 'Maksud dan Tujuan', body: 'Kerja sama {kantor} dengan {mitra}.' }],
  };
  // A number from the office's register book: the draft prints with the number it will be signed under
  // (an automatic number would only be given at the signing, changing what the PKS says).
  const agreement = await app.call('agreements.create', { data, number: { mode: 'manual', value: '001/PKS/CRP/III/2025' } }, admin);
  return { admin, agreement, data };
}

const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('printed document register and verification codes', () => {
  it('gives the same content one version and code on any paper, and changed content the next version', async () => {
    const { admin, agreement, data } = await arrange();
    const a4 = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    const f4 = await app.call('agreements.document', { id: agreement.id, paper: 'F4', format: 'html' }, admin);
    expect(a4.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect([f4.code, f4.version]).toEqual([a4.code, 1]);
    // The code is on every page (footer) and under the signatures beside its QR code.
    const html = text(a4.base64);
    expect(html).toContain(`@bottom-right { content: "Kode verifikasi ${a4.code}"`);
    expect(html).toContain(`data-code="${a4.code}"`);
    expect(html).toMatch(/<svg class="qr"[^>]*viewBox="-1 -1 \d+ \d+"/);
    expect(html).toContain(`Kode verifikasi ${a4.code} (versi 1, 5 Maret 2025)`);

    const current = await app.call('agreements.get', { id: agreement.id }, admin);
    await app.call(
      'agreements.update',
      { id: agreement.id, expectedUpdatedAt: current.updatedAt, data: { ...data, subject: 'Pembinaan Kemandirian dan Kepribadian Klien' } },
      admin,
    );
    const v2 = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    expect(v2.version).toBe(2);
    expect(v2.code).not.toBe(a4.code);
    expect(app.db.raw.prepare('SELECT count(*) AS n FROM printed_documents').get()).toEqual({ n: 2 });
  });

  it('verifies a code however typed, says which version it is and whether the record still matches', async () => {
    const { admin, agreement, data } = await arrange();
    const v1 = await app.call('agreements.document', { id: agreement.id, paper: 'F4', format: 'html' }, admin);
    const pimpinan = await signInAs(app, admin, 'pimpinan');
    const fresh = await app.call('documents.verify', { code: v1.code.toLowerCase().replace('-', ' ') }, pimpinan);
    expect(fresh).toMatchObject({
      found: true,
      code: v1.code,
      kind: 'pks',
      entityId: agreement.id,
      number: agreement.officeNumber,
      partnerName: PARTNER.name,
      version: 1,
      latestVersion: 1,
      matchesCurrent: true,
      statusKey: 'agreement.status.draf',
      href: `/pks/${agreement.id}`,
      printedBy: 'Siti Rahmawati',
      printedAt: '2025-03-05T03:00:00.000Z',
    });

    const current = await app.call('agreements.get', { id: agreement.id }, admin);
    await app.call('agreements.update', { id: agreement.id, expectedUpdatedAt: current.updatedAt, data: { ...data, partnerNumber: '12/PP/2025' } }, admin);
    // Edited but not yet printed again: the old code is genuine, but the record has moved on.
    expect(await app.call('documents.verify', { code: v1.code }, admin)).toMatchObject({
      version: 1,
      latestVersion: 1,
      matchesCurrent: false,
      standing: 'changed',
    });
    const v2 = await app.call('agreements.document', { id: agreement.id, paper: 'F4', format: 'docx' }, admin);
    expect(await app.call('documents.verify', { code: v1.code }, admin)).toMatchObject({
      version: 1,
      latestVersion: 2,
      matchesCurrent: false,
      standing: 'superseded',
    });
    expect(await app.call('documents.verify', { code: v2.code }, admin)).toMatchObject({
      version: 2,
      latestVersion: 2,
      matchesCurrent: true,
      standing: 'current',
    });
  });

  it('still calls the only printed version current after the PKS is signed and the office adds its logo', async () => {
    const { admin, agreement } = await arrange();
    const v1 = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    await app.call('agreements.sign', { id: agreement.id, signedOn: '2025-03-05' }, admin);
    const logo = await QRCode.toBuffer('LOGO', { type: 'png', width: 240 });
    await app.call('settings.setLogo', { base64: logo.toString('base64') }, admin);
    const verdict = await app.call('documents.verify', { code: v1.code }, admin);
    expect(verdict).toMatchObject({ version: 1, latestVersion: 1, matchesCurrent: true, standing: 'current', statusKey: 'agreement.status.aktif' });
    // Printing again with the logo keeps the version and its code: what the PKS says has not changed.
    const again = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    expect(again).toMatchObject({ version: 1, code: v1.code });
    expect(text(again.base64)).toContain('class="logo"');
  });

  it('gives one verdict for every pair of version and content, never "older" for the latest version', async () => {
    const { admin, agreement, data } = await arrange();
    const v1 = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    const edit = async (subject: string) => {
      const current = await app.call('agreements.get', { id: agreement.id }, admin);
      await app.call('agreements.update', { id: agreement.id, expectedUpdatedAt: current.updatedAt, data: { ...data, subject } }, admin);
    };
    await edit('Pembinaan Kepribadian Klien');
    const v2 = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, admin);
    await edit(data.subject);
    // Back to version 1's content: v1 matches again but is not the latest; v2 is the latest but no longer matches.
    expect(await app.call('documents.verify', { code: v1.code }, admin)).toMatchObject({ version: 1, latestVersion: 2, standing: 'reverted' });
    expect(await app.call('documents.verify', { code: v2.code }, admin)).toMatchObject({ version: 2, latestVersion: 2, standing: 'changed' });
  });

  it('answers "not found" for unknown or malformed codes, without an error and without writing', async () => {
    const { admin } = await arrange();
    const before = dumpDb(app.db);
    expect(await app.call('documents.verify', { code: 'ABCDE-FGHJK' }, admin)).toEqual({ found: false, code: 'ABCDE-FGHJK' });
    expect(await app.call('documents.verify', { code: "x'; DROP TABLE agreements; --" }, admin)).toMatchObject({ found: false });
    expect((await app.fail('documents.verify', { code: '' }, admin)).code).toBe('VALIDATION');
    expect((await app.fail('documents.verify', { code: 'ABCDE-FGHJK' }, null)).code).toBe('UNAUTHENTICATED');
    expect(dumpDb(app.db)).toBe(before);
  });

  it('puts the code in the Word footer and the QR code as an image in the DOCX', async () => {
    const { admin, agreement } = await arrange();
    const file = await app.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'docx' }, admin);
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.join('').replace(/<[^>]+>/g, '')).toContain(`Kode verifikasi ${file.code}`);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const body = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(body).toContain(`Kode verifikasi ${file.code} (versi 1, 5 Maret 2025)`);
  });

  it('writes a PDF through the installed printer, or refuses plainly where there is none, recording nothing', async () => {
    const printed: string[] = [];
    const { admin, agreement } = await arrange({
      printPdf: (html) => {
        printed.push(html);
        return Promise.resolve(Buffer.from('%PDF-1.7\n%fake'));
      },
    });
    const pdf = await app.call('agreements.document', { id: agreement.id, paper: 'F4', format: 'pdf' }, admin);
    expect(pdf).toMatchObject({ mime: 'application/pdf', filename: expect.stringMatching(/\.pdf$/), version: 1 });
    expect(text(pdf.base64)).toContain('%PDF-1.7');
    expect(printed[0]).toContain('size: 215mm 330mm');
    expect(printed[0]).toContain(`data-code="${pdf.code}"`);
    expect((await app.call('app.status', {})).canPrintPdf).toBe(true);
    app.dispose();

    const plain = await arrange();
    expect((await app.call('app.status', {})).canPrintPdf).toBe(false);
    const before = dumpDb(app.db);
    const e = await app.fail('agreements.document', { id: plain.agreement.id, paper: 'F4', format: 'pdf' }, plain.admin);
    expect([e.code, e.message]).toEqual(['UNAVAILABLE', 'documents.pdfUnavailable']);
    expect(dumpDb(app.db)).toBe(before);
  });
});
