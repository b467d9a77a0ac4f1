import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { OFFICE_KINDS, type OfficeKind } from '../../shared/domain';
import type { AppContext } from './context';
import { crockford32 } from './crockford';
import { writePrivateFile } from './privateFiles';
import { officeSettings } from './settings';

/**
 * The office's own keys: Ed25519 to sign what it sends, X25519 to receive what is sent to it.
 * The private halves live only in `<data>/keys/office-keys.json` (owner-only file), never in the
 * database, a bundle, a card or a log.
 */
export interface OfficeKeys {
  readonly signing: { readonly privateKey: KeyObject; readonly publicRaw: Buffer };
  readonly encryption: { readonly privateKey: KeyObject; readonly publicRaw: Buffer };
  readonly createdAt: string;
}

const KEY_FILE = 'office-keys.json';

const rawPublic = (k: KeyObject) => Buffer.from(k.export({ format: 'jwk' }).x!, 'base64url');

const StoredKeys = z.object({ version: z.literal(1), signing: z.string(), encryption: z.string(), createdAt: z.string() }).strict();

/** Loads the office's keys, making them the first time (at setup, or for an office set up before keys existed). */
export function officeKeys(ctx: AppContext): OfficeKeys {
  const file = join(ctx.keysDir, KEY_FILE);
  if (!existsSync(file)) {
    const signing = generateKeyPairSync('ed25519');
    const encryption = generateKeyPairSync('x25519');
    const stored: z.infer<typeof StoredKeys> = {
      version: 1,
      signing: signing.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      encryption: encryption.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      createdAt: ctx.now().toISOString(),
    };
    writePrivateFile(ctx.keysDir, KEY_FILE, JSON.stringify(stored));
  }
  const stored = StoredKeys.parse(JSON.parse(readFileSync(file, 'utf8')));
  const signing = createPrivateKey(stored.signing);
  const encryption = createPrivateKey(stored.encryption);
  return {
    signing: { privateKey: signing, publicRaw: rawPublic(createPublicKey(signing)) },
    encryption: { privateKey: encryption, publicRaw: rawPublic(createPublicKey(encryption)) },
    createdAt: stored.createdAt,
  };
}

/**
 * 20 base-32 characters (100 bits) of SHA-256 over the office code and both public keys, in five
 * groups of four: short enough to read aloud over the phone, long enough that no one can make a
 * key pair with the same fingerprint.
 */
export function fingerprint(officeCode: string, signingKey: Buffer, encryptionKey: Buffer): string {
  const digest = createHash('sha256').update(`mitra-lipas-key:${officeCode}:`).update(signingKey).update(encryptionKey).digest();
  return crockford32(digest, 20).match(/.{4}/g)!.join(' ');
}

/** The key card ("kartu kunci"): public keys only, signed by the office itself so any edit shows. */
export const KeyCard = z
  .object({
    format: z.literal('mitra-lipas-kartu-kunci'),
    version: z.literal(1),
    officeCode: z.string().regex(/^[A-Z0-9]{2,12}$/),
    officeName: z.string().min(1).max(120),
    kind: z.enum(OFFICE_KINDS),
    signingKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    encryptionKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    createdAt: z.string().max(40),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();
export type KeyCardData = z.infer<typeof KeyCard>;

const cardBody = (c: Omit<KeyCardData, 'signature'>) =>
  Buffer.from(JSON.stringify([c.format, c.version, c.officeCode, c.officeName, c.kind, c.signingKey, c.encryptionKey, c.createdAt]));

export const ed25519Public = (raw: Buffer) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
export const x25519Public = (raw: Buffer) => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });

export function ownCard(ctx: AppContext): KeyCardData {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  const keys = officeKeys(ctx);
  const body = {
    format: 'mitra-lipas-kartu-kunci' as const,
    version: 1 as const,
    officeCode: office.code,
    officeName: office.name,
    kind: office.kind,
    signingKey: keys.signing.publicRaw.toString('base64url'),
    encryptionKey: keys.encryption.publicRaw.toString('base64url'),
    createdAt: keys.createdAt,
  };
  return { ...body, signature: sign(null, cardBody(body), keys.signing.privateKey).toString('base64url') };
}

/** Reads a card someone handed over: at most 16 KB of JSON with exactly the card's fields, whose self-signature holds. */
export function readCard(bytes: Buffer): KeyCardData & { readonly fingerprint: string; readonly kind: OfficeKind } {
  if (bytes.length === 0 || bytes.length > 16 * 1024) throw new AppError('VALIDATION', 'keys.notCard', { fields: { file: 'keys.notCard' } });
  let parsed: KeyCardData;
  try {
    parsed = KeyCard.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new AppError('VALIDATION', 'keys.notCard', { fields: { file: 'keys.notCard' } });
  }
  const { signature, ...body } = parsed;
  let ok = false;
  try {
    ok = verify(null, cardBody(body), ed25519Public(Buffer.from(body.signingKey, 'base64url')), Buffer.from(signature, 'base64url'));
    x25519Public(Buffer.from(body.encryptionKey, 'base64url'));
  } catch {
    ok = false;
  }
  if (!ok) throw new AppError('VALIDATION', 'keys.cardTampered', { fields: { file: 'keys.cardTampered' } });
  return {
    ...parsed,
    fingerprint: fingerprint(parsed.officeCode, Buffer.from(parsed.signingKey, 'base64url'), Buffer.from(parsed.encryptionKey, 'base64url')),
  };
}
