import { contract, isMethod } from '../../../shared/contract';
import { AppError, type RpcResult } from '../../../shared/errors';
import { LATEST_VERSION } from '../../../db/migrations/index';
import type { Envelope } from '../dispatch';
import { toErrorData, validationError } from '../dispatch';
import { recoveryState, salvage, stageLatestGood, type RecoveryFolder } from './recovery';
import { applyPendingRestore } from './restoreSwap';

/**
 * The dispatcher while the database cannot be opened: `app.status` (which carries the recovery
 * state, so the window shows the recovery screen) and the two recovery methods; every other
 * method is refused in words. No session is checked: without the database there are no users,
 * and whoever reaches the transport is this computer's user (see the transports' own defences).
 */
export function createRecoveryDispatcher(folder: () => RecoveryFolder | null, reopen: (swap: () => void) => void, appVersion: string) {
  return async function dispatch(envelope: Envelope): Promise<RpcResult<unknown>> {
    try {
      const { method } = envelope;
      if (!isMethod(method)) throw new AppError('VALIDATION', 'rpc.unknownMethod');
      if (method !== 'app.status' && method !== 'recovery.restoreLatest' && method !== 'recovery.salvage') throw new AppError('UNAVAILABLE', 'recovery.active');
      const parsed = contract[method].input.safeParse(envelope.input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const f = folder();
      if (!f) throw new AppError('UNAVAILABLE', 'recovery.active');
      if (method === 'app.status')
        return {
          ok: true,
          value: {
            setupDone: false,
            officeName: null,
            officeKind: null,
            timeZone: 'WIB',
            appVersion,
            schemaVersion: LATEST_VERSION,
            canPrintPdf: false,
            recovery: await recoveryState(f),
          },
        };
      if (method === 'recovery.salvage') return { ok: true, value: salvage(f) };
      const result = await stageLatestGood(f);
      reopen(() => void applyPendingRestore(f.dataDir));
      // Still in recovery mode: the restored database did not open either.
      if (folder()) throw new AppError('UNAVAILABLE', 'recovery.restoreFailed');
      return { ok: true, value: result };
    } catch (e) {
      return { ok: false, error: toErrorData(e, envelope.method) };
    }
  };
}
