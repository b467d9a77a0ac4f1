import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { retainBackups, type BackupReason, type BackupRow } from '../../../shared/backups';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { ensurePrivateDir } from '../privateFiles';
import { officeSettings } from '../settings';
import { storageFault } from './faults';
import { retentionPolicy } from './settings';
import { encodePrefix, headerTag, partAad, type Header, type PartSpec } from './format';
import { nodeBackupIo, readRange, type BackupIo, type Sink } from './io';
import { backupKeys, keyCheck, type KeyWrapper } from './keys';
import { listBackups } from './list';
import { openBackup } from './read';
import { backupsDir, finalName, removeLeftovers, scratchFile, scratchSet, tempName } from './folder';
import { countRows, snapshotDatabase } from './snapshot';

interface Source {
  readonly name: PartSpec['name'];
  readonly path: string;
  readonly size: number;
}

async function hashFile(path: string, size: number): Promise<string> {
  const fh = await fsp.open(path, 'r');
  try {
    const h = createHash('sha256');
    if (!(await readRange(fh, 0, size, (c) => void h.update(c)))) throw new Error('a part changed while the backup was made');
    return h.digest('hex');
  } finally {
    await fh.close();
  }
}

/** The parts: the snapshot, the office keys, every attachment (content-addressed: the name is the hash). */
function sources(ctx: AppContext, snapshot: string): Source[] {
  const out: Source[] = [{ name: 'database', path: snapshot, size: statSync(snapshot).size }];
  const keys = join(ctx.keysDir, 'office-keys.json');
  if (existsSync(keys)) out.push({ name: 'keys', path: keys, size: statSync(keys).size });
  if (existsSync(ctx.filesDir))
    for (const n of readdirSync(ctx.filesDir).sort()) {
      if (!/^[0-9a-f]{64}$/.test(n)) continue;
      out.push({ name: `file:${n}`, path: join(ctx.filesDir, n), size: statSync(join(ctx.filesDir, n)).size });
    }
  return out;
}

async function writePart(sink: Sink, key: Buffer, header: Buffer, index: number, spec: PartSpec, path: string): Promise<void> {
  const c = createCipheriv('aes-256-gcm', key, Buffer.from(spec.iv, 'base64'));
  c.setAAD(partAad(header, index));
  const hash = createHash('sha256');
  const fh = await fsp.open(path, 'r');
  try {
    const whole = await readRange(fh, 0, spec.size, async (chunk) => {
      hash.update(chunk);
      await sink.write(c.update(chunk));
    });
    if (!whole) throw new Error('a part changed while the backup was made');
  } finally {
    await fh.close();
  }
  c.final();
  await sink.write(c.getAuthTag());
  // The bytes encrypted must be the bytes the manifest names (an attachment rotting on disk is not backed up as sound).
  if (hash.digest('hex') !== spec.sha256) throw new AppError('INTEGRITY', 'backups.verifyFailed');
}

/** One backup at a time per data folder: a second asks after the first is done. */
const running = new Map<string, Promise<unknown>>();

/**
 * Makes a backup: the snapshot, the manifest from it, every part encrypted into a temporary file,
 * flushed, then opened again and checked through as `backups.inspect` would, and only then
 * renamed to its final name, so a listed backup is always a sound one. Afterwards the folder is
 * thinned by the retention rule. Nothing of a failed attempt is left.
 */
export function createBackup(ctx: AppContext, wrapper: KeyWrapper, reason: BackupReason, io: BackupIo = nodeBackupIo): Promise<BackupRow> {
  const previous = running.get(ctx.dataDir) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => makeBackup(ctx, wrapper, reason, io));
  running.set(ctx.dataDir, next);
  return next;
}

async function makeBackup(ctx: AppContext, wrapper: KeyWrapper, reason: BackupReason, io: BackupIo): Promise<BackupRow> {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  removeLeftovers(ctx);
  const keys = await backupKeys(ctx, wrapper);
  const dir = backupsDir(ctx);
  const snapshot = scratchFile(ctx, 'snapshot');
  const check = scratchFile(ctx, 'check');
  let temp: string | null = null;
  try {
    await snapshotDatabase(ctx.db, snapshot);
    const counted = countRows(snapshot);
    const parts = sources(ctx, snapshot);
    const specs: PartSpec[] = [];
    for (const p of parts) specs.push({ name: p.name, size: p.size, sha256: await hashFile(p.path, p.size), iv: randomBytes(12).toString('base64') });
    const header: Header = {
      format: 'mitra-lipas-cadangan',
      version: 1,
      appVersion: ctx.appVersion,
      schemaVersion: counted.schemaVersion,
      officeCode: office.code,
      officeName: office.name,
      createdAt: ctx.now().toISOString(),
      reason,
      rows: counted.rows,
      keyCheck: keyCheck(keys.key),
      headerIv: randomBytes(12).toString('base64'),
      recovery: keys.recovery,
      parts: specs,
    };
    const headerBytes = Buffer.from(JSON.stringify(header));
    const prefix = encodePrefix(headerBytes);

    ensurePrivateDir(dir);
    const name = finalName(ctx, office.code, reason);
    temp = join(dir, tempName(name));
    const sink = await io.create(temp);
    try {
      await sink.write(prefix);
      await sink.write(headerBytes);
      await sink.write(headerTag(keys.key, Buffer.from(header.headerIv, 'base64'), prefix, headerBytes));
      for (const [i, p] of parts.entries()) await writePart(sink, keys.key, headerBytes, i, specs[i]!, p.path);
      await sink.sync();
    } finally {
      await sink.close();
    }
    await openBackup(temp, { officeCode: office.code, machineKey: keys.key, recoveryKey: null, scratchDb: check }).catch(() => {
      throw new AppError('INTEGRITY', 'backups.verifyFailed');
    });
    await io.rename(temp, join(dir, name));
    temp = null;
    await syncFolder(dir);
    await applyRetention(ctx, wrapper);
    const listed = (await listBackups(ctx, wrapper)).find((b) => b.name === name);
    return listed ?? { name, createdAt: header.createdAt, size: statSync(join(dir, name)).size, kind: 'manual', verified: true };
  } catch (e) {
    throw storageFault(e) ?? e;
  } finally {
    for (const p of [...scratchSet(snapshot), ...scratchSet(check), ...(temp ? [temp] : [])]) rmSync(p, { force: true });
  }
}

/** The rename is durable only once the folder's entry is on disk too (not possible on Windows, where rename is). */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function applyRetention(ctx: AppContext, wrapper: KeyWrapper): Promise<void> {
  const rows = await listBackups(ctx, wrapper, { withReason: true });
  const { remove } = retainBackups(
    rows.filter((r) => r.reason).map((r) => ({ name: r.name, createdAt: r.createdAt, reason: r.reason! })),
    officeSettings(ctx)?.timeZone ?? 'WIB',
    retentionPolicy(ctx),
  );
  for (const name of remove) rmSync(join(backupsDir(ctx), name), { force: true });
}
