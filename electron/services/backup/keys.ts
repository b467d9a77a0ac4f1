import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { CROCKFORD_ALPHABET, crockford32, normaliseCrockford } from '../crockford';
import { writePrivateFile } from '../privateFiles';
import type { RecoveryWrap } from './format';

/**
 * Seals a key for this computer only. The desktop shell hands one built on Electron's
 * `safeStorage` (its asynchronous API: the synchronous one is being removed); the web preview and
 * the tests use `ownerOnlyFile`, where the only protection is the key file's owner-only mode.
 */
export interface KeyWrapper {
  /** Stored beside the sealed key, so a key sealed by one wrapper is never handed to another. */
  readonly kind: string;
  wrap(plain: Buffer): Promise<Buffer>;
  unwrap(sealed: Buffer): Promise<Buffer>;
}

export const ownerOnlyFile: KeyWrapper = {
  kind: 'owner-only-file',
  wrap: async (plain) => Buffer.from(plain),
  unwrap: async (sealed) => Buffer.from(sealed),
};

/**
 * scrypt with 128 MiB of memory per guess: a recovery key has 125 random bits, so this guards
 * against nothing a search could reach, but costs little once per backup and keeps the key safe
 * should a weaker key ever be typed in its place.
 */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const RECOVERY_CHARS = 25;
const RECOVERY_GROUP = 5;

const KEY_FILE = 'backup-key.json';
const Stored = z
  .object({
    version: z.literal(1),
    wrapper: z.string(),
    /** The backup key, sealed for this computer. */
    backupKey: z.string(),
    /** The backup key sealed under the key derived from the Kunci Pemulihan: copied into every backup's header. */
    recovery: z
      .object({ kdf: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string(), iv: z.string(), sealed: z.string() })
      .strict(),
    /**
     * The Kunci Pemulihan itself, sealed for this computer, until the office has been shown it once
     * and has printed it; then removed, and only `recovery` above remains.
     */
    pendingRecoveryKey: z.string().nullable(),
    createdAt: z.string(),
    /** When the Kunci Pemulihan was last renewed (absent: made with the backup key). */
    recoveryCreatedAt: z.string().optional(),
  })
  .strict();

export interface BackupKeys {
  readonly key: Buffer;
  readonly recovery: RecoveryWrap;
}

const scrypt = (secret: string, salt: Buffer, o: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) => {
    const opts: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * 1024 * 1024 };
    scryptCb(secret, salt, 32, opts, (e, k) => (e ? reject(e) : resolve(k)));
  });

/** 25 Crockford characters (125 random bits) in groups of five, as printed on the sheet. */
export function newRecoveryKey(): string {
  return crockford32(randomBytes(16), RECOVERY_CHARS)
    .match(new RegExp(`.{${RECOVERY_GROUP}}`, 'g'))!
    .join('-');
}

/** A typed recovery key as the derivation takes it: the 25 characters, whatever the case or separators. */
export function readRecoveryKey(typed: string): string | null {
  const s = normaliseCrockford(typed);
  if (s.length !== RECOVERY_CHARS || [...s].some((c) => !CROCKFORD_ALPHABET.includes(c))) return null;
  return s;
}

function seal(key: Buffer, plain: Buffer): { iv: Buffer; sealed: Buffer } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  return { iv, sealed: Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]) };
}

function open(key: Buffer, iv: Buffer, sealed: Buffer): Buffer | null {
  if (sealed.length < 17) return null;
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
  } catch {
    return null;
  }
}

/** Names a backup key without revealing it (an HMAC under the key itself). */
export const keyCheck = (key: Buffer) => createHmac('sha256', key).update('mitra-lipas-cadangan:key-check').digest('hex').slice(0, 32);

/**
 * This office's backup key, made on first use together with its Kunci Pemulihan. Kept: the key
 * sealed for this computer, the key sealed under the recovery key's derivation (so no later
 * backup needs the recovery key or its derived key), and the recovery key itself sealed for this
 * computer only until it has been shown once.
 */
