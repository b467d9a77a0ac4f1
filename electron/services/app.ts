import { join } from 'node:path';
import { openDb, type Db } from '../../db/connection';
import { activityHandlers } from './activities';
import { agreementHandlers } from './agreements';
import { agreementCountHandlers } from './agreementCounts';
import { auditHandlers } from './audit';
import { anchorAuditHead } from './auditAnchor';
import { backupHandlers } from './backup/handlers';
import { backupPanelHandlers } from './backup/panelHandlers';
import { BackupSchedule } from './backup/schedule';
import { startupCheck, recoveryProblem } from './backup/dbCheck';
import { ownerOnlyFile, type KeyWrapper } from './backup/keys';
import type { RecoveryFolder } from './backup/recovery';
import { createRecoveryDispatcher } from './backup/recoveryMode';
import { restoreHandlers } from './backup/restoreHandlers';
import { DB_NAME, settleRestore } from './backup/restoreSwap';
import type { RecoveryProblem } from '../../shared/backups';
import { bundleHandlers, hostHandlers, settleReservedExports } from './bundles/index';
import { caseloadHandlers } from './caseload';
import { checkinHandlers } from './checkins';
import { clientHandlers } from './clients';
import { importHandlers } from './imports';
import type { AppContext, Handlers, Host, PdfPrinter } from './context';
import { createDispatcher, type Dispatch } from './dispatch';
import { pairingHandlers } from './pairing';
import { ensurePrivateDir, tightenDir } from './privateFiles';
import { partnerHandlers } from './partners';
import { pokmasHandlers } from './pokmas';
import { printingHandlers } from './printing';
import { referralHandlers } from './referrals';
import { referralRegisterHandlers } from './referralRegister';
import { registerHandlers } from './registers/handlers';
import { referenceHandlers } from './reference';
import { reportOutputHandlers } from './reportOutput';
import { reportHandlers } from './reports';
import { seriesHandlers } from './reportSeries';
import { reportVersionHandlers } from './reportVersions';
import { SessionStore } from './sessions';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { templateHandlers } from './templates';
import { authHandlers, userHandlers } from './users';
import { createWilayahSource, type WilayahSource } from './wilayah';

export const APP_VERSION = '0.1.0';
export const DB_FILE = DB_NAME;

/** The full service table; `satisfies` makes a method missing from the contract a build error. */
export function buildHandlers(ctx: AppContext): Handlers {
  return {
    ...settingsHandlers(ctx),
    ...setupHandlers(ctx),
    ...authHandlers(ctx),
    ...userHandlers(ctx),
    ...referenceHandlers(ctx),
    ...partnerHandlers(ctx),
    ...pokmasHandlers(ctx),
    ...agreementHandlers(ctx),
    ...agreementCountHandlers(ctx),
    ...templateHandlers(ctx),
    ...clientHandlers(ctx),
    ...referralHandlers(ctx),
    ...referralRegisterHandlers(ctx),
    ...checkinHandlers(ctx),
    ...caseloadHandlers(ctx),
    ...importHandlers(ctx),
    ...activityHandlers(ctx),
    ...pairingHandlers(ctx),
    ...bundleHandlers(ctx),
    ...hostHandlers(ctx),
    ...printingHandlers(ctx),
    ...registerHandlers(ctx),
    ...auditHandlers(ctx),
    ...reportHandlers(ctx),
    ...seriesHandlers(ctx),
    ...reportVersionHandlers(ctx),
    ...reportOutputHandlers(ctx),
    ...backupHandlers(ctx),
    ...backupPanelHandlers(ctx),
    ...restoreHandlers(ctx),
  } satisfies Handlers;
}

export interface AppCore {
  /** The open database's context; throws in recovery mode, where there is none. */
  readonly ctx: AppContext;
  readonly dispatch: Dispatch;
  readonly db: Db;
  /** Why the database could not be opened (recovery mode: only the recovery methods answer), or null. */
  readonly recovery: RecoveryProblem | null;
  /** When backups are made by themselves (of the open database). */
  readonly backupSchedule: BackupSchedule;
  /** Closes at once (no backup). */
  close(): void;
  /** Closes after the at-close backup (when something changed), waiting at most `CLOSE_BACKUP_MS` for it. */
  shutdown(): Promise<void>;
}

/** Shared wilayah lists: read-only data, so one copy serves every app instance in a process. */
let sharedWilayah: WilayahSource | null = null;

interface CoreOptions {
  now?: () => Date;
  nativeBinding?: string;
  printPdf?: PdfPrinter;
  host?: Host;
  keyWrapper?: KeyWrapper;
  /** 'auto' (the apps): the at-start backup and the hourly timer; 'manual' (tests): only what calls and shutdown ask for. */
  backupSchedule?: 'auto' | 'manual';
}

