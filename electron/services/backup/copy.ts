import { createHash, randomUUID } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BackupCopyPhase, BackupCopyProgress } from '../../../shared/backupPanel';
import { AppError, fieldError } from '../../../shared/errors';
import { actorOf, type AppContext, type Call } from '../context';
import { recordChange } from '../audit';
import { createBackup } from './create';
import { backupsDir } from './folder';
import { readRange, type BackupIo } from './io';
import type { KeyWrapper } from './keys';
import { listBackups } from './list';
import { recordCopy } from './settings';

interface CopyJob {
  readonly id: string;
  phase: BackupCopyPhase;
  done: number;
  total: number;
  error: string | null;
  filename: string | null;
  cancelled: boolean;
}

const codeOf = (e: unknown): string => (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '');

/** Why a copy to another medium failed, in words an officer can act on (the medium, not the backup). */
function copyFault(e: unknown): string {
  if (e instanceof AppError) return e.message;
  const code = codeOf(e);
  if (['ENOSPC', 'EDQUOT', 'EFBIG'].includes(code)) return 'backups.copyDiskFull';
  if (['EROFS', 'EACCES', 'EPERM'].includes(code)) return 'backups.copyReadOnly';
  // What a USB stick pulled out mid-write gives: the device or the file is gone.
  if (['EIO', 'ENXIO', 'ENODEV', 'ENOENT', 'ENOTDIR', 'EBADF'].includes(code)) return 'backups.copyMediumGone';
  return 'backups.copyFailed';
}

class Cancelled extends Error {}

async function sha256Of(path: string, size: number, onChunk: (n: number) => void, job: CopyJob): Promise<string> {
  const fh = await fsp.open(path, 'r');
  try {
    const h = createHash('sha256');
    const whole = await readRange(fh, 0, size, (c) => {
      if (job.cancelled) throw new Cancelled();
      h.update(c);
      onChunk(c.length);
    });
    if (!whole) throw new AppError('INTEGRITY', 'backups.copyMismatch');
    return h.digest('hex');
  } finally {
    await fh.close();
  }
}

/**
 * Copies to another medium (a USB stick, a second disk): the newest listed backup, or one made now
 * when there is none. Written under a temporary name, flushed, read back and its SHA-256 compared
 * with the source's, and only then renamed; the last copy that matched is recorded for Home's
 * reminder. Runs in the background; `progress` answers how far it is, `cancel` stops it, and a
 * stopped or failed copy leaves nothing in the folder. (The read-back reads what the system
 * holds of the file after the flush: the stick's own cache is beyond an application's reach.)
 */
export function backupCopies(ctx: AppContext, wrapper: KeyWrapper, io: BackupIo) {
  const jobs = new Map<string, CopyJob>();
  const view = (j: CopyJob): BackupCopyProgress => ({ copyId: j.id, phase: j.phase, done: j.done, total: j.total, error: j.error, filename: j.filename });
  const jobOf = (id: string): CopyJob => {
    const j = jobs.get(id);
    if (!j) throw new AppError('NOT_FOUND', 'backups.copyGone');
    return j;
  };

  async function run(job: CopyJob, folder: string, call: Call): Promise<void> {
    let temp: string | null = null;
    try {
      const newest = (await listBackups(ctx, wrapper)).find((b) => b.verified) ?? (await createBackup(ctx, wrapper, 'manual', io));
      if (job.cancelled) throw new Cancelled();
      const source = join(backupsDir(ctx), newest.name);
      const size = statSync(source).size;
      // Read and written, then read back: the bar covers all three.
      job.total = size * 3;
      const final = join(folder, basename(newest.name));
      temp = `${final}.${process.pid}.sementara`;
      rmSync(temp, { force: true });
      const hash = createHash('sha256');
      const sink = await io.create(temp);
      try {
        const fh = await fsp.open(source, 'r');
        try {
          const whole = await readRange(fh, 0, size, async (chunk) => {
            if (job.cancelled) throw new Cancelled();
            hash.update(chunk);
            await sink.write(chunk);
            job.done += chunk.length * 2;
          });
          if (!whole) throw new AppError('INTEGRITY', 'backups.copyMismatch');
        } finally {
          await fh.close();
        }
        await sink.sync();
      } finally {
        await sink.close();
      }
      job.phase = 'checking';
      const written = await sha256Of(temp, size, (n) => (job.done += n), job);
      if (statSync(temp).size !== size || written !== hash.digest('hex')) throw new AppError('INTEGRITY', 'backups.copyMismatch');
      if (job.cancelled) throw new Cancelled();
      await io.rename(temp, final);
      temp = null;
      const at = ctx.now().toISOString();
      ctx.db.tx(() => {
        recordCopy(ctx, { at, filename: basename(final) });
        recordChange(ctx, actorOf(call), {
          action: 'update',
          entity: 'settings',
          entityId: 'backupCopy',
          after: { at, filename: basename(final) },
          sync: false,
        });
      });
      job.filename = basename(final);
      job.done = job.total;
      job.phase = 'done';
    } catch (e) {
      if (e instanceof Cancelled) job.phase = 'cancelled';
      else {
        job.phase = 'failed';
        job.error = copyFault(e);
      }
    } finally {
      if (temp) {
        try {
          rmSync(temp, { force: true });
        } catch {
          // The medium is gone: there is nothing left to remove on it.
        }
      }
    }
  }

  return {
    start(folder: string, call: Call): BackupCopyProgress {
      let isDir = false;
      try {
        isDir = statSync(folder).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) throw fieldError('folder', 'backups.copyNoFolder');
      if ([...jobs.values()].some((j) => j.phase === 'writing' || j.phase === 'checking')) throw new AppError('CONFLICT', 'backups.copyRunning');
      const job: CopyJob = { id: randomUUID(), phase: 'writing', done: 0, total: 0, error: null, filename: null, cancelled: false };
      jobs.set(job.id, job);
      void run(job, folder, call);
      return view(job);
    },
    progress: (id: string): BackupCopyProgress => view(jobOf(id)),
    cancel(id: string): BackupCopyProgress {
      const job = jobOf(id);
      if (job.phase === 'writing' || job.phase === 'checking') job.cancelled = true;
      return view(job);
    },
  };
}
