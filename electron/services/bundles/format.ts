import { createCipheriv, createDecipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { sha256 } from '../files';
import { ed25519Public, x25519Public } from '../keys';

/**
 * The bundle file ("paket kiriman"): a zip holding `manifest.json`, `manifest.sig` (Ed25519 over
 * the manifest's bytes) and the entries the manifest lists with their size and SHA-256, wrapped in
 * an envelope. Encrypted envelopes (the default) are sealed to the parent's X25519 key: an
 * ephemeral key pair, ECDH, HKDF-SHA-256, AES-256-GCM over the whole zip with the header as
 * associated data, so a single changed or missing byte anywhere fails the tag.
 */
export const BUNDLE_FORMAT_VERSION = 1;
const MAGIC_PLAIN = Buffer.from('MLPAKET0');
const MAGIC_SEALED = Buffer.from('MLPAKET1');
const HKDF_INFO = 'mitra-lipas paket v1';

/** Limits a bundle must keep, whatever its manifest says: an office's data, not a disk-filler. */
export const BUNDLE_LIMITS = { maxEntries: 100_000, maxEntryBytes: 512 * 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 * 1024 } as const;

const entryName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(data|files)\/[A-Za-z0-9._-]+$/, 'entry name');

export const Manifest = z
  .object({
    format: z.literal('mitra-lipas-paket'),
    formatVersion: z.number().int().min(1),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1),
    officeCode: z.string().regex(/^[A-Z0-9]{2,12}$/),
    seq: z.number().int().min(1),
    previousSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    changeRange: z.object({ from: z.number().int().min(0), to: z.number().int().min(0) }).strict(),
    createdAt: z.string().max(40),
    createdBy: z.string().max(120),
    counts: z.record(z.string().max(60), z.number().int().min(0)),
    /** The head of the sending office's audit log, signed with its key: the parent keeps it as evidence. */
    auditHead: z
      .object({
        seq: z.number().int().min(0),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
        at: z.string().max(40),
        signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
      })
      .strict()
      .optional(),
    /**
     * The post's database was restored to an older state before this bundle: the last bundle
     * number it still knew and the highest the post had used (kept outside the database). Signed
     * with the rest of the manifest; the parent accepts the jump in numbers only with it.
     */
    afterRestore: z
      .object({ lastKnownSeq: z.number().int().min(0), lastUsedSeq: z.number().int().min(1) })
      .strict()
      .optional(),
    entries: z
      .array(z.object({ name: entryName, size: z.number().int().min(0).max(BUNDLE_LIMITS.maxEntryBytes), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict())
      .max(BUNDLE_LIMITS.maxEntries),
  })
  .strict();
export type ManifestData = z.infer<typeof Manifest>;

/** A refusal with its own message (shared/i18n), for the import screen to say plainly. */
export const refuse = (key: string, params?: Record<string, string | number>) => new AppError('VALIDATION', key, params ? { params } : {});

/**
 * Data (JSON Lines) at deflate level 1: a third of the time of the default level on an office PC for
 * a few percent more bytes. Attachments (PDF, JPEG, PNG) are compressed already: stored as they are.
 */
export const compressionFor = (name: string) => (name.startsWith('files/') ? 0 : name.startsWith('data/') ? 1 : 6);

function zipOf(files: readonly (readonly [string, Buffer])[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    // A fixed time keeps the bytes of a bundle a function of its content.
    for (const [name, data] of files) zip.addBuffer(data, name, { mtime: new Date(Date.UTC(2000, 0, 1)), compressionLevel: compressionFor(name) });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}

/** Builds the bundle: entries listed with size and hash in the manifest, manifest signed, zip sealed to `recipient` when given. */
export async function writeBundle(
  manifest: Omit<ManifestData, 'entries' | 'format' | 'formatVersion'>,
  entries: ReadonlyMap<string, Buffer>,
  signingKey: KeyObject,
  recipientEncryptionKey: Buffer | null,
): Promise<Buffer> {
  const full: ManifestData = {
    format: 'mitra-lipas-paket',
    formatVersion: BUNDLE_FORMAT_VERSION,
    ...manifest,
    entries: [...entries].map(([name, data]) => ({ name, size: data.length, sha256: sha256(data) })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(Manifest.parse(full), null, 1));
  const zip = await zipOf([['manifest.json', manifestBytes], ['manifest.sig', sign(null, manifestBytes, signingKey)], ...entries]);
  if (!recipientEncryptionKey) return Buffer.concat([MAGIC_PLAIN, zip]);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = Buffer.concat([MAGIC_SEALED, ephemeralRaw, salt, iv]);
  const key = sealKey(
    diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519Public(recipientEncryptionKey) }),
    salt,
    recipientEncryptionKey,
    ephemeralRaw,
  );
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(header);
  const body = Buffer.concat([cipher.update(zip), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

const sealKey = (shared: Buffer, salt: Buffer, recipient: Buffer, ephemeral: Buffer) =>
  Buffer.from(hkdfSync('sha256', shared, salt, Buffer.concat([Buffer.from(HKDF_INFO), recipient, ephemeral]), 32));

/** Takes the envelope off: the zip inside, or a refusal naming what is wrong. */
export function unseal(bytes: Buffer, own: { privateKey: KeyObject; publicRaw: Buffer } | null): Buffer {
  const magic = bytes.subarray(0, 8);
  if (magic.equals(MAGIC_PLAIN)) return bytes.subarray(8);
  if (!magic.equals(MAGIC_SEALED)) throw refuse('bundles.notBundle');
  if (bytes.length < 8 + 32 + 16 + 12 + 16) throw refuse('bundles.damaged');
  if (!own) throw refuse('bundles.notForUs');
  const header = bytes.subarray(0, 68);
  const ephemeralRaw = bytes.subarray(8, 40);
  const salt = bytes.subarray(40, 56);
  const iv = bytes.subarray(56, 68);
  const tag = bytes.subarray(bytes.length - 16);
  try {
    const key = sealKey(diffieHellman({ privateKey: own.privateKey, publicKey: x25519Public(Buffer.from(ephemeralRaw)) }), salt, own.publicRaw, ephemeralRaw);
    const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(header);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(bytes.subarray(68, bytes.length - 16)), decipher.final()]);
  } catch {
    // A changed byte, a cut file and a bundle sealed for another office look the same here: the tag fails.
    throw refuse('bundles.damagedOrNotForUs');
  }
}

/**
 * Reads a zip entry by entry. `decide` gives each name its byte limit, 'skip' (not needed in this
 * pass, not inflated), or null (not allowed: the whole bundle is refused). Unsafe names (absolute,
 * `..`, backslashes) are refused by yauzl itself; duplicates and sizes beyond the limit here.
 */
function readZip(zip: Buffer, decide: (name: string) => number | 'skip' | null): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, decodeStrings: true }, (err, zf) => {
      if (err || !zf)
        return reject(refuse(err && /relative path|absolute path|invalid characters/i.test(err.message) ? 'bundles.unsafePath' : 'bundles.damaged'));
      const out = new Map<string, Buffer>();
      let total = 0;
      const fail = (key: string, params?: Record<string, string | number>) => {
        zf.close();
        reject(refuse(key, params));
      };
      // yauzl refuses absolute paths, `..` and backslashes itself (strictFileNames); say so specifically.
      zf.on('error', (e: Error) => fail(/relative path|absolute path|invalid characters/i.test(e.message) ? 'bundles.unsafePath' : 'bundles.damaged'));
      zf.on('end', () => resolve(out));
      const seen = new Set<string>();
      zf.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        const limit = decide(name);
        if (limit === null || seen.has(name)) return fail('bundles.unexpectedEntry', { name: name.slice(0, 80) });
        seen.add(name);
        if (seen.size > BUNDLE_LIMITS.maxEntries + 2) return fail('bundles.tooLarge');
        if (limit === 'skip') return zf.readEntry();
        if (entry.uncompressedSize > limit) return fail('bundles.entryTooLarge', { name });
        total += entry.uncompressedSize;
        if (total > BUNDLE_LIMITS.maxTotalBytes) return fail('bundles.tooLarge');
        if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) return fail('bundles.damaged');
        // Deflate never grows data by more than a few bytes per block: more compressed bytes than that is not this entry.
        if (entry.compressedSize > limit + Math.ceil(limit / 100) + 1024) return fail('bundles.entryTooLarge', { name });
        // The raw (compressed) bytes, inflated in one synchronous pass that stops at the limit: a bomb
        // is cut off where it crosses what the entry may hold, whatever its header claims.
        zf.openReadStream(entry, { decodeFileData: false }, (e, stream) => {
          if (e || !stream) return fail('bundles.damaged');
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => fail('bundles.damaged'));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks);
            let data: Buffer;
            try {
              data = entry.compressionMethod === 8 ? inflateRawSync(raw, { maxOutputLength: Math.max(1, limit) }) : raw;
            } catch (err) {
              return fail((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'bundles.entryTooLarge' : 'bundles.damaged', { name });
            }
            if (data.length > limit) return fail('bundles.entryTooLarge', { name });
            if (data.length !== entry.uncompressedSize) return fail('bundles.damaged');
            out.set(name, data);
            zf.readEntry();
          });
        });
      });
      zf.readEntry();
    });
  });
}

