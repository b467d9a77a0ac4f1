import * as fs from 'node:fs';
import { join } from 'node:path';
import { AppError, fieldError } from '../../../shared/errors';
import { sha256 } from '../files';

/** The file operations a write to removable media needs; tests pass failing ones (a full disk). */
export interface MediaIo {
  openSync(path: string, flags: string): number;
  writeSync(fd: number, data: Uint8Array): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  readFileSync(path: string): Buffer;
  unlinkSync(path: string): void;
}

export const nodeIo: MediaIo = {
  openSync: (p, f) => fs.openSync(p, f),
  writeSync: (fd, d) => fs.writeSync(fd, d),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  readFileSync: (p) => fs.readFileSync(p),
  unlinkSync: (p) => fs.unlinkSync(p),
};

/** What went wrong with the folder, in words an officer can act on. */
function mediaError(e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return fieldError('folder', 'bundles.diskFull');
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'EIO' || code === 'ENOTDIR') return fieldError('folder', 'bundles.folderGone');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return fieldError('folder', 'bundles.folderReadOnly');
  return fieldError('folder', 'bundles.writeFailed');
}

export function checkFolder(folder: string): void {
  let ok = false;
  try {
    ok = fs.statSync(folder).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw fieldError('folder', 'bundles.folderGone');
}

/**
 * Writes files to a folder that may vanish (a USB stick pulled out) or fill up: each under a
 * temporary name, flushed, renamed, then read back and compared. Either every file is there under
 * its final name and verified, or none is (what was written is removed) and the error says why.
 */
export function writeVerified(folder: string, files: readonly { readonly name: string; readonly bytes: Buffer }[], io: MediaIo = nodeIo): void {
  checkFolder(folder);
  for (const f of files) {
    if (fs.existsSync(join(folder, f.name))) throw fieldError('folder', 'bundles.fileExists', { name: f.name });
  }
  const done: string[] = [];
  let tmp: string | null = null;
  try {
    for (const f of files) {
      const target = join(folder, f.name);
      tmp = `${target}.${process.pid}.sementara`;
      const fd = io.openSync(tmp, 'wx');
      try {
        for (let at = 0; at < f.bytes.length;) at += io.writeSync(fd, f.bytes.subarray(at, at + 4 * 1024 * 1024));
        io.fsyncSync(fd);
      } finally {
        io.closeSync(fd);
      }
      io.renameSync(tmp, target);
      tmp = null;
      done.push(target);
      if (sha256(io.readFileSync(target)) !== sha256(f.bytes))
        throw new AppError('INTEGRITY', 'bundles.verifyFailed', { fields: { folder: 'bundles.verifyFailed' } });
    }
  } catch (e) {
    for (const p of [...done, ...(tmp ? [tmp] : [])]) {
      try {
        io.unlinkSync(p);
      } catch {
        // The medium may be gone already; nothing under a final name can be left that was not verified.
      }
    }
    throw e instanceof AppError ? e : mediaError(e);
  }
}
