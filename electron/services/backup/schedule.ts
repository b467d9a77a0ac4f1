import type { BackupReason, BackupRow } from '../../../shared/backups';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import { officeSettings } from '../settings';
import { createBackup } from './create';
import { nodeBackupIo, type BackupIo } from './io';
import { ownerOnlyFile } from './keys';
import { listBackups } from './list';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How often the timer looks whether an hour of use has passed (the hour itself is read off the app's clock). */
const TICK_MS = 5 * 60_000;
/** An import that writes more rows than this gets a backup first. */
export const IMPORT_BACKUP_ROWS = 50;
/** Closing never waits longer than this for its backup: a slow disk must not keep the app from quitting. */
export const CLOSE_BACKUP_MS = 60_000;

export interface BackupFailure {
  readonly at: string;
  readonly message: string;
}

/**
 * When backups are made by themselves: at start when the newest is older than a day, after each
 * hour of use in which something was committed, at close when something changed since the last,
 * and before an import of many rows. Every one runs through `createBackup` (async, one at a time),
 * and a failure never reaches the caller: it is kept for the panel and Home until one succeeds.
 */
export class BackupSchedule {
  private changed = false;
  /** The app's clock when the last automatic backup was made or the app started. */
  private since: number;
  private current: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  private failure: BackupFailure | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly io: BackupIo = nodeBackupIo,
  ) {
    this.since = ctx.now().getTime();
  }

  /** Called after every committed transaction. */
  markChanged(): void {
    this.changed = true;
  }

  lastFailure(): BackupFailure | null {
    return this.failure;
  }

  /** The at-start check, then the hourly timer (unref'd: it never keeps a process alive). */
  start(): void {
    this.current = this.atStart();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves once the backup the schedule is making (if any) has finished, whatever its outcome. */
  idle(): Promise<void> {
    return this.current.then(
      () => undefined,
      () => undefined,
    );
  }

  async atStart(): Promise<BackupRow | null> {
    if (!officeSettings(this.ctx)) return null;
    const newest = await this.guarded(async () => (await listBackups(this.ctx, this.ctx.keyWrapper ?? ownerOnlyFile))[0] ?? null, false);
    if (newest === undefined) return null;
    if (newest && this.ctx.now().getTime() - Date.parse(newest.createdAt) < DAY) return null;
    return this.run('atStart');
  }

  /** An hour of use since the last automatic backup, and something changed: one more. */
  async tick(): Promise<BackupRow | null> {
    if (!this.changed || this.ctx.now().getTime() - this.since < HOUR) return null;
    return this.run('scheduled');
  }

  /** Before an import writes `rows` rows: a backup first when they are many. Never refuses the import. */
  async beforeImport(rows: number): Promise<void> {
    if (rows > IMPORT_BACKUP_ROWS) await this.run('beforeImport');
  }

  /** At close, when something changed since the last: bounded, so closing always goes on. */
  async atClose(timeoutMs = CLOSE_BACKUP_MS): Promise<void> {
    this.stop();
    if (!this.changed) return;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.run('atClose'), new Promise<void>((ok) => (timeout = setTimeout(ok, timeoutMs)))]);
    clearTimeout(timeout);
  }

  private run(reason: BackupReason): Promise<BackupRow | null> {
    if (!officeSettings(this.ctx)) return Promise.resolve(null);
    // Changes committed while this one is made count for the next.
    this.changed = false;
    this.since = this.ctx.now().getTime();
    const made = this.guarded(() => createBackup(this.ctx, this.ctx.keyWrapper ?? ownerOnlyFile, reason, this.io)).then((row) => {
      if (row === undefined) this.changed = true;
      return row ?? null;
    });
    this.current = made;
    return made;
  }

  /** `fn`'s result, or undefined when it failed (then kept as the failure the screens show). */
  private async guarded<T>(fn: () => Promise<T>, clears = true): Promise<T | undefined> {
    try {
      const out = await fn();
      if (clears) this.failure = null;
      return out;
    } catch (e) {
      const message = e instanceof AppError ? e.message : 'backups.autoFailed';
      this.failure = { at: this.ctx.now().toISOString(), message };
      if (!(e instanceof AppError)) console.error('[backup] an automatic backup failed:', e instanceof Error ? e.message : e);
      return undefined;
    }
  }
}