export async function backupKeys(ctx: AppContext, wrapper: KeyWrapper): Promise<BackupKeys> {
  const file = join(ctx.keysDir, KEY_FILE);
  if (!existsSync(file)) {
    const key = randomBytes(32);
    const recoveryKey = newRecoveryKey();
    const salt = randomBytes(16);
    const derived = await scrypt(readRecoveryKey(recoveryKey)!, salt, SCRYPT);
    const { iv, sealed } = seal(derived, key);
    const stored: z.infer<typeof Stored> = {
      version: 1,
      wrapper: wrapper.kind,
      backupKey: (await wrapper.wrap(key)).toString('base64'),
      recovery: { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), sealed: sealed.toString('base64') },
      pendingRecoveryKey: (await wrapper.wrap(Buffer.from(recoveryKey))).toString('base64'),
      createdAt: ctx.now().toISOString(),
    };
    // Checked again: two first backups at once must not make two keys.
    if (!existsSync(file)) writePrivateFile(ctx.keysDir, KEY_FILE, JSON.stringify(stored));
  }
  return (await existingBackupKeys(ctx, wrapper))!;
}

/** The backup key if this office has one yet (listing backups never makes one). */
export async function existingBackupKeys(ctx: Pick<AppContext, 'keysDir'>, wrapper: KeyWrapper): Promise<BackupKeys | null> {
  const file = join(ctx.keysDir, KEY_FILE);
  if (!existsSync(file)) return null;
  const stored = Stored.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (stored.wrapper !== wrapper.kind) throw new AppError('UNAVAILABLE', 'backups.keyUnavailable');
  const key = await wrapper.unwrap(Buffer.from(stored.backupKey, 'base64'));
  return { key, recovery: stored.recovery as RecoveryWrap };
}

/** The Kunci Pemulihan not yet shown to the office (for the sheet that shows and prints it once), or null. */
export async function pendingRecoveryKey(ctx: AppContext, wrapper: KeyWrapper): Promise<string | null> {
  const file = join(ctx.keysDir, KEY_FILE);
  if (!existsSync(file)) return null;
  const stored = Stored.parse(JSON.parse(readFileSync(file, 'utf8')));
  return stored.pendingRecoveryKey ? (await wrapper.unwrap(Buffer.from(stored.pendingRecoveryKey, 'base64'))).toString() : null;
}

/** The backup key from a header's recovery wrap and a typed recovery key; null when the key does not open it. */
export async function keyFromRecovery(wrap: RecoveryWrap, recoveryKey: string): Promise<Buffer | null> {
  const derived = await scrypt(recoveryKey, Buffer.from(wrap.salt, 'base64'), wrap);
  return open(derived, Buffer.from(wrap.iv, 'base64'), Buffer.from(wrap.sealed, 'base64'));
}

/** When the current Kunci Pemulihan was made (the sheet prints it), or null before the office has a backup key. */
export function recoveryKeyMadeAt(ctx: AppContext): string | null {
  const file = join(ctx.keysDir, KEY_FILE);
  if (!existsSync(file)) return null;
  const stored = Stored.parse(JSON.parse(readFileSync(file, 'utf8')));
  return stored.recoveryCreatedAt ?? stored.createdAt;
}

/** The office has written the Kunci Pemulihan down: the only copy of it on this computer goes. */
export function forgetPendingRecoveryKey(ctx: AppContext): void {
  const file = join(ctx.keysDir, KEY_FILE);
  if (!existsSync(file)) return;
  const stored = Stored.parse(JSON.parse(readFileSync(file, 'utf8')));
  writePrivateFile(ctx.keysDir, KEY_FILE, JSON.stringify({ ...stored, pendingRecoveryKey: null }));
}

/**
 * A new Kunci Pemulihan: the same backup key sealed under the new key's derivation, kept (sealed)
 * until shown once. Backups already made keep the old wrap in their own header, so the old key
 * still opens them; every backup from now on carries the new one.
 */
export async function renewRecoveryKey(ctx: AppContext, wrapper: KeyWrapper): Promise<void> {
  const { key } = await backupKeys(ctx, wrapper);
  const recoveryKey = newRecoveryKey();
  const salt = randomBytes(16);
  const { iv, sealed } = seal(await scrypt(readRecoveryKey(recoveryKey)!, salt, SCRYPT), key);
  const stored = Stored.parse(JSON.parse(readFileSync(join(ctx.keysDir, KEY_FILE), 'utf8')));
  const next: z.infer<typeof Stored> = {
    ...stored,
    recovery: { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), sealed: sealed.toString('base64') },
    pendingRecoveryKey: (await wrapper.wrap(Buffer.from(recoveryKey))).toString('base64'),
    recoveryCreatedAt: ctx.now().toISOString(),
  };
  writePrivateFile(ctx.keysDir, KEY_FILE, JSON.stringify(next));
}
