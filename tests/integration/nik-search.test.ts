import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { makeApp, setUpOffice, signInAs, type TestApp } from '../support/app';
import { CLIENT } from '../support/fixtures';

let app: TestApp;
let admin: string;
let pimpinan: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  pimpinan = await signInAs(app, admin, 'pimpinan');
  const create = (data: Partial<InputOf<'clients.create'>['data']>) =>
    app.call('clients.create', { data: { ...CLIENT, ...data }, statusDate: '2025-01-15' }, admin);
  // Three NIKs sharing the shown head (1702) and differing in the hidden middle and the tail.
  await create({});
  await create({ registerNumber: 'CB-007/2024', name: 'Siti Aminah', nik: '1702095507900003', sex: 'P', birthDate: '1990-07-15', program: 'cb' });
  await create({ registerNumber: 'AS-12/2024', name: 'Andi Saputra', nik: '1702091504860005', birthDate: '1986-04-15', program: 'asimilasi' });
});
afterEach(() => app.dispose());

const NIK = CLIENT.nik;
const names = async (q: string, token: string, extra: Partial<InputOf<'clients.list'>> = {}) =>
  (await app.call('clients.list', { q, sort: 'name', ...extra }, token)).rows.map((r) => r.name);
const otherDigits = (d: string) => '0123456789'.split('').filter((x) => x !== d);

describe('client search by a masked caller', () => {
  it('never tells a hidden NIK digit by which clients match a prefix', async () => {
    for (let k = 1; k <= 16; k++) {
      const prefix = NIK.slice(0, k);
      const found = await names(prefix, pimpinan);
      if (k <= 4) expect(found, prefix).toContain('Budi Santoso');
      else if (k < 16) {
        // Whatever digit stands at a hidden position, the answer is the same: it tells nothing.
        for (const d of otherDigits(NIK[k - 1]!)) expect(await names(prefix.slice(0, -1) + d, pimpinan), prefix).toEqual(found);
        expect(found, prefix).toEqual([]);
      } else expect(found).toEqual(['Budi Santoso']);
    }
  });

  it('never tells a hidden digit by a suffix or a middle part either, in any list or picker', async () => {
    for (let k = 5; k <= 15; k++) {
      const suffix = NIK.slice(16 - k);
      const found = await names(suffix, pimpinan);
      for (const d of otherDigits(suffix[0]!)) expect(await names(d + suffix.slice(1), pimpinan), suffix).toEqual(found);
      expect(found, suffix).toEqual([]);
    }
    expect(await names('0001', pimpinan)).toEqual(['Budi Santoso']);
    expect(await names('09150385', pimpinan)).toEqual([]);
    // The activity participant picker asks the same list, for active clients.
    expect(await names('091503', pimpinan, { status: 'aktif', limit: 20 })).toEqual([]);
    expect((await app.call('clients.list', { q: '09', limit: 1 }, pimpinan)).total).toBe(0);
  });

  it('finds the holder of a whole NIK typed in full, and by name and register number as before', async () => {
    expect(await names(NIK, pimpinan)).toEqual(['Budi Santoso']);
    expect(await names('1702095507900003', pimpinan)).toEqual(['Siti Aminah']);
    expect(await names('siti 1702', pimpinan)).toEqual(['Siti Aminah']);
    expect(await names('cb-007', pimpinan)).toEqual(['Siti Aminah']);
  });

  it('lets officers, and a pimpinan the office allows to see NIKs, find by part of a NIK', async () => {
    expect(await names('091503', admin)).toEqual(['Budi Santoso']);
    expect(await names('0915', admin)).toEqual(['Andi Saputra', 'Budi Santoso']);
    const settings = await app.call('settings.get', {}, admin);
    await app.call('settings.update', { security: { ...settings.security, pimpinanSeesNik: true } }, admin);
    expect(await names('091503', pimpinan)).toEqual(['Budi Santoso']);
  });
});
