import { z } from 'zod';

/** A key card file as base64 (a few hundred bytes; 16 KB at most is read). */
export const KeyCardInput = z.object({ base64: z.string().min(1, 'v.required').max(24_000, 'keys.notCard') }).strict();

export const KeyRegisterInput = z
  .object({
    base64: z.string().min(1, 'v.required').max(24_000, 'keys.notCard'),
    /** The fingerprint as the other office read it out over the phone, typed by the admin. */
    fingerprint: z.string().trim().min(1, 'v.required').max(40, 'v.tooLong'),
    /** Set to replace the keys of an office registered before (e.g. after it reinstalled). */
    replace: z.boolean().default(false),
  })
  .strict();

/** At a Bapas induk: take (or stop taking) a post's unencrypted bundles. */
export const KeyAllowPlainInput = z
  .object({
    officeCode: z.string().regex(/^[A-Z0-9]{2,12}$/, 'v.invalid'),
    allow: z.boolean(),
  })
  .strict();
