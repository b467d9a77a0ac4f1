import { AppError, fieldError } from '../../shared/errors';
import type { OfficeSettings, SecuritySettings, Settings } from '../../shared/types';
import { LATEST_VERSION } from '../../db/migrations/index';
import { getSetting, putSetting } from '../../db/repositories/settings';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { recordChange } from './audit';

export const DEFAULT_SECURITY: SecuritySettings = { idleLockMinutes: 15 };

export function officeSettings(ctx: AppContext): OfficeSettings | null {
  return getSetting<OfficeSettings>(ctx.db, 'office');
}

/** The office code stamped as `origin` on every record; empty only before setup. */
export function officeCode(ctx: AppContext): string {
  return officeSettings(ctx)?.code ?? '';
}

export function securitySettings(ctx: AppContext): SecuritySettings {
  return { ...DEFAULT_SECURITY, ...(getSetting<Partial<SecuritySettings>>(ctx.db, 'security') ?? {}) };
}

export function settingsOf(ctx: AppContext): Settings {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  return { office, security: securitySettings(ctx) };
}

/** Coverage must name real kabupaten/kota; the schema only checks the code's shape. */
export async function checkCoverage(ctx: AppContext, coverage: readonly string[], field: string): Promise<void> {
  const known = new Set((await ctx.wilayah.regencies()).map((r) => r.code));
  const unknown = coverage.find((c) => !known.has(c));
  if (unknown) throw fieldError(field, 'v.wilayahUnknown', { code: unknown });
}

export function settingsHandlers(ctx: AppContext): HandlersOf<'app.status' | 'settings.get' | 'settings.update'> {
  return {
    'app.status': () => {
      const office = officeSettings(ctx);
      return {
        setupDone: office !== null,
        officeName: office?.name ?? null,
        officeKind: office?.kind ?? null,
        timeZone: office?.timeZone ?? 'WIB',
        appVersion: ctx.appVersion,
        schemaVersion: LATEST_VERSION,
        canPrintPdf: ctx.printPdf !== null,
      };
    },
    'settings.get': () => settingsOf(ctx),
    'settings.update': async (input, call) => {
      const actor = actorOf(call);
      if (input.office) await checkCoverage(ctx, input.office.coverage, 'office.coverage');
      return ctx.db.tx(() => {
        const before = settingsOf(ctx);
        if (input.office && input.office.code !== before.office.code) {
          // The code is the origin of every record and names every bundle: it cannot change.
          throw fieldError('office.code', 'settings.codeFixed');
        }
        const now = isoNow(ctx);
        if (input.office) putSetting(ctx.db, 'office', input.office, now);
        if (input.security) putSetting(ctx.db, 'security', input.security, now);
        const after = settingsOf(ctx);
        recordChange(ctx, actor, { action: 'update', entity: 'settings', entityId: 'settings', before, after, sync: false });
        return after;
      });
    },
  };
}
