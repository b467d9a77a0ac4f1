import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
afterEach(() => app?.dispose());

describe('service core', () => {
  it('sets up, signs in and creates a partner found by a partial, accent-free search', async () => {
    app = makeApp();
    const token = await setUpOffice(app);
    const p = await app.call('partners.create', { ...PARTNER, name: 'Yayasan Cahaya Ümmah' }, token);
    expect(p.phone).toBe('+6281273456789');
    expect(p.regencyName).toBe('Kabupaten Rejang Lebong');
    const found = await app.call('partners.list', { q: 'cahaya umm' }, token);
    expect(found.rows.map((r) => r.id)).toEqual([p.id]);
  });
});
