import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context';

/** Only the data folder is needed (recovery mode has no database and so no full context). */
type Folder = Pick<AppContext, 'dataDir'>;
import { ensurePrivateDir } from '../privateFiles';
import { FILE_EXTENSION } from './format';

/** Where finished backups live: every file here under a final name has been checked. */
export const backupsDir = (ctx: Folder) => join(ctx.dataDir, 'backups');
/** Scratch space (owner-only): the database snapshot before it is encrypted, a part being checked. */
export const scratchDir = (ctx: Folder) => join(ctx.dataDir, 'tmp');

/** A listed backup's name as a call may give it: no path, no other file of the folder. */
export const BACKUP_NAME = /^cadangan-[A-Za-z0-9-]{1,80}\.mlcadangan$/;

const TEMP_SUFFIX = '.sementara';

/** `cadangan-<office>-<UTC stamp>-<reason>[-n].mlcadangan`: sorts by time and says what it is in a file manager too. */
export function finalName(ctx: AppContext, officeCode: string, reason: string): string {
  const stamp = ctx.now().toISOString().replace(/[-:.]/g, '');
  const base = `cadangan-${officeCode}-${stamp}-${reason}`;
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${FILE_EXTENSION}`;
    if (!existsSync(join(backupsDir(ctx), name))) return name;
  }
}

/** The temporary name a backup is written under, this process's own. */
export const tempName = (name: string) => `${name}.${process.pid}${TEMP_SUFFIX}`;

export function scratchFile(ctx: Folder, what: string): string {
  ensurePrivateDir(scratchDir(ctx));
  return join(scratchDir(ctx), `${what}-${process.pid}-${randomBytes(6).toString('hex')}.sqlite`);
}

/** The finished backups in the folder, by name. */
export function backupNames(ctx: Folder): string[] {
  const dir = backupsDir(ctx);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => BACKUP_NAME.test(n));
}

/**
 * What a killed process left behind: temporary backups and scratch files of another process id
 * (a process's own are removed by itself, whatever happens). They hold personal data, so they go.
 */
export function removeLeftovers(ctx: Folder): void {
  const own = `.${process.pid}${TEMP_SUFFIX}`;
  const dir = backupsDir(ctx);
  if (existsSync(dir)) for (const n of readdirSync(dir)) if (n.endsWith(TEMP_SUFFIX) && !n.endsWith(own)) rmSync(join(dir, n), { force: true });
  const scratch = scratchDir(ctx);
  if (existsSync(scratch)) for (const n of readdirSync(scratch)) if (!n.includes(`-${process.pid}-`)) rmSync(join(scratch, n), { force: true });
}

/** A scratch database and whatever SQLite may have put beside it. */
export const scratchSet = (file: string) => [file, `${file}-journal`, `${file}-wal`, `${file}-shm`];
