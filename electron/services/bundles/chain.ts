import { sign, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { BundleAfterRestore } from '../../../shared/types';
import { lastBundleExport } from '../../../db/repositories/bundles';
import type { AppContext } from '../context';
import { ed25519Public, officeKeys } from '../keys';
import { writePrivateFile } from '../privateFiles';

/**
 * The highest bundle number this post ever took, kept beside the office keys as well as in the
 * database. A database put back from a backup (or an older copy) forgets the bundles made after
 * it; without this file the next export would take a number the parent already holds with other
 * content, and the parent would refuse it, and every bundle after it. The file is not part of a
 * backup (only `office-keys.json` is), so a restore leaves it as it was.
 *
 * Signed with the office's own key: a file edited by hand, cut short or copied from another office
 * is refused rather than trusted, and never silently read as "no bundle yet".
 */
export const CHAIN_FILE = 'bundle-chain.json';

const Stored = z
  .object({
    format: z.literal('mitra-lipas-urutan-paket'),
    version: z.literal(1),
    officeCode: z.string(),
    highestSeq: z.number().int().min(0),
    updatedAt: z.string().max(40),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();
type StoredChain = z.infer<typeof Stored>;

const body = (s: Omit<StoredChain, 'signature'>) => Buffer.from(JSON.stringify([s.format, s.version, s.officeCode, s.highestSeq, s.updatedAt]));

const damaged = () => new AppError('CONFLICT', 'bundles.chainFileDamaged');

/** The highest number the file names, or null when there is no file (an office from before it existed). */
export function chainFileSeq(ctx: AppContext, officeCode: string): number | null {
  const file = join(ctx.keysDir, CHAIN_FILE);
  if (!existsSync(file)) return null;
  let stored: StoredChain;
  try {
    stored = Stored.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw damaged();
  }
  const { signature, ...rest } = stored;
  let ok = false;
  try {
    ok = verify(null, body(rest), ed25519Public(officeKeys(ctx).signing.publicRaw), Buffer.from(signature, 'base64url'));
  } catch {
    ok = false;
  }
  if (!ok || stored.officeCode !== officeCode) throw damaged();
  return stored.highestSeq;
}

/** Records `seq` as the highest number taken: a temporary file, flushed, renamed (writePrivateFile). */
export function keepHighestSeq(ctx: AppContext, officeCode: string, seq: number): void {
  const rest = { format: 'mitra-lipas-urutan-paket' as const, version: 1 as const, officeCode, highestSeq: seq, updatedAt: ctx.now().toISOString() };
  const signature = sign(null, body(rest), officeKeys(ctx).signing.privateKey).toString('base64url');
  writePrivateFile(ctx.keysDir, CHAIN_FILE, `${JSON.stringify({ ...rest, signature }, null, 1)}\n`);
}

/**
 * The next bundle's number: one past the highest the database or the file knows. When the file
 * knows more, the database was put back to an older state: the bundle says so (signed in its
 * manifest), with the last number the database still knew, so the parent can accept the jump and
 * tell its officers what happened.
 */
export function nextSeq(ctx: AppContext, officeCode: string): { seq: number; afterRestore: BundleAfterRestore | null } {
  const known = lastBundleExport(ctx.db)?.seq ?? 0;
  const used = chainFileSeq(ctx, officeCode) ?? 0;
  return { seq: Math.max(known, used) + 1, afterRestore: used > known ? { lastKnownSeq: known, lastUsedSeq: used } : null };
}