interface OpenCore {
  readonly ctx: AppContext;
  readonly db: Db;
  readonly dispatch: Dispatch;
  close(): void;
}

/** The database opened (checked, migrated) and the services wired on it. Throws when it cannot be opened. */
function openCore(dataDir: string, opts: CoreOptions, now: () => Date, reopen: (swap: () => void) => void): OpenCore {
  const check = startupCheck(dataDir, now);
  const db = openDb(join(dataDir, DB_FILE), { check, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    sharedWilayah ??= createWilayahSource();
    const ctx: AppContext = {
      db,
      now,
      wilayah: sharedWilayah,
      sessions: new SessionStore(),
      appVersion: APP_VERSION,
      dataDir,
      filesDir: join(dataDir, 'files'),
      keysDir: join(dataDir, 'keys'),
      printPdf: opts.printPdf ?? null,
      host: opts.host ?? null,
      reopen,
      ...(opts.keyWrapper ? { keyWrapper: opts.keyWrapper } : {}),
    };
    // Every committed transaction that added audit entries moves the signed anchor (cheap otherwise).
    db.afterEachCommit(() => anchorAuditHead(ctx));
    const backupSchedule = new BackupSchedule(ctx);
    ctx.backupSchedule = backupSchedule;
    db.afterEachCommit(() => backupSchedule.markChanged());
    const dispatch = createDispatcher(ctx, buildHandlers(ctx));
    // An export interrupted by a crash or power cut is completed or abandoned before anything else runs.
    settleReservedExports(ctx);
    const close = () => {
      if (db.raw.open) {
        try {
          anchorAuditHead(ctx);
        } catch (e) {
          console.error('[audit] anchoring the head at close failed:', e instanceof Error ? e.message : e);
        }
      }
      backupSchedule.stop();
      db.close();
    };
    if ((opts.backupSchedule ?? 'auto') === 'auto') backupSchedule.start();
    return { ctx, db, dispatch, close };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens the data folder's database and wires the services; used by both transports and by tests.
 * One path for every start: a restore left pending by a crash is completed first (restoreSwap.ts);
 * then the database is checked and opened. When that fails (damaged, not a database, from a newer
 * version) the core starts in recovery mode instead of throwing: `app.status` says so and only the
 * recovery methods answer, so the window shows the recovery screen rather than a crash or a raw
 * message. A restore replaces the open core in place (`ctx.reopen`); the transports keep calling
 * the same `dispatch`.
 */
export function createAppCore(dataDir: string, opts: CoreOptions = {}): AppCore {
  // Personal data and keys: owner-only folders, tightened too when an older version made them.
  ensurePrivateDir(dataDir);
  // files/ and keys/ are made (owner-only) by their first write; an older version's are tightened.
  for (const d of ['files', 'keys', 'backups', 'tmp', 'restore', 'salinan']) tightenDir(join(dataDir, d));
  const now = opts.now ?? (() => new Date());
  let open: OpenCore | null = null;
  let recovery: RecoveryFolder | null = null;

  const start = () => {
    try {
      settleRestore(dataDir);
      open = openCore(dataDir, opts, now, reopen);
      recovery = null;
    } catch (e) {
      const problem = recoveryProblem(e);
      console.error(`[start] the database could not be opened (${problem}):`, e instanceof Error ? e.message : e);
      recovery = { dataDir, keysDir: join(dataDir, 'keys'), now, wrapper: opts.keyWrapper ?? ownerOnlyFile, problem };
    }
  };
  function reopen(swap: () => void): void {
    const was = open;
    open = null;
    was?.close();
    try {
      swap();
    } finally {
      start();
    }
  }
  start();

  const recoveryDispatch = createRecoveryDispatcher(() => (open ? null : recovery), reopen, APP_VERSION);
  const dispatch: Dispatch = (envelope) => (open ? open.dispatch(envelope) : recoveryDispatch(envelope));
  const opened = (): OpenCore => {
    if (!open) throw new Error('the database is not open (recovery mode)');
    return open;
  };
  return {
    get ctx() {
      return opened().ctx;
    },
    get db() {
      return opened().db;
    },
    get recovery() {
      return open ? null : (recovery?.problem ?? 'unreadable');
    },
    get backupSchedule() {
      return opened().ctx.backupSchedule!;
    },
    dispatch,
    close: () => open?.close(),
    // The at-close backup (when something changed) of the open database, then the close, whatever happens.
    shutdown: async () => {
      const was = open;
      try {
        if (was && was.db.raw.open) await was.ctx.backupSchedule!.atClose();
      } finally {
        open?.close();
      }
    },
  };
}
