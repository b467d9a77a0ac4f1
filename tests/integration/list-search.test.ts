import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreementWith, CLIENT } from '../support/fixtures';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

const partnerNames = async (q: string) => (await app.call('partners.list', { q }, admin)).rows.map((r) => r.name);
const clientNames = async (q: string, token = admin) => (await app.call('clients.list', { q }, token)).rows.map((r) => r.name);

describe('list search and sort', () => {
  it('finds a partner and a client by a phone typed the national way, stored as +62', async () => {
    await app.call('partners.create', { ...PARTNER, phone: '0812-7345-6789' }, admin);
    await app.call('partners.create', { ...PARTNER, name: 'Yayasan Lain', phone: '0811-0000-1111' }, admin);
    for (const q of ['0812-7345-6789', '0812 7345 6789', '081273456789', '0812', '+62 812-7345', '6281273']) {
      expect(await partnerNames(q), q).toEqual(['Pondok Pesantren Al-Hikmah']);
    }
    await app.call('clients.create', { data: { ...CLIENT, phone: '0813-1234-5678' }, statusDate: '2025-01-15' }, admin);
    await app.call(
      'clients.create',
      { data: { ...CLIENT, registerNumber: 'PB-002/2025', name: 'Andi', nik: '', phone: '0857-0000-2222' }, statusDate: '2025-01-15' },
      admin,
    );
    const pimpinan = await signInAs(app, admin, 'pimpinan');
    for (const token of [admin, pimpinan]) {
      for (const q of ['0813-1234-5678', '0813 1234', '081312345678', '+6281312']) expect(await clientNames(q, token), q).toEqual(['Budi Santoso']);
    }
    // Register numbers and names are still found as before.
    expect(await clientNames('PB-002/2025')).toEqual(['Andi']);
  });

  it('searches the PKS list by number, partner name and subject', async () => {
    const a = await app.call('partners.create', PARTNER, admin);
    const b = await app.call('partners.create', { ...PARTNER, name: 'Bengkel Maju Jaya' }, admin);
    // Signed, so each has its number (an automatic number is given at the signing).
    const sign = async (id: string) => app.call('agreements.sign', { id, signedOn: '2025-03-05' }, admin);
    const pa = await sign((await app.call('agreements.create', agreementWith(a.id), admin)).id);
    const pb = await sign(
      (await app.call('agreements.create', { ...agreementWith(b.id), data: { ...agreementWith(b.id).data, subject: 'Pelatihan Las' } }, admin)).id,
    );
    const numbers = async (q: string) => (await app.call('agreements.list', { q }, admin)).map((r) => r.officeNumber).sort();
    expect(await numbers('')).toEqual([pa.officeNumber, pb.officeNumber].sort());
    expect(await numbers('hikmah')).toEqual([pa.officeNumber]);
    expect(await numbers('pelatihan las')).toEqual([pb.officeNumber]);
    expect(await numbers(pb.officeNumber!)).toEqual([pb.officeNumber]);
    expect(await numbers('maju pembinaan')).toEqual([]);
  });

  it('sorts partners by the name of their kabupaten, not its code, with those without one last', async () => {
    // 17.02 Rejang Lebong, 17.07 Lebong, 17.08 Kepahiang: by code the order would be the reverse of by name.
    for (const [name, regencyCode] of [
      ['A Rejang', '17.02'],
      ['B Lebong', '17.07'],
      ['C Kepahiang', '17.08'],
      ['D Tanpa', null],
    ] as const) {
      await app.call('partners.create', { ...PARTNER, name, regencyCode }, admin);
    }
    const order = async (dir: 'asc' | 'desc') => (await app.call('partners.list', { sort: 'regency', dir }, admin)).rows.map((r) => r.regencyName);
    expect(await order('asc')).toEqual(['Kabupaten Kepahiang', 'Kabupaten Lebong', 'Kabupaten Rejang Lebong', null]);
    expect(await order('desc')).toEqual(['Kabupaten Rejang Lebong', 'Kabupaten Lebong', 'Kabupaten Kepahiang', null]);
  });
});
