/**
 * Child process for the hostile-file test: hands one file (or paths) to the real services, as the
 * screens do, and prints one JSON line: the outcome, the longest the event loop was held, and every
 * name that ever appeared in the temp folder while it ran. Run with a small heap, a fresh TMPDIR
 * and a time limit by tests/integration/hostile-spreadsheets.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createAppCore } from '../../electron/services/app';
import { SETUP } from './fixtures';
import { PARENT_SETUP } from './offices';

export interface HostileCase {
  readonly appDir: string;
  /** read: open and wait for the outcome; cancel: open and cancel at once; inspect: bundles.inspect on `paths`. */
  readonly action: 'read' | 'cancel' | 'inspect';
  readonly file?: string;
  readonly filename?: string;
  readonly paths?: string[];
}

export interface HostileOutcome {
  readonly phase?: string;
  readonly error?: string | null;
  readonly refusals?: (string | null)[];
  readonly maxGapMs: number;
  readonly tempSeen: string[];
  readonly tempAtEnd: string[];
}

const spec = JSON.parse(process.argv[2]!) as HostileCase;
const core = createAppCore(spec.appDir);
async function call<M extends Method>(method: M, input: InputOf<M>, token: string | null = null): Promise<OutputOf<M>> {
  const r = await core.dispatch({ method, input, token });
  if (!r.ok) throw AppError.fromData(r.error);
  return r.value as OutputOf<M>;
}

const tempSeen = new Set<string>();
const lookInTemp = () => readdirSync(tmpdir()).forEach((n) => tempSeen.add(n));
let maxGapMs = 0;
let last = performance.now();
const TICK_MS = 10;
const monitor = setInterval(() => {
  const now = performance.now();
  maxGapMs = Math.max(maxGapMs, now - last - TICK_MS);
  last = now;
  lookInTemp();
}, TICK_MS);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

await call('setup.complete', spec.action === 'inspect' ? PARENT_SETUP : SETUP);
const { token } = await call('auth.login', { username: 'admin', password: SETUP.admin.password });
// Setting up the office (password hashing) is not what is measured.
maxGapMs = 0;
last = performance.now();

let result: Omit<HostileOutcome, 'maxGapMs' | 'tempSeen' | 'tempAtEnd'>;
if (spec.action === 'inspect') {
  const found = await call('bundles.inspect', { paths: spec.paths! }, token);
  result = { refusals: found.map((f) => f.error?.key ?? null) };
} else {
  const base64 = readFileSync(spec.file!).toString('base64');
  const opened = await call('imports.open', { filename: spec.filename ?? 'klien.xlsx', base64 }, token);
  if (spec.action === 'cancel') await call('imports.cancel', { jobId: opened.jobId }, token);
  let status = await call('imports.status', { jobId: opened.jobId }, token);
  while (status.phase === 'reading') {
    await pause(20);
    status = await call('imports.status', { jobId: opened.jobId }, token);
  }
  // A cancelled read stops at its next chunk: give it a few turns to get there before the last look.
  for (let i = 0; i < 10; i++) await pause(20);
  result = { phase: status.phase, error: status.error };
}
clearInterval(monitor);
lookInTemp();
const outcome: HostileOutcome = { ...result, maxGapMs: Math.round(maxGapMs), tempSeen: [...tempSeen], tempAtEnd: readdirSync(tmpdir()) };
core.close();
process.stdout.write(`${JSON.stringify(outcome)}\n`);
process.exit(0);
