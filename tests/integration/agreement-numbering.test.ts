import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';
import { agreementWith } from '../support/fixtures';

let app: TestApp;
let admin: string;
let partnerId: string;
beforeEach(async () => {
  app = makeApp(new Date('2025-03-05T03:00:00Z'));
  admin = await setUpOffice(app);
  partnerId = (await app.call('partners.create', PARTNER, admin)).id;
});
afterEach(() => app.dispose());

const draft = async () => app.call('agreements.create', agreementWith(partnerId), admin);
const sign = async (id: string, signedOn = '2025-03-05') => app.call('agreements.sign', { id, signedOn }, admin);
const renew = async (id: string) => app.call('agreements.renew', { id, startDate: '2026-03-05', termMonths: 12, signDate: '2025-03-05' }, admin);
/** The office's register: every number given, in order. */
const register = () =>
  (
    app.db.raw.prepare('SELECT office_number AS n FROM agreements WHERE office_number IS NOT NULL ORDER BY number_year, number_seq').all() as { n: string }[]
  ).map((r) => r.n);

describe('PKS numbers are given at the signing', () => {
  it('a renewal draft takes no number; given up, the next agreement gets the number it would have had', async () => {
    const first = await sign((await draft()).id);
    expect(first.officeNumber).toBe('001/PKS/CRP/III/2025');
    const renewal = await renew(first.id);
    expect(renewal).toMatchObject({ status: 'draf', officeNumber: null, previousNumber: '001/PKS/CRP/III/2025' });
    expect((await app.call('agreements.get', { id: first.id }, admin)).nextNumber).toBeNull();
    // Listed, searched and exported without a number, saying when it comes.
    expect((await app.call('agreements.list', {}, admin)).find((a) => a.id === renewal.id)?.officeNumber).toBeNull();

    const abandoned = await app.call('agreements.cancel', { id: renewal.id, date: '2025-03-05', reason: 'Mitra tidak jadi memperpanjang' }, admin);
    expect(abandoned).toMatchObject({ status: 'dibatalkan', officeNumber: null });
    const next = await sign((await draft()).id);
    expect(next.officeNumber).toBe('002/PKS/CRP/III/2025');
    expect(register()).toEqual(['001/PKS/CRP/III/2025', '002/PKS/CRP/III/2025']);
  });

  it('a signed renewal takes the next number in the order of signing, in its signing year', async () => {
    const first = await sign((await draft()).id);
    const renewal = await renew(first.id);
    const other = await draft(); // saved after the renewal, signed before it
    expect((await sign(other.id)).officeNumber).toBe('002/PKS/CRP/III/2025');
    const signedRenewal = await sign(renewal.id, '2025-03-06');
    expect(signedRenewal.officeNumber).toBe('003/PKS/CRP/III/2025');
    expect(register()).toEqual(['001/PKS/CRP/III/2025', '002/PKS/CRP/III/2025', '003/PKS/CRP/III/2025']);
    expect((await app.call('agreements.get', { id: first.id }, admin)).nextNumber).toBe('003/PKS/CRP/III/2025');
    // The first signing of a new year starts its sequence, whatever the drafts saved before it.
    const nextYear = await draft();
    expect((await sign(nextYear.id, '2026-01-02')).officeNumber).toBe('001/PKS/CRP/I/2026');
  });

  it('filing the signed scan of a draft gives its number too; a manual number is kept as typed', async () => {
    const d = await draft();
    const scanned = await app.call(
      'agreements.uploadScan',
      { id: d.id, filename: 'pks.pdf', base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'), signedOn: '2025-03-05' },
      admin,
    );
    expect(scanned.officeNumber).toBe('001/PKS/CRP/III/2025');
    const manual = await app.call(
      'agreements.create',
      { ...agreementWith(partnerId), number: { mode: 'manual', value: 'W7.PAS.PAS.4-PK.01.05.02-12' } },
      admin,
    );
    expect(manual.officeNumber).toBe('W7.PAS.PAS.4-PK.01.05.02-12');
    expect((await sign(manual.id)).officeNumber).toBe('W7.PAS.PAS.4-PK.01.05.02-12');
    expect((await sign((await draft()).id)).officeNumber).toBe('002/PKS/CRP/III/2025');
  });
});
