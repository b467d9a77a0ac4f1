import { z } from 'zod';
import { OFFICE_CLASSES, OFFICE_KINDS, ROLES, TIME_ZONE_CODES } from '../domain';
import { isNip, isNipWellFormed, normalizeNip } from '../validate';
import { email, optionalText, regencyCode, requiredText, uniqueArray } from './common';

export const officeCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(12, 'v.officeCode')
  .regex(/^[A-Z0-9]{2,12}$/, 'v.officeCode');

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'v.username');

/** Long enough to resist guessing on a shared office PC; no composition rules (they push people to notes). */
export const password = z.string().min(8, 'v.passwordShort').max(200, 'v.tooLong');

/** Typed with or without the spaces between its parts; kept without them. */
export const nip = z
  .string()
  .max(40, 'v.nip')
  .transform(normalizeNip)
  .refine((s) => s === '' || isNip(s), 'v.nip')
  .refine((s) => !isNip(s) || isNipWellFormed(s), 'v.nipParts')
  .default('');

export const OfficeSettingsInput = z
  .object({
    kind: z.enum(OFFICE_KINDS),
    name: requiredText(120),
    code: officeCode,
    parentName: optionalText(120),
    parentClass: z.enum(OFFICE_CLASSES).nullable().default(null),
    kanwil: requiredText(160),
    letterhead: z.array(z.string().trim().max(160, 'v.tooLong')).max(6, 'v.tooMany').default([]),
    address: requiredText(300),
    /** Printed under the address in the kop, as typed (letterheads write it their own way, e.g. "(0732) 21234"). */
    phone: optionalText(60),
    email: email.default(''),
    city: requiredText(60),
    timeZone: z.enum(TIME_ZONE_CODES),
    coverage: uniqueArray(regencyCode, 60).min(1, 'v.coverage'),
    /** Who signs the office's letters (the head of the office); blank lines are printed when empty. */
    headName: optionalText(120),
    headNip: nip,
    headPosition: optionalText(160),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.kind === 'pos' && o.parentName === '') {
      ctx.addIssue({ code: 'custom', path: ['parentName'], message: 'v.required' });
    }
  });
export type OfficeSettings = z.output<typeof OfficeSettingsInput>;

export const AccountFields = z.object({
  name: requiredText(120),
  nip,
  position: optionalText(120),
  username,
});

export const NewPassword = z
  .object({ password, passwordConfirm: z.string().max(200) })
  .refine((p) => p.password === p.passwordConfirm, { path: ['passwordConfirm'], message: 'v.passwordMismatch' });

export const SetupInput = z
  .object({
    office: OfficeSettingsInput,
    admin: AccountFields.extend({ password, passwordConfirm: z.string().max(200) })
      .strict()
      .refine((p) => p.password === p.passwordConfirm, { path: ['passwordConfirm'], message: 'v.passwordMismatch' }),
  })
  .strict();
export type SetupInputT = z.input<typeof SetupInput>;

export const SecuritySettingsInput = z
  .object({
    idleLockMinutes: z.number().int().min(1, 'v.range').max(240, 'v.range'),
    pimpinanSeesNik: z.boolean().default(false),
    bundlesIncludeNik: z.boolean().default(false),
  })
  .strict();

export const SettingsUpdateInput = z.object({ office: OfficeSettingsInput.optional(), security: SecuritySettingsInput.optional() }).strict();

export const role = z.enum(ROLES);

/** A letterhead logo as base64 (PNG or JPEG, at most 1 MB of bytes; checked by content in the main process), or null to remove it. */
export const LogoInput = z.object({ base64: z.string().min(1, 'v.required').max(1_400_000, 'logo.tooLarge').nullable() }).strict();
