import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir, writePrivateFile } from '../privateFiles';

/**
 * How a restore swaps the data folder's state so that a kill -9 at any moment leaves either the
 * old state or the restored one after the next start, never a mix:
 *
 *   1. the backup's parts are decrypted and checked into `restore/<id>/new/` (nothing live changes);
 *   2. a marker `restore/pending.json` naming what to replace is written whole (fsync, rename);
 *   3. with the database closed, each live item is moved into `restore/<id>/old/` and the staged
 *      one into its place (renames within one folder tree: each is atomic);
 *   4. the marker is removed, then the id's folder.
 *
 * Before the marker exists the staged copy is only scratch (removed at start); once it exists,
 * every start completes the swap before anything opens the database (`settleRestore`). Every step
 * of (3) checks what is already done, so completing it twice is the same as once.
 */
export const DB_NAME = 'mitra-lipas.sqlite';
const SIDE_FILES = ['-wal', '-shm', '-journal'];
const MARKER = 'pending.json';
const LAST = 'last.json';

/** What a restore replaces: the database, the attachments, the office keys, the audit anchor. */
const ITEMS = {
  database: (dataDir: string) => join(dataDir, DB_NAME),
  files: (dataDir: string) => join(dataDir, 'files'),
  keys: (dataDir: string) => join(dataDir, 'keys', 'office-keys.json'),
  anchor: (dataDir: string) => join(dataDir, 'audit-head.json'),
} as const;
export type RestoreItem = keyof typeof ITEMS;
const ITEM_NAMES = Object.keys(ITEMS) as RestoreItem[];

/** The restore the office may still undo: the safety backup made just before it. */
export const LastRestore = z
  .object({ safetyBackup: z.string().max(200), restoredFrom: z.string().max(40), restoredAt: z.string().max(40), undone: z.boolean() })
  .strict();
export type LastRestore = z.infer<typeof LastRestore>;

const Marker = z
  .object({
    version: z.literal(1),
    id: z.string().regex(/^[0-9a-f]{16}$/),
    /** replace: the staged item goes in; remove: the restored state has none of it. */
    items: z.record(z.enum(ITEM_NAMES as [RestoreItem, ...RestoreItem[]]), z.enum(['replace', 'remove'])),
    last: LastRestore,
  })
  .strict();
type Marker = z.infer<typeof Marker>;

export const restoreDir = (dataDir: string) => join(dataDir, 'restore');
const stagedDir = (dataDir: string, id: string) => join(restoreDir(dataDir), id, 'new');
const oldDir = (dataDir: string, id: string) => join(restoreDir(dataDir), id, 'old');

/** Where each item is staged (same relative place as in the data folder). */
export const stagedPath = (dataDir: string, id: string, item: RestoreItem) => join(stagedDir(dataDir, id), ITEMS[item](dataDir).slice(dataDir.length + 1));
const oldPath = (dataDir: string, id: string, item: RestoreItem) => join(oldDir(dataDir, id), ITEMS[item](dataDir).slice(dataDir.length + 1));

/** A new, empty staging folder for one restore. */
export function newStaging(dataDir: string): { id: string; dir: string } {
  const id = randomBytes(8).toString('hex');
  const dir = stagedDir(dataDir, id);
  ensurePrivateDir(dir);
  ensurePrivateDir(join(dir, 'files'));
  ensurePrivateDir(join(dir, 'keys'));
  return { id, dir };
}

export function discardStaging(dataDir: string, id: string): void {
  rmSync(join(restoreDir(dataDir), id), { recursive: true, force: true });
}

/** Makes a rename or removal in `dir` durable (Windows makes renames durable itself and cannot open folders). */
export function syncDir(dir: string): void {
  if (process.platform === 'win32' || !existsSync(dir)) return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Step 2: the staged copy becomes the state to reach. Written whole (temporary file, fsync, rename). */
export function commitStaging(dataDir: string, id: string, last: LastRestore): void {
  const items = {} as Record<RestoreItem, 'replace' | 'remove'>;
  for (const item of ITEM_NAMES) items[item] = existsSync(stagedPath(dataDir, id, item)) ? 'replace' : 'remove';
  // The staged files are already fsync'd one by one; their folders too, before the marker names them.
  for (const d of [stagedDir(dataDir, id), join(stagedDir(dataDir, id), 'files'), join(stagedDir(dataDir, id), 'keys')]) syncDir(d);
  const marker: Marker = { version: 1, id, items, last };
  writePrivateFile(restoreDir(dataDir), MARKER, JSON.stringify(marker));
  syncDir(restoreDir(dataDir));
}

export function hasPendingRestore(dataDir: string): boolean {
  return existsSync(join(restoreDir(dataDir), MARKER));
}

function move(from: string, to: string): void {
  ensurePrivateDir(dirname(to));
  renameSync(from, to);
  syncDir(dirname(from));
  syncDir(dirname(to));
}

/** Step 3 and 4 for a written marker. The database must be closed. `step` lets the crash test stop between moves. */
export function applyPendingRestore(dataDir: string, step: (what: string) => void = () => undefined): boolean {
  const markerFile = join(restoreDir(dataDir), MARKER);
  if (!existsSync(markerFile)) return false;
  const marker = Marker.parse(JSON.parse(readFileSync(markerFile, 'utf8')));
  const { id } = marker;
  for (const item of ITEM_NAMES) {
    const action = marker.items[item];
    if (!action) continue;
    const live = ITEMS[item](dataDir);
    const staged = stagedPath(dataDir, id, item);
    // Only while the staged item is not yet in place is what lives there the old state's.
    if (action === 'replace' && !existsSync(staged)) continue;
    if (item === 'database')
      for (const side of SIDE_FILES)
        if (existsSync(live + side)) {
          move(live + side, oldPath(dataDir, id, item) + side);
          step(`database${side}`);
        }
    if (existsSync(live)) {
      move(live, oldPath(dataDir, id, item));
      step(`${item}:out`);
    }
    if (action === 'replace') {
      move(staged, live);
      step(`${item}:in`);
    }
  }
  writePrivateFile(restoreDir(dataDir), LAST, JSON.stringify(marker.last));
  rmSync(markerFile, { force: true });
  syncDir(restoreDir(dataDir));
  step('marker:removed');
  discardStaging(dataDir, id);
  return true;
}

/**
 * At start, before the database is opened: a restore whose marker was written is completed; a
 * staging folder without a marker (a restore killed while checking the backup) or an old state
 * left after the marker went is removed (it holds personal data).
 */
export function settleRestore(dataDir: string): void {
  applyPendingRestore(dataDir);
  const dir = restoreDir(dataDir);
  if (!existsSync(dir)) return;
  for (const n of readdirSync(dir)) if (/^[0-9a-f]{16}$/.test(n)) rmSync(join(dir, n), { recursive: true, force: true });
}

/** The last restore, if it has not been undone yet. */
export function lastRestore(dataDir: string): LastRestore | null {
  const file = join(restoreDir(dataDir), LAST);
  if (!existsSync(file)) return null;
  const parsed = LastRestore.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success && !parsed.data.undone ? parsed.data : null;
}
