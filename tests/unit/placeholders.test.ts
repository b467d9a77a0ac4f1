import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLANK,
  fillPlaceholders,
  joinIndonesian,
  PLACEHOLDERS,
  placeholdersIn,
  placeholderValues,
  STANDARD_ARTICLES,
  STANDARD_LEGAL_BASES,
  termInWords,
  unknownPlaceholders,
  wholeMonths,
  type Placeholder,
} from '../../shared/agreementTemplate';
import { endOfTerm } from '../../shared/agreements';
import { AgreementFields, TemplateSaveInput } from '../../shared/schemas/agreements';

const SOURCE = {
  partnerName: 'Pondok Pesantren Al-Hikmah',
  officeName: 'Pos Bapas Curup',
  serviceNames: ['pelatihan kerja', 'bimbingan keagamaan', 'bantuan hukum'],
  startDate: '2025-03-01',
  endDate: '2027-02-28',
  signDate: '2025-02-27',
  termMonths: 24,
  signPlace: 'Curup',
  officeNumber: '001/PKS/CRP/III/2025',
  partnerNumber: '045/PP-AH/2025',
};

describe('pasal placeholders', () => {
  it('finds each placeholder once, known or not, including misspelt ones', () => {
    expect(placeholdersIn('{mitra} dan {kantor}; {mitra} {Mitra} {nama mitra}')).toEqual(['mitra', 'kantor', 'Mitra', 'nama mitra']);
    expect(unknownPlaceholders('{mitra} dan {Mitra} {tanggal_mulai} {tgl}')).toEqual(['Mitra', 'tgl']);
    expect(unknownPlaceholders('tanpa penanda')).toEqual([]);
  });

  it('fills every placeholder from the agreement', () => {
    const v = placeholderValues(SOURCE);
    expect(
      fillPlaceholders(
        'Kerja sama {kantor} dengan {mitra} meliputi {layanan}, selama {jangka_waktu} sejak {tanggal_mulai} s.d. {tanggal_berakhir}, ditandatangani di {tempat} pada {tanggal_tanda_tangan}, nomor {nomor} / {nomor_mitra}.',
        v,
      ),
    ).toBe(
      'Kerja sama Pos Bapas Curup dengan Pondok Pesantren Al-Hikmah meliputi pelatihan kerja, bimbingan keagamaan, dan bantuan hukum, selama 2 (dua) tahun sejak 1 Maret 2025 s.d. 28 Februari 2027, ditandatangani di Curup pada 27 Februari 2025, nomor 001/PKS/CRP/III/2025 / 045/PP-AH/2025.',
    );
  });

  it('prints a blank for an unknown placeholder or a missing value, never a raw {token}', () => {
    const v = placeholderValues({ ...SOURCE, partnerNumber: '' });
    expect(fillPlaceholders('Nomor {nomor_mitra}, {Mitra}, {tgl}', v)).toBe(`Nomor ${BLANK}, ${BLANK}, ${BLANK}`);
    // Any text built from plain words and placeholders, known, misspelt or empty-valued, prints without a brace.
    const plain = fc.string().map((x) => x.replace(/[{}]/g, ''));
    const token = fc.constantFrom(...PLACEHOLDERS.map((p) => `{${p}}`), '{x}', '{Mitra}', '{nama mitra}', '{}');
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, token), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (text.includes('{}')) return; // "{}" is not a placeholder; it stays as typed
        expect(fillPlaceholders(text, v)).not.toMatch(/[{}]/);
      }),
      { numRuns: 300 },
    );
  });

  it('states the term in years or months, in figures and words', () => {
    expect(termInWords(12)).toBe('1 (satu) tahun');
    expect(termInWords(36)).toBe('3 (tiga) tahun');
    expect(termInWords(18)).toBe('18 (delapan belas) bulan');
    expect(termInWords(6)).toBe('6 (enam) bulan');
  });

  it('recognises whole months between start and end, also when only the dates were given', () => {
    expect(wholeMonths('2025-03-01', '2027-02-28')).toBe(24);
    expect(wholeMonths('2023-01-31', endOfTerm('2023-01-31', 12))).toBe(12);
    expect(wholeMonths('2025-03-05', '2025-09-04')).toBe(6);
    expect(wholeMonths('2025-03-05', '2025-09-10')).toBeNull();
    const v = placeholderValues({ ...SOURCE, termMonths: null, endDate: '2025-09-10' });
    expect(v.jangka_waktu).toBe('sejak tanggal 1 Maret 2025 sampai dengan tanggal 10 September 2025');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 120 }), (d, months) => {
        const start = d.toISOString().slice(0, 10);
        // Clamped ends (31 Jan + 1 month) need not read back as whole months; every day up to the 28th does.
        if (Number(start.slice(8)) <= 28) expect(wholeMonths(start, endOfTerm(start, months))).toBe(months);
      }),
      { numRuns: 300 },
    );
  });

  it('joins lists the Indonesian way', () => {
    expect(joinIndonesian([])).toBe('');
    expect(joinIndonesian(['a'])).toBe('a');
    expect(joinIndonesian(['a', 'b'])).toBe('a dan b');
    expect(joinIndonesian(['a', 'b', 'c'])).toBe('a, b, dan c');
  });

  it('the standard template uses only known placeholders', () => {
    for (const text of [...STANDARD_LEGAL_BASES, ...STANDARD_ARTICLES.flatMap((a) => [a.heading, a.body])]) {
      expect(unknownPlaceholders(text)).toEqual([]);
    }
    const used = new Set(STANDARD_ARTICLES.flatMap((a) => placeholdersIn(a.body)) as Placeholder[]);
    expect([...used]).toEqual(expect.arrayContaining(['mitra', 'kantor', 'layanan', 'jangka_waktu', 'tanggal_mulai', 'tanggal_berakhir']));
  });

  it('forms refuse a pasal, legal basis or template with an unknown placeholder, on that very field', () => {
    const template = TemplateSaveInput.safeParse({
      id: null,
      name: 'Pelatihan',
      legalBases: ['UU {nomor_uu}'],
      articles: [{ heading: 'Ruang Lingkup', body: 'Meliputi {layanan} bagi {klien}.' }],
    });
    expect(template.success).toBe(false);
    const paths = template.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(['legalBases.0:v.unknownPlaceholder', 'articles.0.body:v.unknownPlaceholder']));
    const agreement = AgreementFields.safeParse({
      partnerId: '01900000-0000-7000-8000-000000000002',
      subject: 'x',
      signDate: '2025-01-01',
      startDate: '2025-01-01',
      termMonths: 12,
      bidang: ['kemandirian_kepribadian'],
      officeSignatory: { name: 'a', nip: '', position: 'b' },
      partnerSignatory: { name: 'c', position: 'd' },
      articles: [{ heading: 'Pasal {Mitra}', body: 'ok' }],
    });
    expect(agreement.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual(['articles.0.heading:v.unknownPlaceholder']);
    expect(TemplateSaveInput.safeParse({ id: null, name: 'Kosong', articles: [] }).success).toBe(false);
  });
});
