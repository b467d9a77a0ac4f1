import * as fsp from 'node:fs/promises';

/** An open file being written. */
export interface Sink {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file operations writing a backup needs; tests pass failing ones (a full disk, a read-only
 * folder) and the crash test ones that kill the process at a chosen moment.
 */
export interface BackupIo {
  /** Creates `path` (owner-only), failing if it exists. */
  create(path: string): Promise<Sink>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeBackupIo: BackupIo = {
  async create(path) {
    const fh = await fsp.open(path, 'wx', 0o600);
    await fh.chmod(0o600);
    return {
      async write(data) {
        for (let at = 0; at < data.length;) at += (await fh.write(data, at, data.length - at)).bytesWritten;
      },
      sync: () => fh.sync(),
      close: () => fh.close(),
    };
  },
  rename: (a, b) => fsp.rename(a, b),
};

/** Reads `length` bytes from `at` in chunks, handing each to `fn`; fewer bytes than asked means the file is short. */
export async function readRange(fh: fsp.FileHandle, at: number, length: number, fn: (chunk: Buffer) => void | Promise<void>): Promise<boolean> {
  const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(length, 1)));
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, length - done), at + done);
    if (bytesRead === 0) return false;
    await fn(buf.subarray(0, bytesRead));
    done += bytesRead;
  }
  return true;
}

/** 1 MiB: big enough to stream fast, small enough that other calls are answered between chunks. */
export const CHUNK = 1024 * 1024;
