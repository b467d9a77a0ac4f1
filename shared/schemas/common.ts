import { z } from 'zod';
import { isIsoDate, isWilayahCode, isWithin, normalizePhone } from '../validate';

/**
 * Building blocks of every input schema. Messages are i18n keys (see shared/i18n); the main
 * process turns zod issues into field errors with these keys.
 */
export const text = (max: number) => z.string().trim().max(max, 'v.tooLong');
export const requiredText = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');
export const optionalText = (max: number) => text(max).default('');

/** A UUIDv7 as the app makes them. */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const id = z.string().regex(ID_PATTERN, 'v.invalid');
export const isoDate = z.string().refine(isIsoDate, 'v.date');
export const timestamp = z.string().max(40);

export const regencyCode = z.string().refine((s) => isWilayahCode('regency', s), 'v.wilayah');
export const districtCode = z.string().refine((s) => isWilayahCode('district', s), 'v.wilayah');
export const villageCode = z.string().refine((s) => isWilayahCode('village', s), 'v.wilayah');

/** Optional phone: blank stays blank, anything else must normalise to +62... */
export const phone = z
  .string()
  .trim()
  .max(40, 'v.tooLong')
  .refine((s) => s === '' || normalizePhone(s) !== null, 'v.phone')
  .transform((s) => (s === '' ? '' : (normalizePhone(s) ?? s)));

export const email = z
  .string()
  .trim()
  .max(120, 'v.tooLong')
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'v.email');

export function uniqueArray<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max, 'v.tooMany')
    .refine((a) => new Set(a).size === a.length, 'v.duplicateItems');
}

export const empty = z.object({}).strict();
export const byId = z.object({ id }).strict();

/** The wilayah picks must nest: a kecamatan inside the kabupaten, a desa inside the kecamatan. */
export function checkWilayah(p: { regencyCode: string | null; districtCode: string | null; villageCode: string | null }, ctx: z.RefinementCtx) {
  if (p.districtCode && (!p.regencyCode || !isWithin(p.regencyCode, p.districtCode))) {
    ctx.addIssue({ code: 'custom', path: ['districtCode'], message: 'v.wilayahNesting' });
  }
  if (p.villageCode && (!p.districtCode || !isWithin(p.districtCode, p.villageCode))) {
    ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'v.wilayahNesting' });
  }
}

/** The largest signed scan (or activity file) kept, in bytes: the main process checks it, the screen warns before sending. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
/**
 * The longest base64 a file upload takes: a file a little over MAX_SCAN_BYTES still arrives, so the
 * main process can name the file as too large instead of the transport refusing the text.
 */
export const MAX_SCAN_BASE64 = Math.ceil((MAX_SCAN_BYTES * 1.05) / 3) * 4;
