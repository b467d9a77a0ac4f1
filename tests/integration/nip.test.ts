import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
afterEach(() => app?.dispose());

const NEW_USER = {
  username: 'pk.rina',
  name: 'Rina Marlina',
  position: 'Pembimbing Kemasyarakatan',
  role: 'petugas',
  password: 'sandi-rina-123',
  passwordConfirm: 'sandi-rina-123',
} as const;

describe('NIP typed as it is written on letters', () => {
  it('keeps a NIP typed with spaces between its parts, without the spaces', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const u = await app.call('users.create', { ...NEW_USER, nip: '19850312 201001 1 004' }, admin);
    expect(u.nip).toBe('198503122010011004');
    const updated = await app.call('users.update', { id: u.id, name: u.name, nip: ' 19850312  201001 2 005 ', position: u.position, role: u.role }, admin);
    expect(updated.nip).toBe('198503122010012005');

    const settings = await app.call('settings.get', {}, admin);
    const s = await app.call('settings.update', { office: { ...settings.office, headNip: '19700101 199503 1 001' } }, admin);
    expect(s.office.headNip).toBe('197001011995031001');
  });

  it('refuses a NIP that is too short, too long or whose parts cannot be right, on its field, changing nothing', async () => {
    app = makeApp();
    const admin = await setUpOffice(app);
    const before = await app.call('users.list', {}, admin);
    for (const [nip, key] of [
      ['19850312 201001 1 00', 'v.nip'], // 17 digits
      ['19850312 201001 1 0045', 'v.nip'], // 19 digits: never cut to 18
      ['1985O312 201001 1 004', 'v.nip'], // a letter O
      ['19851312 201001 1 004', 'v.nipParts'], // birth month 13
      ['19850312 201013 1 004', 'v.nipParts'], // appointment month 13
      ['19850312 201001 3 004', 'v.nipParts'], // sex digit 3
    ] as const) {
      const e = await app.fail('users.create', { ...NEW_USER, nip }, admin);
      expect(e.fields, nip).toEqual({ nip: key });
    }
    expect(await app.call('users.list', {}, admin)).toEqual(before);
  });
});
