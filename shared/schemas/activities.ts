import { z } from 'zod';
import { ACTIVITY_TYPES } from '../activities';
import { BIDANG } from '../domain';
import { id, isoDate, MAX_SCAN_BASE64, optionalText, requiredText, timestamp, uniqueArray } from './common';

export const ActivityFields = z
  .object({
    date: isoDate,
    type: z.enum(ACTIVITY_TYPES, 'v.choose'),
    bidang: z.enum(BIDANG).nullable().default(null),
    title: requiredText(200),
    place: optionalText(200),
    description: optionalText(8000),
    /** Empty: an activity of the office itself. */
    partnerIds: uniqueArray(id, 20).default([]),
    officerIds: uniqueArray(id, 30).default([]),
    participants: z
      .array(z.object({ clientId: id, attended: z.boolean(), note: optionalText(300) }).strict())
      .max(500, 'v.tooMany')
      .refine((a) => new Set(a.map((p) => p.clientId)).size === a.length, 'v.duplicateItems')
      .default([]),
  })
  .strict();

export const ActivityCreateInput = ActivityFields;
export const ActivityUpdateInput = z.object({ id, expectedUpdatedAt: timestamp, data: ActivityFields }).strict();

export const ActivityListInput = z
  .object({
    partnerId: id.nullable().default(null),
    clientId: id.nullable().default(null),
    type: z.enum(ACTIVITY_TYPES).nullable().default(null),
    /** YYYY-MM: the activities of one month. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.invalid')
      .nullable()
      .default(null),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

/**
 * A photo or document. Images come with a display copy the screen made (≤ 1600 px JPEG); both
 * are checked by content in the main process, and the original is kept as it was.
 */
export const ActivityFileInput = z
  .object({
    activityId: id,
    filename: requiredText(200),
    base64: z.string().min(1, 'v.required').max(MAX_SCAN_BASE64, 'scans.tooLarge'),
    thumbBase64: z.string().max(2_000_000, 'v.tooLong').nullable().default(null),
  })
  .strict();

export const ActivityFileGetInput = z.object({ id, variant: z.enum(['original', 'display']).default('display') }).strict();
