import { localDateOf } from '../../shared/format';
import { AppError, fieldError } from '../../shared/errors';
import { imageSize } from 'image-size';
import type { LogoImage, LogoInfo, OfficeSettings, SecuritySettings, Settings } from '../../shared/types';
import { LATEST_VERSION } from '../../db/migrations/index';
import { getSetting, putSetting } from '../../db/repositories/settings';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { recordChange } from './audit';
import { readStoredFile, sniffScanType, storeFile } from './files';

export const DEFAULT_SECURITY: SecuritySettings = { idleLockMinutes: 15, pimpinanSeesNik: false, bundlesIncludeNik: false };

export function officeSettings(ctx: AppContext): OfficeSettings | null {
  // Offices set up before the kop had a phone and e-mail line have neither stored.
  const stored = getSetting<Omit<OfficeSettings, 'phone' | 'email'> & Partial<OfficeSettings>>(ctx.db, 'office');
  return stored && { ...stored, phone: stored.phone ?? '', email: stored.email ?? '' };
}

/** The office's calendar date now: days (due dates, "today", statuses) turn at the office's midnight, not UTC's. */
export function officeToday(ctx: AppContext): string {
  return localDateOf(ctx.now(), officeSettings(ctx)?.timeZone ?? 'WIB');
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
  return { office, security: securitySettings(ctx), logo: logoInfo(ctx) };
}

export const MAX_LOGO_BYTES = 1024 * 1024;
/** A kop logo is printed about 25 mm tall; anything outside these pixel sizes is a mistake or a trap. */
const LOGO_PIXELS = { min: 16, max: 4000 } as const;

export const logoInfo = (ctx: AppContext): LogoInfo | null => getSetting<LogoInfo>(ctx.db, 'logo');

/** The logo with its bytes, re-checked against its SHA-256 on every read. */
export function logoImage(ctx: AppContext): LogoImage | null {
  const info = logoInfo(ctx);
  return info ? { ...info, base64: readStoredFile(ctx.filesDir, info.sha256).toString('base64') } : null;
}

/** Checks an uploaded logo by content: PNG or JPEG that really decodes to a sane size, at most 1 MB. */
function checkLogo(bytes: Buffer): Omit<LogoInfo, 'sha256'> {
  if (bytes.length === 0) throw fieldError('file', 'scans.empty');
  if (bytes.length > MAX_LOGO_BYTES) throw fieldError('file', 'logo.tooLarge');
  const mime = sniffScanType(bytes);
  if (mime !== 'image/png' && mime !== 'image/jpeg') throw fieldError('file', 'logo.wrongType');
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw fieldError('file', 'logo.unreadable');
  }
  const { width = 0, height = 0 } = size;
  const ok = (n: number) => Number.isInteger(n) && n >= LOGO_PIXELS.min && n <= LOGO_PIXELS.max;
  if (!ok(width) || !ok(height)) throw fieldError('file', 'logo.badSize', { min: LOGO_PIXELS.min, max: LOGO_PIXELS.max });
  return { mime, width, height };
}

/** Coverage must name real kabupaten/kota; the schema only checks the code's shape. */
export async function checkCoverage(ctx: AppContext, coverage: readonly string[], field: string): Promise<void> {
  const known = new Set((await ctx.wilayah.regencies()).map((r) => r.code));
  const unknown = coverage.find((c) => !known.has(c));
  if (unknown) throw fieldError(field, 'v.wilayahUnknown', { code: unknown });
}

export function settingsHandlers(ctx: AppContext): HandlersOf<'app.status' | 'settings.get' | 'settings.update' | 'settings.setLogo' | 'settings.logo'> {
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
    'settings.logo': () => logoImage(ctx),
    'settings.setLogo': (input, call) => {
      const actor = actorOf(call);
      let next: LogoInfo | null = null;
      if (input.base64 !== null) {
        const bytes = Buffer.from(input.base64, 'base64');
        const checked = checkLogo(bytes);
        // On disk (flushed) before the setting that names it is committed.
        next = { ...checked, sha256: storeFile(ctx.filesDir, bytes) };
      }
      return ctx.db.tx(() => {
        const before = logoInfo(ctx);
        putSetting(ctx.db, 'logo', next, isoNow(ctx));
        recordChange(ctx, actor, { action: 'update', entity: 'settings', entityId: 'logo', before, after: next, sync: false });
        return settingsOf(ctx);
      });
    },
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
