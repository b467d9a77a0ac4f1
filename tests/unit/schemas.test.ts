import { describe, expect, it } from 'vitest';
import { contract, mayCall } from '../../shared/contract';
import { PartnerCreateInput, PartnerListInput } from '../../shared/schemas/partners';
import { SetupInput } from '../../shared/schemas/setup';
import { PARTNER, SETUP } from '../support/fixtures';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('contract schemas', () => {
  it('normalises a partner and fills defaults', () => {
    const r = PartnerCreateInput.parse({ ...PARTNER, name: '  Pondok  ', phone: '0812 7345 6789' });
    expect(r).toMatchObject({ name: 'Pondok', phone: '+6281273456789', status: 'calon', confirmDuplicate: false, notes: '' });
  });

  it('refuses repeated choices, bad nesting and unknown fields', () => {
    expect(issues(PartnerCreateInput.safeParse({ ...PARTNER, services: ['bantuan_hukum', 'bantuan_hukum'] }))).toEqual({ services: 'v.duplicateItems' });
    expect(issues(PartnerCreateInput.safeParse({ ...PARTNER, regencyCode: null, districtCode: '17.02.06' }))).toEqual({ districtCode: 'v.wilayahNesting' });
    expect(issues(PartnerCreateInput.safeParse({ ...PARTNER, districtCode: '17.02.06', villageCode: '17.08.01.2001' }))).toEqual({
      villageCode: 'v.wilayahNesting',
    });
    expect(PartnerCreateInput.safeParse({ ...PARTNER, isAdmin: true }).success).toBe(false);
  });

  it('requires a parent office for a Pos Bapas but not for a Bapas induk', () => {
    const pos = { ...SETUP, office: { ...SETUP.office, parentName: '' } };
    expect(issues(SetupInput.safeParse(pos))).toEqual({ 'office.parentName': 'v.required' });
    expect(SetupInput.safeParse({ ...pos, office: { ...pos.office, kind: 'induk' } }).success).toBe(true);
    expect(SetupInput.parse({ ...SETUP, office: { ...SETUP.office, code: 'crp' } }).office.code).toBe('CRP');
  });

  it('bounds list queries', () => {
    expect(PartnerListInput.parse({})).toMatchObject({ limit: 200, offset: 0, sort: 'name', dir: 'asc', archived: 'active' });
    expect(PartnerListInput.safeParse({ limit: 100_000 }).success).toBe(false);
  });

  it('lets pimpinan read but never write', () => {
    const writes = Object.entries(contract).filter(([m]) => /\.(create|update|setStatus|archive|restore|setActive|resetPassword)$/.test(m));
    expect(writes.length).toBeGreaterThan(8);
    for (const [m, spec] of writes) expect(mayCall(spec.access, 'pimpinan'), m).toBe(false);
    expect(mayCall(contract['partners.list'].access, 'pimpinan')).toBe(true);
    expect(mayCall(contract['partners.list'].access, null)).toBe(false);
  });
});
