import { chmodSync, closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds personal data (the database, scans, photos) and the office's private
 * keys: its folders are owner-only (0700) and its files 0600. Modes are set with chmod after
 * creating, since the mode given to mkdir/open is cut by the umask and says nothing about a
 * folder that already exists. (On Windows chmod only toggles read-only; the profile folder's ACL
 * protects the data there.)
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Tightens a folder made by an older version, without creating it. */
export function tightenDir(dir: string): void {
  if (existsSync(dir)) chmodSync(dir, 0o700);
}

/**
 * Writes an owner-only file whole or not at all: a temporary file, fsync'd, renamed over the old
 * one, so a power cut leaves the old or the new content, never half of it.
 */
export function writePrivateFile(dir: string, name: string, bytes: string | Uint8Array): void {
  ensurePrivateDir(dir);
  const target = join(dir, name);
  const tmp = `${target}.${process.pid}.tmp`;
  // A crash between open and rename leaves the temporary file; it must not refuse every later write.
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      fchmodSync(fd, 0o600);
      const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    // A full disk leaves no half-written temporary file (personal data) behind in the data folder.
    rmSync(tmp, { force: true });
    throw e;
  }
}
