import { describe, expect, it } from 'vitest';
import { isDayOff } from '../../shared/checkins';
import { NATIONAL_HOLIDAYS, nationalHolidaysOf } from '../../shared/holidays';
import { isIsoDate } from '../../shared/validate';

describe('the national holidays the app carries', () => {
  it('holds 2026 as the SKB sets it: 17 libur nasional and 8 cuti bersama, none an estimate', () => {
    const y2026 = nationalHolidaysOf(2026);
    expect(y2026.filter((h) => h.kind === 'libur')).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === 'cuti_bersama').map((h) => h.date)).toEqual([
      '2026-02-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-05-15',
      '2026-05-28',
      '2026-12-24',
    ]);
    expect(y2026.some((h) => h.estimated)).toBe(false);
    // Cuti bersama fall on working days; a libur nasional may fall on a weekend (Idulfitri, Paskah, Waisak 2026).
    expect(y2026.filter((h) => h.kind === 'cuti_bersama' && isDayOff(h.date))).toEqual([]);
  });

  it('marks the 2027 days of the lunar calendars as estimates and keeps the fixed ones certain', () => {
    const y2027 = nationalHolidaysOf(2027);
    const certain = y2027.filter((h) => !h.estimated).map((h) => h.date);
    expect(certain).toEqual(
      expect.arrayContaining(['2027-01-01', '2027-03-26', '2027-03-28', '2027-05-01', '2027-05-06', '2027-06-01', '2027-08-17', '2027-12-25']),
    );
    expect(y2027.filter((h) => h.name.startsWith('Idulfitri')).every((h) => h.estimated)).toBe(true);
  });

  it('has one entry a day, each a real date, in date order', () => {
    const dates = NATIONAL_HOLIDAYS.map((h) => h.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });
});
