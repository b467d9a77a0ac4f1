import { createDecipheriv, createHash } from 'node:crypto';
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { highestVersion } from '../../../db/migrations/types';
import { MIGRATIONS } from '../../../db/migrations/index';
import { refuse } from './faults';
import { scratchSet } from './folder';
import { expectedSize, FORMAT_VERSION, Header, HeaderEnvelope, headerAuthentic, MAGIC, MAX_HEADER_BYTES, partAad, PREFIX_BYTES, TAG_BYTES } from './format';
import { keyCheck, keyFromRecovery } from './keys';
import { readRange } from './io';
import { countRows } from './snapshot';

export interface HeaderRead {
  readonly header: Header;
  readonly headerBytes: Buffer;
  readonly prefix: Buffer;
  readonly tag: Buffer;
  readonly size: number;
}

/** Opens a file the user pointed at without blocking on a FIFO or a device: regular files only. */
async function openRegular(path: string): Promise<fsp.FileHandle> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    throw refuse.notBackup();
  }
  if (!(await fh.stat()).isFile()) {
    await fh.close();
    throw refuse.notBackup();
  }
  return fh;
}

async function readExactly(fh: fsp.FileHandle, at: number, length: number): Promise<Buffer> {
  const out = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(out, done, length - done, at + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return out.subarray(0, done);
}

/**
 * Reads and checks what can be checked without a key: a backup at all, whole, of a version this
 * app reads, of this office. Refusals come in that order, so each case gets its own message.
 */
export async function readHeader(fh: fsp.FileHandle, officeCode: string | null): Promise<HeaderRead> {
  const size = (await fh.stat()).size;
  const prefix = await readExactly(fh, 0, PREFIX_BYTES);
  const magicSeen = prefix.subarray(0, MAGIC.length);
  if (!MAGIC.subarray(0, magicSeen.length).equals(magicSeen) || magicSeen.length === 0) throw refuse.notBackup();
  if (prefix.length < PREFIX_BYTES) throw refuse.truncated();
  const length = prefix.readUInt32BE(MAGIC.length);
  if (length === 0 || length > MAX_HEADER_BYTES) throw refuse.damaged();
  const headerBytes = await readExactly(fh, PREFIX_BYTES, length);
  const tag = await readExactly(fh, PREFIX_BYTES + length, TAG_BYTES);
  if (headerBytes.length < length || tag.length < TAG_BYTES) throw refuse.truncated();
  let json: unknown;
  try {
    json = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    throw refuse.damaged();
  }
  const envelope = HeaderEnvelope.safeParse(json);
  if (!envelope.success) throw refuse.damaged();
  if (envelope.data.version > FORMAT_VERSION || envelope.data.schemaVersion > highestVersion(MIGRATIONS)) throw refuse.tooNew();
  const header = Header.safeParse(json);
  if (!header.success) throw refuse.damaged();
  if (officeCode !== null && header.data.officeCode !== officeCode) throw refuse.otherOffice(header.data.officeName);
  const expected = expectedSize(length, header.data.parts);
  if (size < expected) throw refuse.truncated();
  if (size > expected) throw refuse.damaged();
  return { header: header.data, headerBytes, prefix, tag, size };
}

/** The key that opens this backup: this computer's, or the one sealed under the typed recovery key. */
async function keyFor(read: HeaderRead, machineKey: Buffer | null, recoveryKey: string | null): Promise<{ key: Buffer; viaRecovery: boolean }> {
  if (machineKey && keyCheck(machineKey) === read.header.keyCheck) return { key: machineKey, viaRecovery: false };
  if (!recoveryKey) throw refuse.needRecoveryKey();
  const key = await keyFromRecovery(read.header.recovery, recoveryKey);
  if (!key) throw refuse.wrongRecoveryKey();
  if (key.length !== 32 || keyCheck(key) !== read.header.keyCheck) throw refuse.damaged();
  return { key, viaRecovery: true };
}

export interface OpenedBackup extends HeaderRead {
  readonly openedWithRecoveryKey: boolean;
}

/**
 * Checks a backup through: header, key, the header's tag, every part's tag and SHA-256, then the
 * database part (decrypted to `scratchDb`, removed again) opened read-only with the full
 * `integrity_check` and its rows per table against the manifest. Only reads `path`.
 */
export async function openBackup(
  path: string,
  opts: {
    readonly officeCode: string | null;
    readonly machineKey: Buffer | null;
    readonly recoveryKey: string | null;
    readonly scratchDb: string;
    /** Where to keep a part's checked plaintext (a restore's staging); a database kept so is not removed. */
    readonly extract?: (part: string) => string | null;
  },
): Promise<OpenedBackup> {
  const fh = await openRegular(path);
  try {
    const read = await readHeader(fh, opts.officeCode);
    const { key, viaRecovery } = await keyFor(read, opts.machineKey, opts.recoveryKey);
    if (!headerAuthentic(key, Buffer.from(read.header.headerIv, 'base64'), read.prefix, read.headerBytes, read.tag)) throw refuse.damaged();
    let dbFile = opts.scratchDb;
    try {
      let at = PREFIX_BYTES + read.headerBytes.length + TAG_BYTES;
      for (const [index, part] of read.header.parts.entries()) {
        const d = createDecipheriv('aes-256-gcm', key, Buffer.from(part.iv, 'base64'));
        d.setAAD(partAad(read.headerBytes, index));
        const hash = createHash('sha256');
        const kept = opts.extract?.(part.name) ?? null;
        const target = kept ?? (part.name === 'database' ? opts.scratchDb : null);
        if (part.name === 'database') dbFile = target!;
        const out = target ? await fsp.open(target, 'w', 0o600) : null;
        try {
          const whole = await readRange(fh, at, part.size, async (chunk) => {
            const plain = d.update(chunk);
            hash.update(plain);
            if (out) await out.write(plain);
          });
          if (!whole) throw refuse.truncated();
          const tag = await readExactly(fh, at + part.size, TAG_BYTES);
          d.setAuthTag(tag);
          try {
            d.final();
          } catch {
            throw refuse.damaged();
          }
          if (kept) await out!.sync();
        } finally {
          await out?.close();
        }
        if (hash.digest('hex') !== part.sha256) throw refuse.damaged();
        at += part.size + TAG_BYTES;
      }
      const db = countRows(dbFile, { integrity: true });
      if (!db.integrity || db.schemaVersion !== read.header.schemaVersion || !sameRows(db.rows, read.header.rows)) throw refuse.damaged();
    } finally {
      for (const p of scratchSet(opts.scratchDb)) await fsp.rm(p, { force: true });
    }
    return { ...read, openedWithRecoveryKey: viaRecovery };
  } finally {
    await fh.close();
  }
}

/** Reads only the header of a listed backup (cheap), to show and to thin them; null when it is not one. */
export async function peekHeader(path: string, machineKey: Buffer | null): Promise<{ read: HeaderRead; authentic: boolean } | null> {
  let fh: fsp.FileHandle | null = null;
  try {
    fh = await openRegular(path);
    const read = await readHeader(fh, null);
    const authentic =
      machineKey !== null &&
      keyCheck(machineKey) === read.header.keyCheck &&
      headerAuthentic(machineKey, Buffer.from(read.header.headerIv, 'base64'), read.prefix, read.headerBytes, read.tag);
    return { read, authentic };
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}

function sameRows(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}
