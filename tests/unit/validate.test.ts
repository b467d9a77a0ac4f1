import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPhone, foldForSearch, isIsoDate, isNip, isWilayahCode, isWithin, normalizePhone, searchTerms } from '../../shared/validate';

describe('normalizePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['62812345678', '+62812345678'],
    ['(0732) 21234', '+6273221234'],
    ['0732-21234', '+6273221234'],
    ['021 5551234', '+62215551234'],
    ['+62 21 555 1234', '+62215551234'],
  ])('%s -> %s', (raw, e164) => expect(normalizePhone(raw)).toBe(e164));

  it.each(['', '12345', '+1 202 555 0100', '00812345678', '0812', '0812-3456-7890-1234', 'nomor saya', '+62 0812 3456', '0812abc45678'])(
    'refuses %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it('always yields +62 and a significant number, and is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+0-9 ()\-.]{0,20}$/), (raw) => {
        const n = normalizePhone(raw);
        if (n === null) return;
        expect(n).toMatch(/^\+62[1-9]\d{6,11}$/);
        expect(normalizePhone(n)).toBe(n);
        expect(normalizePhone(displayPhone(n))).toBe(n);
      }),
    );
  });

  it('displays mobiles the Indonesian way', () => {
    expect(displayPhone('+6281234567890')).toBe('+62 812-3456-7890');
    expect(displayPhone('+6273221234')).toBe('+62 73221234');
  });
});

describe('wilayah codes', () => {
  it('knows each level by its shape and nesting', () => {
    expect(isWilayahCode('province', '17')).toBe(true);
    expect(isWilayahCode('regency', '17.02')).toBe(true);
    expect(isWilayahCode('district', '17.02.06')).toBe(true);
    expect(isWilayahCode('village', '17.02.06.2001')).toBe(true);
    expect(isWilayahCode('regency', '1702')).toBe(false);
    expect(isWilayahCode('regency', '17.02.06')).toBe(false);
    expect(isWithin('17.02', '17.02.06')).toBe(true);
    expect(isWithin('17.02', '17.020.1')).toBe(false);
    expect(isWithin('17.0', '17.02')).toBe(false);
  });
});

describe('dates and NIP', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('5-3-2025')).toBe(false);
  });

  it('agrees with the JavaScript calendar for every day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(isIsoDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });

  it('checks an 18-digit NIP', () => {
    expect(isNip('198703152010122001')).toBe(true);
    expect(isNip('19870315201012200')).toBe(false);
  });
});

describe('search folding', () => {
  it('ignores case, accents and punctuation', () => {
    expect(foldForSearch('Pondok Pesantren AL-HIKMAH')).toBe('pondok pesantren al hikmah');
    expect(foldForSearch('Yayasan Cahaya Ümmah, Ça va')).toBe('yayasan cahaya ummah ca va');
    expect(searchTerms('  Pesantren   pesantren  curup ')).toEqual(['pesantren', 'curup']);
    expect(searchTerms('%_')).toEqual([]);
  });

  it('is idempotent and never contains characters that matter to LIKE', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const f = foldForSearch(s);
        expect(foldForSearch(f)).toBe(f);
        expect(f).not.toMatch(/[%_\\]/);
      }),
    );
  });
});

describe('phoneSearchTerm', () => {
  it('reads a query typed as a phone as the digits it is stored as, and nothing else', async () => {
    const { phoneSearchTerm } = await import('../../shared/validate');
    expect(phoneSearchTerm('0812-3456-7890')).toBe('6281234567890');
    expect(phoneSearchTerm(' 0812 3456 ')).toBe('628123456');
    expect(phoneSearchTerm('+62 812')).toBe('62812');
    expect(phoneSearchTerm('(0732) 21234')).toBe('6273221234');
    for (const q of ['001', '0012024', '012/2025', 'PB-001', '081', '+1 555 1234', 'budi']) expect(phoneSearchTerm(q), q).toBeNull();
  });
});
