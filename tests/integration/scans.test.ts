import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';
import { agreementWith } from '../support/fixtures';

let app: TestApp;
let admin: string;
let agreementId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');
const b64 = (b: Buffer) => b.toString('base64');

beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  const partnerId = (await app.call('partners.create', PARTNER, admin)).id;
  agreementId = (await app.call('agreements.create', agreementWith(partnerId), admin)).id;
});
afterEach(() => app.dispose());

describe('signed scans', () => {
  it('files the scan of a draft with its SHA-256, which makes the agreement aktif on the signing date', async () => {
    const a = await app.call('agreements.uploadScan', { id: agreementId, filename: 'pks-ditandatangani.pdf', base64: b64(PDF), signedOn: '2025-03-05' }, admin);
    expect(a.status).toBe('aktif');
    expect(a.signedOn).toBe('2025-03-05');
    expect(a.scans).toHaveLength(1);
    expect(a.scans[0]).toMatchObject({ filename: 'pks-ditandatangani.pdf', mime: 'application/pdf', size: PDF.length, uploadedBy: 'Siti Rahmawati' });
    const stored = join(app.dir, 'files', a.scans[0]!.sha256);
    expect(readFileSync(stored).equals(PDF)).toBe(true);
    const back = await app.call('agreements.scan', { id: a.scans[0]!.id }, admin);
    expect(Buffer.from(back.base64, 'base64').equals(PDF)).toBe(true);
  });

  it('keeps the earlier scan in the history when it is replaced', async () => {
    await app.call('agreements.uploadScan', { id: agreementId, filename: 'scan-1.pdf', base64: b64(PDF), signedOn: '2025-03-05' }, admin);
    const a = await app.call('agreements.uploadScan', { id: agreementId, filename: 'scan-2.png', base64: b64(PNG), signedOn: '2025-03-06' }, admin);
    expect(a.scans.map((s) => [s.filename, s.mime])).toEqual([
      ['scan-2.png', 'image/png'],
      ['scan-1.pdf', 'application/pdf'],
    ]);
    expect(a.signedOn).toBe('2025-03-05'); // the first filing fixed the signing date
  });

  it('refuses a file that is not really a PDF/JPEG/PNG, an empty one and an oversized one, and changes nothing', async () => {
    const before = dumpDb(app.db);
    const fail = (base64: string, filename = 'scan.pdf') =>
      app.fail('agreements.uploadScan', { id: agreementId, filename, base64, signedOn: '2025-03-05' }, admin);
    expect((await fail(b64(Buffer.from('bukan pdf, hanya teks')))).fields).toEqual({ file: 'scans.wrongType' });
    expect((await fail(b64(Buffer.from('MZ\x90\x00 program')), 'scan.png')).fields).toEqual({ file: 'scans.wrongType' });
    expect((await fail('')).fields).toEqual({ base64: 'v.required' });
    expect((await fail('====')).fields).toEqual({ file: 'scans.empty' });
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    expect((await fail(b64(big))).fields).toEqual({ file: 'scans.tooLarge' });
    expect(dumpDb(app.db)).toBe(before);
    expect(existsSync(join(app.dir, 'files'))).toBe(false);
  });

  it('notices a stored scan that was altered on disk', async () => {
    const a = await app.call('agreements.uploadScan', { id: agreementId, filename: 'scan.pdf', base64: b64(PDF), signedOn: '2025-03-05' }, admin);
    writeFileSync(join(app.dir, 'files', a.scans[0]!.sha256), Buffer.concat([PDF, Buffer.from('x')]));
    expect((await app.fail('agreements.scan', { id: a.scans[0]!.id }, admin)).code).toBe('INTEGRITY');
  });
});
