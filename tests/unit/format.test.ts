import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatPlaceDate, localDateOf, MONTHS, weekdayOf } from '../../shared/format';

describe('file sizes', () => {
  it('writes sizes with the decimal mark of the language', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1258291)).toBe('1,2 MB');
    expect(formatBytes(1258291, 'en')).toBe('1.2 MB');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(18 * 1024 * 1024)).toBe('18 MB');
    expect(formatBytes(5 * 1024 * 1024 * 1024)).toBe('5 GB');
    expect(formatBytes(0)).toBe('0 B');
  });
});

describe('Indonesian date wording', () => {
  it('writes dates as in letters', () => {
    expect(formatDate('2025-03-05')).toBe('5 Maret 2025');
    expect(formatDate('2025-12-31')).toBe('31 Desember 2025');
    expect(formatDate('2025-03-05', 'en')).toBe('5 March 2025');
    expect(formatPlaceDate('Curup', '2025-03-05')).toBe('Curup, 5 Maret 2025');
    expect(formatDate('bukan tanggal')).toBe('bukan tanggal');
  });

  it('names every month', () => {
    for (let m = 1; m <= 12; m++) expect(formatDate(`2025-${String(m).padStart(2, '0')}-01`)).toBe(`1 ${MONTHS.id[m - 1]} 2025`);
  });

  it('names weekdays', () => {
    expect(weekdayOf('2023-01-31')).toBe('Selasa');
    expect(weekdayOf('2025-03-05')).toBe('Rabu');
    expect(weekdayOf('2025-03-09', 'en')).toBe('Sunday');
  });

  it('uses the office zone for times and for the calendar day', () => {
    const iso = '2025-03-05T16:30:00.000Z';
    expect(formatDateTime(iso, 'WIB')).toBe('5 Maret 2025 23.30 WIB');
    expect(formatDateTime(iso, 'WITA')).toBe('6 Maret 2025 00.30 WITA');
    expect(formatDateTime(iso, 'WIT')).toBe('6 Maret 2025 01.30 WIT');
    expect(formatDateTime(iso, 'WIT', 'en')).toBe('6 March 2025 01:30 WIT');
    expect(localDateOf(new Date(iso), 'WIB')).toBe('2025-03-05');
  });

  it('keeps day and year of any date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        expect(formatDate(iso)).toBe(`${day} ${MONTHS.id[m - 1]} ${y}`);
      }),
    );
  });
});
