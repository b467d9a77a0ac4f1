import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, agreementStatus, endOfTerm, renderNumber, unknownTokens } from '../../shared/agreements';
import { isIsoDate } from '../../shared/validate';

describe('office number templates', () => {
  it('fills every token', () => {
    const v = { seq: 12, date: '2025-03-05', officeCode: 'CRP' };
    expect(renderNumber('W7.PAS.PAS.4-PK.01.05.02-{seq:3}/{month_roman}/{year}', v)).toBe('W7.PAS.PAS.4-PK.01.05.02-012/III/2025');
    expect(renderNumber('{office_code}/{seq}/{month}/{year}', v)).toBe('CRP/12/03/2025');
    expect(renderNumber('PKS-{seq:2}', { ...v, seq: 123 })).toBe('PKS-123');
  });

  it('names unknown tokens and never prints them', () => {
    expect(unknownTokens('{seq}/{yaer}/{bulan}/{yaer}')).toEqual(['yaer', 'bulan']);
    expect(() => renderNumber('{seq}/{yaer}', { seq: 1, date: '2025-03-05', officeCode: 'X' })).toThrow(/yaer/);
    expect(unknownTokens('NO. {seq} TAHUN {year}')).toEqual([]);
  });
});

describe('terms', () => {
  it('ends the day before the same date a term later', () => {
    expect(endOfTerm('2025-03-05', 12)).toBe('2026-03-04');
    expect(endOfTerm('2025-01-01', 24)).toBe('2026-12-31');
    expect(endOfTerm('2024-02-29', 12)).toBe('2025-02-27');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('always gives a real date after the start', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 120 }),
        (d, months) => {
          const start = d.toISOString().slice(0, 10);
          const end = endOfTerm(start, months);
          expect(isIsoDate(end)).toBe(true);
          expect(end >= start).toBe(true);
        },
      ),
    );
  });
});

describe('derived status', () => {
  const signed = { signedOn: '2025-01-10', startDate: '2025-01-10', endDate: '2025-12-31', cancelledOn: null };
  it.each([
    [{ ...signed, signedOn: null }, '2025-06-01', 'draf'],
    [signed, '2025-01-09', 'draf'],
    [signed, '2025-01-10', 'aktif'],
    [signed, '2025-10-31', 'aktif'], // 61 days left
    [signed, '2025-11-01', 'akan_berakhir'], // 60 days left
    [signed, '2025-12-31', 'akan_berakhir'],
    [signed, '2026-01-01', 'berakhir'],
    [{ ...signed, cancelledOn: '2025-05-01' }, '2025-04-30', 'aktif'],
    [{ ...signed, cancelledOn: '2025-05-01' }, '2025-05-01', 'dibatalkan'],
    [{ ...signed, signedOn: null, cancelledOn: '2025-02-01' }, '2025-03-01', 'dibatalkan'],
    // Signed 5 March, starting 1 April: signed, not yet in force until then.
    [{ ...signed, signedOn: '2025-03-05', startDate: '2025-04-01' }, '2025-03-10', 'belum_berlaku'],
    [{ ...signed, signedOn: '2025-03-05', startDate: '2025-04-01' }, '2025-04-01', 'aktif'],
    [{ ...signed, signedOn: '2025-03-05', startDate: '2025-04-01', cancelledOn: '2025-03-20' }, '2025-03-20', 'dibatalkan'],
  ] as const)('%j on %s is %s', (facts, today, status) => expect(agreementStatus(facts, today, 60)).toBe(status));
});
