import type { Method, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Role } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Db } from '../../db/connection';
import type { SessionStore } from './sessions';
import type { BackupSchedule } from './backup/schedule';
import type { KeyWrapper } from './backup/keys';
import type { WilayahSource } from './wilayah';

/** Everything a service needs, passed in so tests can use a temp database and a fake clock. */
export interface AppContext {
  readonly db: Db;
  readonly now: () => Date;
  readonly wilayah: WilayahSource;
  readonly sessions: SessionStore;
  readonly appVersion: string;
  /** The data folder (owner-only): the database, the audit head's anchor, files/ and keys/. */
  readonly dataDir: string;
  /** Where attachments (signed scans) are stored, by SHA-256. */
  readonly filesDir: string;
  /** Where the office's private keys live (owner-only files), apart from the database. */
  readonly keysDir: string;
  /** Prints an HTML document to PDF: Electron's printToPDF in the desktop app, headless Chromium in the web preview; null where neither exists. */
  readonly printPdf: PdfPrinter | null;
  /** The desktop's file dialogs and file manager; null in the web preview, where paths are typed. */
  readonly host: Host | null;
  /** Seals the backup key for this computer (Electron's safeStorage in the desktop app); absent, an owner-only file. */
  readonly keyWrapper?: KeyWrapper;
  /** When backups are made by themselves (set by the app core once the context exists). */
  backupSchedule?: BackupSchedule;
  /**
   * Closes the database, runs `swap` (a restore's file moves) and opens it again: the app core's
   * database handle, context and sessions are all replaced (everyone signs in again). Set by
   * createAppCore; absent elsewhere, where a restore completes at the next start.
   */
  readonly reopen?: (swap: () => void) => void;
}

export interface Host {
  chooseFolder(): Promise<string | null>;
  chooseFiles(): Promise<readonly string[]>;
  /** Shows the file in the system's file manager ("Buka folder"). */
  reveal(path: string): void;
}

/** HTML in (with its own @page size), PDF bytes out. */
export type PdfPrinter = (html: string) => Promise<Buffer>;

/** The signed-in user behind a call, as checked by the dispatcher for this very call. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface Call {
  readonly token: string | null;
  readonly actor: Actor | null;
}

export type Handler<M extends Method> = (input: ParsedInputOf<M>, call: Call) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers = { readonly [M in Method]: Handler<M> };
export type HandlersOf<K extends Method> = { readonly [M in K]: Handler<M> };

/** The actor of a call that the contract restricts to signed-in users. */
export function actorOf(call: Call): Actor {
  if (!call.actor) throw new AppError('UNAUTHENTICATED', 'auth.required');
  return call.actor;
}

export const isoNow = (ctx: AppContext) => ctx.now().toISOString();

/**
 * The new `updated_at` of a record last stamped `previous`: now, but always later than before, so
 * the optimistic-concurrency check (expectedUpdatedAt) also catches two edits within one
 * millisecond, or a PC clock that was set back.
 */
export function nextStamp(ctx: AppContext, previous: string): string {
  const now = ctx.now().getTime();
  const prev = Date.parse(previous);
  return new Date(Number.isNaN(prev) || now > prev ? now : prev + 1).toISOString();
}