export interface OpenedBundle {
  readonly manifest: ManifestData;
  readonly entries: ReadonlyMap<string, Buffer>;
  /** SHA-256 of the whole file as received: what the next bundle names as its previous one. */
  readonly sha256: string;
  /** SHA-256 of the signed manifest: the bundle's content, whatever envelope it came in. */
  readonly manifestSha256: string;
  /** Whether it came sealed to this office's key (a plain bundle travelled readable to anyone). */
  readonly sealed: boolean;
}

/**
 * Opens and checks a bundle completely before anything is written: envelope, zip safety,
 * manifest shape and versions, the sender's signature against its registered key, and every
 * entry's size and hash against the manifest.
 */
export async function openBundle(
  bytes: Buffer,
  own: { privateKey: KeyObject; publicRaw: Buffer } | null,
  signingKeyOf: (officeCode: string) => Buffer | null,
  schemaVersion: number,
): Promise<OpenedBundle> {
  const zip = unseal(bytes, own);
  // First pass: the manifest and its signature only; nothing else is inflated before the sender is known.
  const headEntries = await readZip(zip, (name) =>
    name === 'manifest.json' ? 64 * 1024 * 1024 : name === 'manifest.sig' ? 64 : name.startsWith('data/') || name.startsWith('files/') ? 'skip' : null,
  );
  const manifestBytes = headEntries.get('manifest.json');
  const signature = headEntries.get('manifest.sig');
  if (!manifestBytes || !signature) throw refuse('bundles.noManifest');
  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw refuse('bundles.noManifest');
  }
  const peek = raw as { formatVersion?: unknown; schemaVersion?: unknown };
  if (typeof peek.formatVersion === 'number' && peek.formatVersion > BUNDLE_FORMAT_VERSION) throw refuse('bundles.newerFormat');
  if (typeof peek.schemaVersion === 'number' && peek.schemaVersion > schemaVersion) throw refuse('bundles.newerSchema');
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw refuse('bundles.badManifest');
  const manifest = parsed.data;
  const signer = signingKeyOf(manifest.officeCode);
  if (!signer) throw refuse('bundles.unknownOffice', { code: manifest.officeCode });
  let signed = false;
  try {
    signed = verify(null, manifestBytes, ed25519Public(signer), signature);
  } catch {
    signed = false;
  }
  if (!signed) throw refuse('bundles.badSignature', { code: manifest.officeCode });
  const declared = new Map(manifest.entries.map((e) => [e.name, e]));
  if (declared.size !== manifest.entries.length) throw refuse('bundles.badManifest');
  // Second pass: exactly the entries the signed manifest lists, each at most its declared size.
  const all = await readZip(zip, (name) => (name === 'manifest.json' || name === 'manifest.sig' ? 'skip' : (declared.get(name)?.size ?? null)));
  const entries = new Map<string, Buffer>();
  for (const e of manifest.entries) {
    const data = all.get(e.name);
    if (!data) throw refuse('bundles.missingEntry', { name: e.name });
    if (data.length !== e.size || sha256(data) !== e.sha256) throw refuse('bundles.entryMismatch', { name: e.name });
    entries.set(e.name, data);
  }
  return { manifest, entries, sha256: sha256(bytes), manifestSha256: sha256(manifestBytes), sealed: !bytes.subarray(0, 8).equals(MAGIC_PLAIN) };
}

