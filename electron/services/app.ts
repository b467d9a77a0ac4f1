import { join } from 'node:path';
import { openDb, type Db } from '../../db/connection';
import { activityHandlers } from './activities';
import { agreementHandlers } from './agreements';
import { agreementCountHandlers } from './agreementCounts';
import { auditHandlers } from './audit';
import { anchorAuditHead } from './auditAnchor';
import { backupHandlers } from './backup/handlers';
import { backupPanelHandlers } from './backup/panelHandlers';
import type { KeyWrapper } from './backup/keys';
import { BackupSchedule } from './backup/schedule';
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
export const DB_FILE = 'mitra-lipas.sqlite';

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
  } satisfies Handlers;
}

export interface AppCore {
  readonly ctx: AppContext;
  readonly dispatch: Dispatch;
  readonly db: Db;
  readonly backupSchedule: BackupSchedule;
  /** Closes at once (no backup). */
  close(): void;
  /** Closes after the at-close backup (when something changed), waiting at most `CLOSE_BACKUP_MS` for it. */
  shutdown(): Promise<void>;
}

/** Shared wilayah lists: read-only data, so one copy serves every app instance in a process. */
let sharedWilayah: WilayahSource | null = null;

/** Opens the data folder's database and wires the services; used by both transports and by tests. */
export function createAppCore(
  dataDir: string,
  opts: {
    now?: () => Date;
    nativeBinding?: string;
    printPdf?: PdfPrinter;
    host?: Host;
    keyWrapper?: KeyWrapper;
    /** 'auto' (the apps): the at-start backup and the hourly timer; 'manual' (tests): only what calls and shutdown ask for. */
    backupSchedule?: 'auto' | 'manual';
  } = {},
): AppCore {
  // Personal data and keys: owner-only folders, tightened too when an older version made them.
  ensurePrivateDir(dataDir);
  // files/ and keys/ are made (owner-only) by their first write; an older version's are tightened.
  tightenDir(join(dataDir, 'files'));
  tightenDir(join(dataDir, 'keys'));
  tightenDir(join(dataDir, 'backups'));
  tightenDir(join(dataDir, 'tmp'));
  const db = openDb(join(dataDir, DB_FILE), opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  sharedWilayah ??= createWilayahSource();
  const ctx: AppContext = {
    db,
    now: opts.now ?? (() => new Date()),
    wilayah: sharedWilayah,
    sessions: new SessionStore(),
    appVersion: APP_VERSION,
    dataDir,
    filesDir: join(dataDir, 'files'),
    keysDir: join(dataDir, 'keys'),
    printPdf: opts.printPdf ?? null,
    host: opts.host ?? null,
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
  const shutdown = async () => {
    try {
      if (db.raw.open) await backupSchedule.atClose();
    } finally {
      close();
    }
  };
  if ((opts.backupSchedule ?? 'auto') === 'auto') backupSchedule.start();
  return { ctx, dispatch, db, backupSchedule, close, shutdown };
}
