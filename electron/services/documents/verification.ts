import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import type { DocumentModel } from './model';

/** Crockford's base-32: no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

/** SHA-256 of what the document says, leaving out the sheet size and the code itself. */
export function contentHash(doc: DocumentModel): string {
  const { paper: _paper, verification: _verification, ...content } = doc;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * The code printed on a document: 10 base-32 characters (50 bits) of SHA-256 over the document
 * version's id and its content hash, shown as XXXXX-XXXXX.
 */
export function verificationCode(documentId: string, sha256: string): string {
  const digest = createHash('sha256').update(`${documentId}:${sha256}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === CODE_LENGTH) break;
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A code as typed or scanned: any case, with or without dash or spaces, O for 0 and I/L for 1. Null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== CODE_LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

/** The QR code of a verification code as rows of modules (true = dark), for the HTML renderer's SVG. BitMatrix.get takes (row, column). */
export function qrModules(code: string): boolean[][] {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, y) => Array.from({ length: modules.size }, (_, x) => modules.get(y, x) === 1));
}

/** The same QR code as a PNG, for the DOCX renderer. */
export function qrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}
