import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createAppCore, type AppCore } from '../../electron/services/app';
import type { PdfPrinter } from '../../electron/services/context';
import { SETUP } from './fixtures';

export { PARTNER, SETUP } from './fixtures';

/** A real app core on a real SQLite file in a fresh temp folder, with a clock the test controls. */
export interface TestApp extends AppCore {
  readonly dir: string;
  clock: { now: Date };
  call<M extends Method>(method: M, input: InputOf<M>, token?: string | null): Promise<OutputOf<M>>;
  /** Calls and returns the error; fails the test when the call succeeds. */
  fail<M extends Method>(method: M, input: unknown, token?: string | null): Promise<AppError>;
  dispose(): void;
}

/** `opts.dir` reopens an existing data folder (as a restart of the app would). */
export function makeApp(
  start = new Date('2025-03-05T03:00:00Z'),
  opts: { printPdf?: PdfPrinter; dir?: string; backupSchedule?: 'auto' | 'manual' } = {},
): TestApp {
  const { dir: existing, ...coreOpts } = opts;
  const dir = existing ?? mkdtempSync(join(tmpdir(), 'mitra-test-'));
  const clock = { now: start };
  // The backup schedule runs only where a test asks for it ('auto'); otherwise only calls start backups.
  const core = createAppCore(dir, { now: () => clock.now, backupSchedule: 'manual', ...coreOpts });
  return {
    // Getters: a restore replaces the core's database and context in place.
    get ctx() {
      return core.ctx;
    },
    get db() {
      return core.db;
    },
    get recovery() {
      return core.recovery;
    },
    get backupSchedule() {
      return core.backupSchedule;
    },
    dispatch: core.dispatch,
    close: core.close,
    shutdown: core.shutdown,
    dir,
    clock,
    async call(method, input, token = null) {
      const r = await core.dispatch({ method, input, token });
      if (!r.ok) throw AppError.fromData(r.error);
      return r.value as never;
    },
    async fail(method, input, token = null) {
      const r = await core.dispatch({ method, input, token });
      if (r.ok) throw new Error(`${method} was expected to fail but succeeded`);
      return AppError.fromData(r.error);
    },
    dispose() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Setup done and an admin signed in; returns the admin's token. */
export async function setUpOffice(app: TestApp): Promise<string> {
  await app.call('setup.complete', SETUP);
  const s = await app.call('auth.login', { username: 'admin', password: SETUP.admin.password });
  return s.token;
}

/** Creates a user with `role` and signs them in; returns the token. */
export async function signInAs(
  app: TestApp,
  adminToken: string,
  role: 'admin' | 'petugas' | 'pimpinan' | 'operator',
  username: string = role,
): Promise<string> {
  const password = 'sandi-petugas-1';
  await app.call('users.create', { name: `Pengguna ${role}`, nip: '', position: '', username, role, password, passwordConfirm: password }, adminToken);
  return (await app.call('auth.login', { username, password })).token;
}
