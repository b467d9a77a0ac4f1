import { isMessageKey } from '../../shared/i18n/index';
import type { z } from 'zod';
import { contract, isMethod, mayCall, type Method } from '../../shared/contract';
import { AppError, type ErrorData, type RpcResult } from '../../shared/errors';
import type { AppContext, Call, Handlers } from './context';
import { officeSettings, securitySettings } from './settings';
import { actorForSession } from './users';

/** What every transport hands over: the method name, its raw input and the session token. */
export interface Envelope {
  readonly method: unknown;
  readonly input: unknown;
  readonly token: unknown;
}

/** Methods usable before setup: the wizard itself and the status probe. */
const BEFORE_SETUP = new Set<Method>(['app.status', 'setup.complete', 'setup.regencies']);
/** Methods a locked session may still call: to unlock, or to leave. */
const WHILE_LOCKED = new Set<Method>(['auth.unlock', 'auth.logout']);

/** Turns zod issues into field errors whose values are i18n keys. */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    // Schema messages are catalogue keys; zod's own English defaults are replaced by ours.
    fields[path] = isMessageKey(issue.message) ? issue.message : issueKey(issue);
  }
  return new AppError('VALIDATION', 'v.form', { fields });
}

function issueKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'v.required' : 'v.range';
    case 'too_big':
      return issue.origin === 'string' ? 'v.tooLong' : 'v.range';
    case 'invalid_value':
      return 'v.choose';
    case 'unrecognized_keys':
      return 'v.unknownField';
    default:
      return 'v.invalid';
  }
}

/**
 * The single entry point of the application logic, shared by the Electron IPC transport and the
 * loopback web transport. Order matters: method, setup gate, session and lock, role, input; only
 * then the handler. Every failure comes back as data with a closed error code.
 */
export function createDispatcher(ctx: AppContext, handlers: Handlers) {
  return async function dispatch(envelope: Envelope): Promise<RpcResult<unknown>> {
    try {
      const { method } = envelope;
      if (!isMethod(method)) throw new AppError('VALIDATION', 'rpc.unknownMethod');
      const spec = contract[method];
      if (!BEFORE_SETUP.has(method) && !officeSettings(ctx)) throw new AppError('SETUP_REQUIRED', 'setup.required');

      const token = typeof envelope.token === 'string' && envelope.token.length <= 100 ? envelope.token : null;
      let call: Call = { token: null, actor: null };
      if (spec.access !== 'public') {
        const session = ctx.sessions.get(token);
        const actor = session ? actorForSession(ctx, session.userId) : null;
        if (!session || !actor) {
          if (session) ctx.sessions.end(session.token);
          throw new AppError('UNAUTHENTICATED', 'auth.required');
        }
        const now = ctx.now().getTime();
        if (now - session.lastActivity > securitySettings(ctx).idleLockMinutes * 60_000) session.locked = true;
        if (session.locked && !WHILE_LOCKED.has(method)) throw new AppError('SESSION_LOCKED', 'auth.sessionLocked');
        if (!mayCall(spec.access, actor.role)) throw new AppError('FORBIDDEN', 'auth.forbidden');
        session.lastActivity = now;
        call = { token: session.token, actor };
      }

      const parsed = spec.input.safeParse(envelope.input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const handler = handlers[method] as (input: unknown, call: Call) => unknown;
      const value = await handler(parsed.data, call);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorData(e, envelope.method) };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

export function toErrorData(e: unknown, method: unknown): ErrorData {
  if (e instanceof AppError) return e.toData();
  // Unexpected: log the method and the error (never the input: it may hold personal data).
  console.error(`[rpc] ${String(method).slice(0, 60)} failed:`, e instanceof Error ? e.stack : e);
  return { code: 'INTERNAL', message: 'rpc.internal' };
}
