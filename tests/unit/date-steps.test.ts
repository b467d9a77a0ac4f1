import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../shared/agreements';
import { daysInMonth } from '../../shared/validate';

/** addDays and daysInMonth skip building a Date where they can: they must answer as the Date does. */
const viaDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const safe = (f: () => string) => {
  try {
    return f();
  } catch {
    return 'throws';
  }
};

describe('date steps', () => {
  it('weekdayOf equals Date.getUTCDay for every day from 1899 to 2201 and for damaged dates', () => {
    for (let d = '1899-01-01'; d <= '2201-12-31'; d = viaDate(d, 1))
      if (weekdayOf(d) !== new Date(`${d}T00:00:00Z`).getUTCDay()) expect(weekdayOf(d), d).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
    for (const d of ['2026-02-30', '2026-13-01', 'kemarin', '0999-12-31']) expect(weekdayOf(d), d).toEqual(new Date(`${d}T00:00:00Z`).getUTCDay());
  });

  it('addDays equals the Date arithmetic for every day of four years, steps from -40 to 40', () => {
    for (let d = '2023-01-01'; d <= '2026-12-31'; d = viaDate(d, 1))
      for (const step of [-3650, -400, -366, -40, -29, -15, -8, -1, 0, 1, 3, 7, 14, 28, 31, 140, 365, 3660])
        expect(addDays(d, step), `${d} ${step}`).toBe(viaDate(d, step));
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
    for (const [d, s] of [
      ['1000-01-01', -1],
      ['9999-12-31', 1],
      ['2026-02-30', 1],
      ['2026-13-01', 1],
      ['2200-12-31', 36500],
    ] as const)
      expect(
        safe(() => addDays(d, s)),
        `${d} ${s}`,
      ).toBe(safe(() => viaDate(d, s)));
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('daysInMonth equals the Date calendar, leap years and odd input included', () => {
    const calendar = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (const y of [100, 1900, 1999, 2000, 2024, 2025, 2100, 2200, 2400, 9999, 0, 50, 1900.5])
      for (let m = -1; m <= 14; m++) expect(daysInMonth(y, m), `${y}-${m}`).toBe(calendar(y, m));
  });
});
