import { describe, expect, it } from 'vitest';
import { readDateText, readTypedDate } from '../../shared/dates';
import { formatDay, localDateOf } from '../../shared/format';

describe('dates typed into a date field', () => {
  it('reads every way officers write a date, day before month', () => {
    for (const text of ['20/01/2025', '20-01-2025', '20.01.2025', '2025-01-20', '20 Januari 2025', '20 jan 2025', ' 20/1/2025 ']) {
      expect(readTypedDate(text), text).toBe('2025-01-20');
    }
  });

  it('reads Indonesian and English month names and their abbreviations in any case', () => {
    const cases: [string, string][] = [
      ['5 MARET 2025', '2025-03-05'],
      ['5 march 2025', '2025-03-05'],
      ['5 Mei 2025', '2025-05-05'],
      ['5 May 2025', '2025-05-05'],
      ['17 Agustus 2025', '2025-08-17'],
      ['17 agt 2025', '2025-08-17'],
      ['17 Aug 2025', '2025-08-17'],
      ['1 Okt 2025', '2025-10-01'],
      ['1 oct. 2025', '2025-10-01'],
      ['25 Des 2025', '2025-12-25'],
      ['25 dec 2025', '2025-12-25'],
      ['25-Dec-2025', '2025-12-25'],
      ['9 Pebruari 2024', '2024-02-09'],
      ['29 Februari 2024', '2024-02-29'],
    ];
    for (const [text, date] of cases) expect(readTypedDate(text), text).toBe(date);
  });

  it('refuses what is not a date instead of guessing', () => {
    for (const text of [
      '31/02/2025',
      '29/02/2025',
      '2025-13-01',
      '32/01/2025',
      '20/13/2025',
      '20 Foo 2025',
      '20 Januari',
      '2025',
      '20/01/25',
      '20/01/202',
      '20/01-2025',
      'besok',
      '',
      '   ',
    ]) {
      expect(readTypedDate(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('reads the text the date field shows, so a formatted value reads back as itself', () => {
    // dayjs writes "D MMMM YYYY" and "D MMM YYYY" in Indonesian as "20 Januari 2025", "17 Agt 2025".
    expect(readTypedDate('20 Januari 2025')).toBe('2025-01-20');
    expect(readTypedDate('17 Agt 2025')).toBe('2025-08-17');
  });

  it('lets spreadsheets keep two-digit years, marked for the officer to check', () => {
    expect(readDateText('05/03/25', { twoDigitYears: true })).toEqual({ date: '2025-03-05', ambiguous: true });
    expect(readDateText('05/03/25')).toEqual({ error: 'date' });
  });
});

describe("the office's today", () => {
  // 23:30 and 00:30 local time in each zone, written as UTC instants.
  const cases: [zone: 'WIB' | 'WITA' | 'WIT', lateUtc: string, earlyUtc: string][] = [
    ['WIB', '2025-12-01T16:30:00Z', '2025-12-01T17:30:00Z'],
    ['WITA', '2025-12-01T15:30:00Z', '2025-12-01T16:30:00Z'],
    ['WIT', '2025-12-01T14:30:00Z', '2025-12-01T15:30:00Z'],
  ];
  for (const [zone, late, early] of cases) {
    it(`is the ${zone} date at 23:30 and at 00:30 ${zone}`, () => {
      expect(localDateOf(new Date(late), zone)).toBe('2025-12-01');
      expect(localDateOf(new Date(early), zone)).toBe('2025-12-02');
      // The UTC date is still 1 December at 00:30 local time: exactly the day the office must not see.
      expect(early.slice(0, 10)).toBe('2025-12-01');
    });
  }

  it("shows a time stamp's day in the office zone", () => {
    expect(formatDay('2025-12-01T19:57:00.000Z', 'WIB')).toBe('2 Desember 2025');
    expect(formatDay('2025-12-01T15:30:00.000Z', 'WIT', 'en')).toBe('2 December 2025');
    expect(formatDay('2025-12-01T15:30:00.000Z', 'WIB')).toBe('1 Desember 2025');
    expect(formatDay('not a time', 'WIB')).toBe('not a time');
  });
});
