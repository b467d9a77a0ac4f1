import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { crockford32, CROCKFORD_ALPHABET, normaliseCrockford } from '../crockford';
import type { DocumentModel } from './model';

const CODE_LENGTH = 10;

/**
 * SHA-256 of what the document says, leaving out how it is presented: the sheet size, the paraf
 * boxes, the office logo (an office that adds its logo has not changed its agreements) and the code
 * itself. The logo stays in the object as null so documents printed without one keep their hash.
 */
export function contentHash(doc: DocumentModel): string {
  const { paper: _paper, verification: _verification, paraf: _paraf, ...content } = doc;
  return createHash('sha256')
    .update(JSON.stringify({ ...content, logo: null }))
    .digest('hex');
}

/**
 * The code printed on a document: 10 base-32 characters (50 bits) of SHA-256 over the document
 * version's id and its content hash, shown as XXXXX-XXXXX.
 */
export function verificationCode(documentId: string, sha256: string): string {
  const out = crockford32(createHash('sha256').update(`${documentId}:${sha256}`).digest(), CODE_LENGTH);
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A code as typed or scanned: any case, with or without dash or spaces, O for 0 and I/L for 1. Null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const plain = normaliseCrockford(input);
  if (plain.length !== CODE_LENGTH || [...plain].some((c) => !CROCKFORD_ALPHABET.includes(c))) return null;
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
