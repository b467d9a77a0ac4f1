import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, fieldError } from '../../shared/errors';
import { MAX_SCAN_BYTES } from '../../shared/schemas/common';
import { writePrivateFile } from './privateFiles';

/** Largest signed scan accepted (a multi-page colour scan of a PKS fits well within it); one limit with the screens that warn before sending. */
export { MAX_SCAN_BYTES };

export type ScanMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The type a file really is, read from its first bytes; the name the user gave it is not trusted. */
export function sniffScanType(bytes: Uint8Array): ScanMime | null {
  const starts = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** An uploaded scan or photo, judged by its bytes; one place, so every upload refuses the same files. */
export function uploadedScan(base64: string): { bytes: Buffer; mime: ScanMime } {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw fieldError('file', 'scans.empty');
  if (bytes.length > MAX_SCAN_BYTES) throw fieldError('file', 'scans.tooLarge');
  const mime = sniffScanType(bytes);
  if (!mime) throw fieldError('file', 'scans.wrongType');
  return { bytes, mime };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores bytes under their SHA-256 in `dir` (owner-only): written to a temporary name, flushed to
 * disk, then renamed, so a power cut leaves either the whole file or none. The same content is
 * stored once.
 */
export function storeFile(dir: string, bytes: Uint8Array): string {
  const hash = sha256(bytes);
  if (existsSync(join(dir, hash))) return hash;
  writePrivateFile(dir, hash, bytes);
  return hash;
}

/** Reads a stored file back and checks it is still the file that was stored. */
export function readStoredFile(dir: string, hash: string): Buffer {
  const path = join(dir, hash);
  if (!/^[0-9a-f]{64}$/.test(hash) || !existsSync(path)) throw new AppError('NOT_FOUND', 'files.missing');
  const bytes = readFileSync(path);
  if (sha256(bytes) !== hash) throw new AppError('INTEGRITY', 'files.corrupt');
  return bytes;
}

/**
 * Reads a file the user pointed at, if it is a regular file of at most `maxBytes`. A FIFO would
 * block the main thread until someone writes to it, a device (/dev/zero) never ends: both are
 * refused before a byte is read. Opened non-blocking (so a FIFO swapped in after the first look
 * cannot block the open either) and checked again on the open file.
 */
export function readRegularFile(path: string, maxBytes: number, refuse: (key: 'notRegularFile' | 'tooLarge') => Error): Buffer {
  if (!statSync(path).isFile()) throw refuse('notRegularFile');
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw refuse('notRegularFile');
    if (st.size > maxBytes) throw refuse('tooLarge');
    // The size as it was looked at: a file that grows meanwhile is read no further.
    const bytes = Buffer.alloc(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
