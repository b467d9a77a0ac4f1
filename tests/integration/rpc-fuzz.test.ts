import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import { dumpDb } from '../support/dump';
import { makeApp, PARTNER, setUpOffice, signInAs, type TestApp } from '../support/app';

/**
 * Random and malformed input to every method, as every role and with no session: the answer is
 * always well-formed data with a known code, never a crash or an INTERNAL error, and a refused
 * call leaves the database byte-for-byte as it was.
 */
let app: TestApp;
const tokens: Record<string, string | null> = { none: null };
const userIds: Record<string, string> = {};

beforeAll(async () => {
  app = makeApp();
  tokens.admin = await setUpOffice(app);
  for (const role of ['petugas', 'pimpinan', 'operator'] as const) tokens[role] = await signInAs(app, tokens.admin, role);
  for (const u of await app.call('users.list', {}, tokens.admin)) userIds[u.username] = u.id;
  await app.call('partners.create', PARTNER, tokens.admin);
});
afterAll(() => app.dispose());

/**
 * Keeps the callers signed in and unlocked when a random call happened to lock or end a session
 * (a random auth.login may even lock an account, so sessions are restored directly).
 */
function keepSessions(): void {
  for (const [who, token] of Object.entries(tokens)) {
    if (!token) continue;
    const s = app.ctx.sessions.get(token);
    if (s) {
      s.locked = false;
      s.lastActivity = app.clock.now.getTime();
    } else tokens[who] = app.ctx.sessions.create(userIds[who]!, app.clock.now.getTime()).token;
  }
}

/**
 * A refused sign-in or unlock is itself recorded, by design: the failed-attempt counter (toward the
 * lockout) and an audit entry. For those two methods everything else must stay unchanged.
 */
const RECORDS_FAILED_ATTEMPTS = new Set(['auth.login', 'auth.unlock']);
function dumpOf(method: string): string {
  if (!RECORDS_FAILED_ATTEMPTS.has(method)) return dumpDb(app.db);
  const users = app.db.raw.prepare('SELECT id, username, name, role, password_hash, active, updated_at FROM users ORDER BY id').all();
  const dump = JSON.parse(dumpDb(app.db)) as [string, unknown][];
  return JSON.stringify([users, dump.filter(([table]) => !['audit_log', 'settings', 'users', 'sqlite_sequence'].includes(table))]);
}

function inputArbitrary(schema: z.ZodType) {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const wild = fc.oneof(fc.anything(), fc.string({ maxLength: 5000 }), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 5 }));
  return fc.oneof(
    fc.anything(),
    fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 4 }),
    keys.length ? fc.dictionary(fc.constantFrom(...keys), wild, { maxKeys: keys.length }) : fc.constant({}),
    fc.constant({ __proto__: { admin: true } }),
    fc.constant({ ...Object.fromEntries(keys.map((k) => [k, 'x'.repeat(100_000)])) }),
  );
}

describe('every RPC method under random input', () => {
  it.each(METHODS)('%s answers only with well-formed data and changes nothing when it refuses', async (method) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(tokens)), inputArbitrary(contract[method].input), async (who, input) => {
        const before = dumpOf(method);
        const result = await app.dispatch({ method, input, token: tokens[who] });
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
          expect(typeof result.error.message).toBe('string');
          expect(dumpOf(method)).toBe(before);
        }
        keepSessions();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  });

  it('refuses unknown methods and malformed envelopes', async () => {
    for (const method of ['nope', '__proto__', 'constructor', 42, null, 'partners.list.extra']) {
      const r = await app.dispatch({ method, input: {}, token: tokens.admin });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'rpc.unknownMethod' } });
    }
    expect(await app.dispatch({ method: 'partners.list', input: {}, token: { toString: () => tokens.admin } })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
