import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db/connection';
import { iterateAudit, iterateAuditFrom, lastAudit } from '../../db/repositories/audit';
import { getSetting, putSetting } from '../../db/repositories/settings';
import { entryHash, GENESIS, walkChain, type ChainLink } from './auditChain';
import type { AppContext } from './context';
import { ed25519Public, officeKeys } from './keys';
import { writePrivateFile } from './privateFiles';

/**
 * The audit log's head, signed with the office's Ed25519 key and kept in a file beside the
 * database (`<data>/audit-head.json`). Whoever rewrites the database alone (cuts the newest
 * entries, empties the log, rebuilds the chain, and rewrites the head kept in settings) cannot
 * make the log agree with this anchor again without the office's private key. It is advanced
 * after every committed transaction that added entries, so a crash loses at most nothing: the
 * database commits first, the anchor follows. The same signed head can travel to the parent office.
 */
export interface SignedAuditHead {
  /** The newest entry's seq (0 for an empty log). */
  readonly seq: number;
  /** That entry's hash (GENESIS for an empty log). */
  readonly hash: string;
  /** When the head was signed. */
  readonly at: string;
  /** Ed25519 over the fields above, base64url. */
  readonly signature: string;
}

const ANCHOR_FILE = 'audit-head.json';
/** Set with the first anchor: from then on a missing anchor file is tampering, not an older install. */
const SINCE_KEY = 'audit_anchor_since';

const SignedHead = z
  .object({
    seq: z.number().int().min(0),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.string().min(1).max(40),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();

/** Domain-separated, so a head's signature can never pass for a key card's or a bundle's. */
const headBody = (h: Omit<SignedAuditHead, 'signature'>) => Buffer.from(JSON.stringify(['mitra-lipas-audit-head', 1, h.seq, h.hash, h.at]));

function signLink(link: ChainLink, at: string, key: KeyObject): SignedAuditHead {
  const body = { seq: link.seq, hash: link.hash, at };
  return { ...body, signature: sign(null, headBody(body), key).toString('base64url') };
}

const headOfLog = (db: Db): ChainLink => {
  const last = lastAudit(db);
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS };
};

/** The current head of this office's audit log, freshly signed (for a bundle to carry upstream). */
export function signedAuditHead(ctx: AppContext): SignedAuditHead {
  return signLink(headOfLog(ctx.db), ctx.now().toISOString(), officeKeys(ctx).signing.privateKey);
}

/** True when `head` is a well-formed audit head signed by `publicKey` (a KeyObject or the raw 32 bytes). */
export function verifyAuditHead(head: unknown, publicKey: KeyObject | Buffer): head is SignedAuditHead {
  const parsed = SignedHead.safeParse(head);
  if (!parsed.success) return false;
  try {
    const key = Buffer.isBuffer(publicKey) ? ed25519Public(publicKey) : createPublicKey(publicKey);
    return verify(null, headBody(parsed.data), key, Buffer.from(parsed.data.signature, 'base64url'));
  } catch {
    return false;
  }
}

export type AnchorState =
  { readonly kind: 'none' } | { readonly kind: 'missing' } | { readonly kind: 'tampered' } | { readonly kind: 'ok'; readonly head: SignedAuditHead };

const anchorFile = (ctx: AppContext) => join(ctx.dataDir, ANCHOR_FILE);

/** The anchor file's text, or null when there is none. */
function anchorText(ctx: AppContext): string | null {
  try {
    return readFileSync(anchorFile(ctx), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The anchor as found on disk: none yet (an install from before anchors), gone, not signed by this office, or good. */
export function readAnchor(ctx: AppContext, text: string | null = anchorText(ctx)): AnchorState {
  if (text === null) return getSetting<string>(ctx.db, SINCE_KEY) ? { kind: 'missing' } : { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'tampered' };
  }
  return verifyAuditHead(parsed, officeKeys(ctx).signing.publicRaw) ? { kind: 'ok', head: parsed } : { kind: 'tampered' };
}

/** Does the log still hold the anchored entry, with every entry after it linked? */
function extendsAnchor(db: Db, anchor: ChainLink | null): boolean {
  if (!anchor || anchor.seq === 0) return walkChain(iterateAudit(db), { seq: 0, hash: GENESIS }).ok;
  const rows = iterateAuditFrom(db, anchor.seq);
  const first = rows.next();
  if (first.done) return false;
  const row = first.value;
  if (row.seq !== anchor.seq || row.hash !== anchor.hash || entryHash(row) !== row.hash) {
    rows.return?.();
    return false;
  }
  return walkChain(rows, anchor).ok;
}

/**
 * What this process last wrote to the anchor file, per database: while the file still holds
 * exactly that text, it needs no signature check, so a commit costs a small read, a signature and
 * one fsync'd write.
 */
const lastWritten = new WeakMap<Db, { readonly text: string; readonly head: ChainLink }>();
/** The signing key, parsed once per app (parsing the key file costs about a millisecond). */
const signingKeys = new WeakMap<AppContext, KeyObject>();

function signingKey(ctx: AppContext): KeyObject {
  let key = signingKeys.get(ctx);
  if (!key) signingKeys.set(ctx, (key = officeKeys(ctx).signing.privateKey));
  return key;
}

/**
 * Moves the anchor to the log's current head, when the log still extends the anchored entry. A
 * missing or forged anchor, or a log that no longer holds the anchored entry, is left as found:
 * the check must still see it, so no later write may paper over it.
 */
export function anchorAuditHead(ctx: AppContext): void {
  const head = headOfLog(ctx.db);
  const text = anchorText(ctx);
  const mine = lastWritten.get(ctx.db);
  let from: ChainLink | null;
  if (mine && text === mine.text) from = mine.head;
  else {
    const state = readAnchor(ctx, text);
    if (state.kind === 'missing' || state.kind === 'tampered') return;
    from = state.kind === 'ok' ? state.head : null;
  }
  if (from && from.seq === head.seq && from.hash === head.hash) return;
  // Nothing to anchor before the first entry (setup writes it).
  if (!from && head.seq === 0) return;
  if (!extendsAnchor(ctx.db, from)) return;
  const at = ctx.now().toISOString();
  const next = JSON.stringify(signLink(head, at, signingKey(ctx)));
  writePrivateFile(ctx.dataDir, ANCHOR_FILE, next);
  lastWritten.set(ctx.db, { text: next, head });
  if (!from) ctx.db.tx(() => putSetting(ctx.db, SINCE_KEY, at, at));
}
