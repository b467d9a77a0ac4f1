import { z } from 'zod';
import { CHECKIN_KINDS } from '../checkins';
import { id, isoDate, optionalText } from './common';

export const CheckinInput = z
  .object({
    clientId: id,
    date: isoDate,
    kind: z.enum(CHECKIN_KINDS),
    /** Required for a remote report: why the client could not come. */
    reason: optionalText(500),
    officerId: id.nullable().default(null),
    notes: optionalText(2000),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'jarak_jauh' && c.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'checkins.reasonRequired' });
  });

/** The overdue list: everyone, or one PK's clients. */
export const OverdueInput = z.object({ pkUserId: id.nullable().default(null) }).strict();

/** The agenda's window and one page of it (the total and each day's count come with every page). */
export const AgendaInput = z
  .object({
    from: isoDate,
    days: z.number().int().min(1).max(31).default(7),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
