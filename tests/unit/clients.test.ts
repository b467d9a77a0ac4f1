import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, isChild, suggestedPhase } from '../../shared/clients';
import { addDays, endOfTerm } from '../../shared/agreements';

describe('client rules', () => {
  it('counts age in whole years, the birthday counting on the day', () => {
    expect(ageOn('2007-03-05', '2025-03-04')).toBe(17);
    expect(ageOn('2007-03-05', '2025-03-05')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('calls a client a child when under 18 at the start of supervision', () => {
    expect(isChild('2007-03-06', '2025-03-05')).toBe(true);
    expect(isChild('2007-03-05', '2025-03-05')).toBe(false);
    expect(isChild(null, '2025-03-05')).toBeNull();
  });

  it('suggests awal for the first third, lanjutan to one half, akhir after', () => {
    // A 300-day period: days 1–100 awal, 101–150 lanjutan, 151–300 akhir.
    const start = '2025-01-01';
    const end = addDays(start, 299);
    expect(suggestedPhase(start, end, addDays(start, -10))).toBe('awal');
    expect(suggestedPhase(start, end, start)).toBe('awal');
    expect(suggestedPhase(start, end, addDays(start, 99))).toBe('awal');
    expect(suggestedPhase(start, end, addDays(start, 100))).toBe('lanjutan');
    expect(suggestedPhase(start, end, addDays(start, 149))).toBe('lanjutan');
    expect(suggestedPhase(start, end, addDays(start, 150))).toBe('akhir');
    expect(suggestedPhase(start, end, end)).toBe('akhir');
    expect(suggestedPhase(start, end, addDays(end, 30))).toBe('akhir');
  });

  it('moves through the phases in order, never back, over any period', () => {
    const order = { awal: 0, lanjutan: 1, akhir: 2 } as const;
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 120 }), (d, months) => {
        const start = d.toISOString().slice(0, 10);
        const end = endOfTerm(start, months);
        let last = 0;
        for (let day = start; day <= end; day = addDays(day, 7)) {
          const now = order[suggestedPhase(start, end, day)];
          expect(now).toBeGreaterThanOrEqual(last);
          last = now;
        }
        expect(suggestedPhase(start, end, end)).toBe('akhir');
      }),
      { numRuns: 100 },
    );
  });
});