/**
 * A bundle too large for one e-mail travels as numbered parts: each part is `MLBAGIAN`, the
 * SHA-256 of the whole bundle, its number and the count (two bytes each), then its slice. Parts
 * are found by content, whatever a mail program renamed them to, and joined only when all are there.
 */
const MAGIC_PART = Buffer.from('MLBAGIAN');
const PART_HEADER = 8 + 32 + 4;

export function splitParts(bundle: Buffer, maxPartBytes: number): Buffer[] {
  const slice = Math.max(1, maxPartBytes - PART_HEADER);
  const count = Math.ceil(bundle.length / slice);
  if (count > 0xffff) throw new RangeError('too many parts');
  const whole = Buffer.from(sha256(bundle), 'hex');
  return Array.from({ length: count }, (_, i) => {
    const head = Buffer.alloc(PART_HEADER);
    MAGIC_PART.copy(head, 0);
    whole.copy(head, 8);
    head.writeUInt16BE(i + 1, 40);
    head.writeUInt16BE(count, 42);
    return Buffer.concat([head, bundle.subarray(i * slice, (i + 1) * slice)]);
  });
}

export interface PartInfo {
  readonly whole: string;
  readonly index: number;
  readonly count: number;
}

/** The part header of a file, or null when the file is not a part. */
export function partInfo(bytes: Buffer): PartInfo | null {
  if (bytes.length < PART_HEADER || !bytes.subarray(0, 8).equals(MAGIC_PART)) return null;
  const index = bytes.readUInt16BE(40);
  const count = bytes.readUInt16BE(42);
  if (index < 1 || count < 1 || index > count) throw refuse('bundles.damaged');
  return { whole: bytes.subarray(8, 40).toString('hex'), index, count };
}

/** Joins the parts of one bundle (any order); refuses a missing part or a whole that does not hash to what the parts name. */
export function joinParts(parts: readonly Buffer[]): Buffer {
  const infos = parts.map((p) => ({ p, info: partInfo(p)! }));
  const { whole, count } = infos[0]!.info;
  const byIndex = new Map(infos.map(({ p, info }) => [info.index, p]));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw refuse('bundles.partsMissing', { missing: missing.join(', '), count });
  const bundle = Buffer.concat(Array.from({ length: count }, (_, i) => byIndex.get(i + 1)!.subarray(PART_HEADER)));
  if (sha256(bundle) !== whole) throw refuse('bundles.damaged');
  return bundle;
}

/** The manifest as a JSON Schema (draft 2020-12), for administrators and other tools; kept in docs/. */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://mitra-lipas.invalid/schema/paket-manifest.json',
    title: 'Mitra Lipas: manifes paket kiriman',
    ...z.toJSONSchema(Manifest, { target: 'draft-2020-12' }),
  };
}
