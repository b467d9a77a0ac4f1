import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { z } from 'zod';
import { BACKUP_REASONS } from '../../../shared/backups';

/**
 * One backup is one file, readable part by part without holding it whole:
 *
 *   MAGIC (20 bytes) | header length (u32, big-endian) | header (JSON) | header tag (16)
 *   | part 1 ciphertext | part 1 tag (16) | part 2 …
 *
 * The header is the manifest (format and schema version, office, created at, rows per table, the
 * SHA-256 and length of every part) and the backup key wrapped under the recovery key. It is in
 * the clear so that another office's or a newer version's backup can be named as such before any
 * key is tried; it holds no personal data. Its tag is AES-256-GCM over nothing with the magic,
 * length and header as associated data, so one changed byte of it is found. Every part is
 * AES-256-GCM under the backup key with the header's hash and the part's index as associated data,
 * so parts cannot be cut, reordered or moved between backups.
 */
export const MAGIC = Buffer.from('MITRALIPAS-CADANGAN\n', 'latin1');
export const PREFIX_BYTES = MAGIC.length + 4;
export const TAG_BYTES = 16;
export const FORMAT_VERSION = 1;
/** Headers of real backups are a few KB (one line per attachment); anything past this is not one. */
export const MAX_HEADER_BYTES = 8 * 1024 * 1024;
export const FILE_EXTENSION = '.mlcadangan';

const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(200);
const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const PartSpec = z
  .object({
    /** `database`, `keys`, or `file:<sha256>` for an attachment. */
    name: z.string().regex(/^(database|keys|file:[0-9a-f]{64})$/),
    size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    sha256: sha,
    iv: b64,
  })
  .strict();
export type PartSpec = z.infer<typeof PartSpec>;

export const RecoveryWrap = z
  .object({
    kdf: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    salt: b64,
    iv: b64,
    sealed: b64,
  })
  .strict();
export type RecoveryWrap = z.infer<typeof RecoveryWrap>;

/** The first fields read, before the rest is trusted: is it a backup, of which version and office. */
export const HeaderEnvelope = z.object({
  format: z.literal('mitra-lipas-cadangan'),
  version: z.number().int(),
  schemaVersion: z.number().int(),
  officeCode: z.string(),
});

export const Header = z
  .object({
    format: z.literal('mitra-lipas-cadangan'),
    version: z.literal(FORMAT_VERSION),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().nonnegative(),
    officeCode: z.string().regex(/^[A-Z0-9]{2,12}$/),
    officeName: z.string().max(200),
    createdAt: z.string().max(40),
    reason: z.enum(BACKUP_REASONS),
    rows: z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/), z.number().int().nonnegative()),
    /** Names the backup key without revealing it, so "made on another computer" is told from "damaged". */
    keyCheck: z.string().regex(/^[0-9a-f]{32}$/),
    headerIv: b64,
    recovery: RecoveryWrap,
    parts: z.array(PartSpec).min(2),
  })
  .strict();
export type Header = z.infer<typeof Header>;

export function encodePrefix(header: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(header.length);
  return Buffer.concat([MAGIC, len]);
}

/** The header's tag: GCM over no plaintext, authenticating the magic, length and header bytes. */
export function headerTag(key: Buffer, iv: Buffer, prefix: Buffer, header: Buffer): Buffer {
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.concat([prefix, header]));
  c.final();
  return c.getAuthTag();
}

export function headerAuthentic(key: Buffer, iv: Buffer, prefix: Buffer, header: Buffer, tag: Buffer): boolean {
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(Buffer.concat([prefix, header]));
  d.setAuthTag(tag);
  try {
    d.final();
    return true;
  } catch {
    return false;
  }
}

/** What each part's encryption binds it to: this very header and its place in it. */
export function partAad(header: Buffer, index: number): Buffer {
  const i = Buffer.alloc(4);
  i.writeUInt32BE(index);
  return Buffer.concat([createHash('sha256').update(header).digest(), i]);
}

/** The length the whole file must have, from its header. */
export const expectedSize = (headerBytes: number, parts: readonly PartSpec[]) =>
  PREFIX_BYTES + headerBytes + TAG_BYTES + parts.reduce((n, p) => n + p.size + TAG_BYTES, 0);
