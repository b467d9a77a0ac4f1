import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInWords, openingDateSentence, terbilang, TERBILANG_MAX, toRoman } from '../../shared/terbilang';

/** An independent reader of Indonesian number words, to check terbilang as its inverse. */
function parseTerbilang(text: string): number {
  const units: Record<string, number> = { nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };
  const scales: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12 };
  let total = 0;
  let group = 0;
  let current = 0;
  for (const w of text.split(' ')) {
    if (w in units) current += units[w]!;
    else if (w === 'sepuluh') current += 10;
    else if (w === 'sebelas') current += 11;
    else if (w === 'belas') current += 10;
    else if (w === 'puluh') {
      group += current * 10;
      current = 0;
    } else if (w === 'seratus') group += 100;
    else if (w === 'ratus') {
      group += current * 100;
      current = 0;
    } else if (w === 'seribu') total += 1000;
    else if (w in scales) {
      total += (group + current) * scales[w]!;
      group = 0;
      current = 0;
    } else throw new Error(`unknown word ${w}`);
  }
  return total + group + current;
}

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [2023, 'dua ribu dua puluh tiga'],
    [10000, 'sepuluh ribu'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [1000000, 'satu juta'],
    [1001000, 'satu juta seribu'],
    [10000000, 'sepuluh juta'],
    [1000000000, 'satu miliar'],
    [
      999999999999,
      'sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
    ],
    [1000000000000, 'satu triliun'],
    [-5, 'minus lima'],
  ])('%d -> %s', (n, words) => expect(terbilang(n)).toBe(words));

  it('refuses fractions and numbers beyond its range', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(TERBILANG_MAX + 1)).toThrow(RangeError);
    expect(() => terbilang(Number.NaN)).toThrow(RangeError);
  });

  it('reads back to the same number, with single spaces, "se-" for a lone one and no "nol" inside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TERBILANG_MAX }), (n) => {
        const words = terbilang(n);
        expect(parseTerbilang(words)).toBe(n);
        expect(words).not.toMatch(/ {2}|^ | $/);
        expect(words).not.toMatch(/(^| )satu (ratus|puluh|belas)( |$)/);
        // "satu ribu" only after hundreds or tens of thousands (101,000 "seratus satu ribu"); alone it is "seribu".
        expect(words).not.toMatch(/(^|juta |miliar |triliun )satu ribu/);
        if (n > 0) expect(words).not.toMatch(/nol/);
      }),
      { numRuns: 2000 },
    );
  });

  it('spells every number from 0 to 2,100 (years and days) distinctly', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 2100; n++) {
      const w = terbilang(n);
      expect(parseTerbilang(w)).toBe(n);
      seen.add(w);
    }
    expect(seen.size).toBe(2101);
  });
});

describe('Roman numerals and dates in words', () => {
  it('writes months and years in Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(toRoman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    expect(toRoman(2025)).toBe('MMXXV');
    expect(toRoman(3999)).toBe('MMMCMXCIX');
    expect(() => toRoman(0)).toThrow(RangeError);
  });

  it('spells the opening date of an agreement', () => {
    expect(openingDateSentence('2023-01-31')).toBe('Pada hari ini Selasa tanggal tiga puluh satu bulan Januari tahun dua ribu dua puluh tiga');
    expect(dateInWords('2025-03-05')).toEqual({ hari: 'Rabu', tanggal: 'lima', bulan: 'Maret', tahun: 'dua ribu dua puluh lima' });
  });
});
