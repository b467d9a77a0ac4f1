import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskNik, nikBirthDate, nikFill, nikMismatches, normalizeNik, readNik } from '../../shared/nik';

const nik = (district: string, dd: number, mm: number, yy: number, serial = '0001') =>
  `${district}${String(dd).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(yy).padStart(2, '0')}${serial}`;

describe('NIK', () => {
  it('reads the kecamatan, sex and birth date a NIK encodes', () => {
    expect(readNik('1702011503850001')).toEqual({ ok: true, facts: { districtCode: '17.02.01', sex: 'L', day: 15, month: 3, yy: 85 } });
    // Women: day + 40.
    expect(readNik('1702015503850002')).toEqual({ ok: true, facts: { districtCode: '17.02.01', sex: 'P', day: 15, month: 3, yy: 85 } });
    expect(readNik('3201 0171 1299 0007')).toMatchObject({ ok: true, facts: { sex: 'P', day: 31, month: 12, yy: 99 } });
    expect(normalizeNik(' 3201.0171.1299.0007 ')).toBe('3201017112990007');
  });

  it('refuses what cannot be a NIK, saying why', () => {
    expect(readNik('170201150385000')).toEqual({ ok: false, problem: 'short' });
    expect(readNik('17020115038500')).toEqual({ ok: false, problem: 'short' });
    expect(readNik('17020115038500012')).toEqual({ ok: false, problem: 'long' });
    expect(readNik('1702011503850O01')).toEqual({ ok: false, problem: 'format' });
    expect(readNik('3.20123E+15')).toEqual({ ok: false, problem: 'format' });
    expect(readNik(nik('170201', 31, 2, 85))).toEqual({ ok: false, problem: 'date' }); // 31 February
    expect(readNik(nik('170201', 71, 2, 85))).toEqual({ ok: false, problem: 'date' }); // a woman's 31 February
    expect(readNik(nik('170201', 31, 4, 85))).toEqual({ ok: false, problem: 'date' }); // 31 April
    expect(readNik(nik('170201', 0, 4, 85))).toEqual({ ok: false, problem: 'date' });
    expect(readNik(nik('170201', 40, 4, 85))).toEqual({ ok: false, problem: 'date' }); // day 0 for a woman
    expect(readNik(nik('170201', 32, 4, 85))).toEqual({ ok: false, problem: 'date' });
    expect(readNik(nik('170201', 72, 1, 85))).toEqual({ ok: false, problem: 'date' });
    expect(readNik(nik('170201', 10, 13, 85))).toEqual({ ok: false, problem: 'date' });
    expect(readNik(nik('170201', 10, 0, 85))).toEqual({ ok: false, problem: 'date' });
    expect(readNik(nik('170201', 10, 1, 85, '0000'))).toEqual({ ok: false, problem: 'serial' });
  });

  it('knows 29 February only in years that can be leap years', () => {
    expect(readNik(nik('170201', 29, 2, 0)).ok).toBe(true); // 2000
    expect(readNik(nik('170201', 69, 2, 4)).ok).toBe(true); // a woman born 29 February 2004
    expect(readNik(nik('170201', 29, 2, 88)).ok).toBe(true); // 1988
    expect(readNik(nik('170201', 29, 2, 1))).toEqual({ ok: false, problem: 'date' });
    expect(readNik(nik('170201', 69, 2, 99))).toEqual({ ok: false, problem: 'date' });
  });

  it('reads back every real birth date, for men and women', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1930-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }), fc.boolean(), (d, woman) => {
        const [day, month, yy] = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear() % 100];
        const r = readNik(nik('320101', day + (woman ? 40 : 0), month, yy));
        expect(r).toEqual({ ok: true, facts: { districtCode: '32.01.01', sex: woman ? 'P' : 'L', day, month, yy } });
        const birthDate = d.toISOString().slice(0, 10);
        if (r.ok) expect(nikMismatches(r.facts, { sex: woman ? 'P' : 'L', birthDate })).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('warns when sex or birth date disagree with the record', () => {
    const r = readNik('1702015503850002');
    if (!r.ok) throw new Error('valid NIK');
    expect(nikMismatches(r.facts, { sex: 'P', birthDate: '1985-03-15' })).toEqual([]);
    expect(nikMismatches(r.facts, { sex: 'L', birthDate: '1985-03-15' })).toEqual(['sex']);
    expect(nikMismatches(r.facts, { sex: 'P', birthDate: '1985-03-16' })).toEqual(['birthDate']);
    expect(nikMismatches(r.facts, { sex: 'P', birthDate: '1986-03-15' })).toEqual(['birthDate']);
    expect(nikMismatches(r.facts, { sex: null, birthDate: null })).toEqual([]);
  });

  it('masks all but the region and the serial', () => {
    expect(maskNik('3201017112990007')).toBe('3201********0007');
    expect(maskNik('')).toBe('');
  });
});

describe('NIK fill', () => {
  const today = '2025-03-05';
  it.each([
    [nik('170201', 45, 6, 90), 'P', '1990-06-05'],
    [nik('170201', 15, 8, 5), 'L', '2005-08-15'],
    [nik('170201', 1, 1, 25), 'L', '2025-01-01'],
    // Later this year than today: last century.
    [nik('170201', 10, 12, 25), 'L', '1925-12-10'],
    // 29 February 1996 (2096 is in the future anyway) and 29 February 1900-something only when this century has none.
    [nik('170201', 69, 2, 96), 'P', '1996-02-29'],
    [nik('170201', 29, 2, 0), 'L', '2000-02-29'],
  ])('%s reads as %s born %s', (n, sex, birth) => {
    expect(nikFill(n, { sex: true, birthDate: true }, today)).toEqual({ sex, birthDate: birth });
  });

  it('fills only the empty fields, and nothing from a NIK that does not read', () => {
    const n = nik('170201', 45, 6, 90);
    expect(nikFill(n, { sex: false, birthDate: true }, today)).toEqual({ birthDate: '1990-06-05' });
    expect(nikFill(n, { sex: true, birthDate: false }, today)).toEqual({ sex: 'P' });
    expect(nikFill(n, { sex: false, birthDate: false }, today)).toEqual({});
    expect(nikFill('1702014506', { sex: true, birthDate: true }, today)).toEqual({});
    expect(nikFill(nik('170201', 32, 1, 90), { sex: true, birthDate: true }, today)).toEqual({});
  });

  it('agrees with the mismatch check: a filled form never disagrees with its NIK', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (d, m, y, woman) => {
        const r = readNik(nik('170201', woman ? d + 40 : d, m, y));
        if (!r.ok) return;
        const birth = nikBirthDate(r.facts, today);
        expect(birth <= today).toBe(true);
        expect(nikMismatches(r.facts, { sex: woman ? 'P' : 'L', birthDate: birth })).toEqual([]);
      }),
    );
  });
});
