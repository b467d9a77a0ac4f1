import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../electron/services/documents/model';
import { contentHash, normaliseCode, qrModules, verificationCode } from '../../electron/services/documents/verification';

const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

const doc = (over: Partial<DocumentModel> = {}): DocumentModel => ({
  paper: 'A4',
  layout: 'agreement',
  logo: null,
  letterhead: ['KEMENTERIAN'],
  letterheadSmall: [],
  title: ['PERJANJIAN KERJA SAMA'],
  numbers: [{ label: 'Nomor', value: '001' }],
  paragraphs: ['Pada hari ini'],
  sections: [{ number: 'Pasal 1', heading: 'Maksud', body: ['Isi'] }],
  closing: [],
  signatures: [
    { role: 'PIHAK KEDUA', organisation: 'M', name: 'A', nip: '', position: 'P', materai: true },
    { role: 'PIHAK PERTAMA', organisation: 'K', name: 'B', nip: '1', position: 'Q', materai: false },
  ],
  footerNote: '001',
  ...over,
});

describe('document verification codes', () => {
  it('are ten Crockford base-32 characters, fixed by id and content', () => {
    const a = verificationCode('id-1', 'a'.repeat(64));
    expect(a).toMatch(CODE);
    expect(verificationCode('id-1', 'a'.repeat(64))).toBe(a);
    expect(verificationCode('id-2', 'a'.repeat(64))).not.toBe(a);
    expect(verificationCode('id-1', 'b'.repeat(64))).not.toBe(a);
  });

  it('read back however they are typed: lower case, no dash, spaces, O for 0, I or L for 1', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 64, maxLength: 64 }), (id, sha) => {
        const code = verificationCode(id, sha);
        expect(normaliseCode(code)).toBe(code);
        expect(normaliseCode(code.toLowerCase().replace('-', ' '))).toBe(code);
        expect(normaliseCode(` ${code.replace('-', '')} `)).toBe(code);
      }),
      { numRuns: 200 },
    );
    expect(normaliseCode('o1lI0-abcde')).toBe('01110-ABCDE');
    expect(normaliseCode('ABCDE-FGHJ')).toBeNull();
    expect(normaliseCode('ABCDE-FGHJKU')).toBeNull();
    expect(normaliseCode('ABCDE-FGHJU')).toBeNull();
    expect(normaliseCode("'; DROP TABLE x; --")).toBeNull();
  });

  it('hash the words of a document, not its sheet size or the code printed on it', () => {
    const base = contentHash(doc());
    expect(contentHash(doc({ paper: 'F4' }))).toBe(base);
    expect(contentHash(doc({ verification: { code: 'X', caption: 'Y' } }))).toBe(base);
    expect(contentHash(doc({ paragraphs: ['Pada hari ini,'] }))).not.toBe(base);
  });

  it('draw a square QR code with its three finder patterns', () => {
    const m = qrModules('ABCDE-FGHJK');
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m.every((row) => row.length === m.length)).toBe(true);
    const n = m.length;
    // A finder pattern's outer ring is dark all round, in the top-left, top-right and bottom-left corners.
    for (const [x0, y0] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ] as const) {
      for (let i = 0; i < 7; i++) {
        expect(m[y0]![x0 + i]).toBe(true);
        expect(m[y0 + 6]![x0 + i]).toBe(true);
        expect(m[y0 + i]![x0]).toBe(true);
        expect(m[y0 + i]![x0 + 6]).toBe(true);
      }
      expect(m[y0 + 1]![x0 + 1]).toBe(false);
    }
  });
});

describe('the content hash of a printed version', () => {
  it('leaves out the logo and the paraf boxes, and keeps the hash of documents printed before that rule', () => {
    const legacy = (d: DocumentModel) => {
      const { paper: _p, verification: _v, ...content } = d;
      return createHash('sha256').update(JSON.stringify(content)).digest('hex');
    };
    const plain = doc();
    expect(contentHash(plain)).toBe(legacy(plain));
    expect(contentHash(doc({ logo: { mime: 'image/png', base64: 'AAAA', width: 10, height: 10 }, paraf: true }))).toBe(contentHash(plain));
    expect(contentHash(doc({ closing: ['Demikian'] }))).not.toBe(contentHash(plain));
  });
});
