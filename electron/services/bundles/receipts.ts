import { sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { fieldError } from '../../../shared/errors';
import { ed25519Public } from '../keys';

/**
 * The receipt ("tanda terima") a Bapas induk gives a post: which of its bundles arrived, by
 * sequence number and SHA-256, signed with the parent's key. The post marks exactly those
 * exports acknowledged; its next incremental export starts after them.
 */
const Receipt = z
  .object({
    format: z.literal('mitra-lipas-tanda-terima'),
    version: z.literal(1),
    parentCode: z.string().regex(/^[A-Z0-9]{2,12}$/),
    postCode: z.string().regex(/^[A-Z0-9]{2,12}$/),
    createdAt: z.string().max(40),
    accepted: z
      .array(z.object({ seq: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), receivedAt: z.string().max(40) }).strict())
      .max(100_000),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();
export type ReceiptData = z.infer<typeof Receipt>;

const body = (r: Omit<ReceiptData, 'signature'>) => Buffer.from(JSON.stringify([r.format, r.version, r.parentCode, r.postCode, r.createdAt, r.accepted]));

export function makeReceipt(r: Omit<ReceiptData, 'signature' | 'format' | 'version'>, signingKey: KeyObject): Buffer {
  const unsigned = { format: 'mitra-lipas-tanda-terima' as const, version: 1 as const, ...r };
  const full: ReceiptData = { ...unsigned, signature: sign(null, body(unsigned), signingKey).toString('base64url') };
  return Buffer.from(`${JSON.stringify(full, null, 1)}\n`);
}

/** A receipt is refused as the file the user chose. */
const refuse = (key: string, params?: Record<string, string | number>) => fieldError('file', key, params);

/** Reads a receipt at the post: from its registered parent, signed by it, and for this very post. */
export function readReceipt(bytes: Buffer, parent: { readonly code: string; readonly signingKey: string } | null, ownCode: string): ReceiptData {
  let parsed: ReceiptData;
  try {
    parsed = Receipt.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw refuse('bundles.notReceipt');
  }
  if (!parent || parent.code !== parsed.parentCode) throw refuse('bundles.receiptUnknownParent', { code: parsed.parentCode });
  const { signature, ...rest } = parsed;
  let ok = false;
  try {
    ok = verify(null, body(rest), ed25519Public(Buffer.from(parent.signingKey, 'base64url')), Buffer.from(signature, 'base64url'));
  } catch {
    ok = false;
  }
  if (!ok) throw refuse('bundles.receiptTampered');
  if (parsed.postCode !== ownCode) throw refuse('bundles.receiptOtherPost', { code: parsed.postCode });
  return parsed;
}
