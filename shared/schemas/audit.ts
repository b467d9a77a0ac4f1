import { z } from 'zod';
import { id, isoDate, text } from './common';

export const AuditListInput = z
  .object({
    userId: id.nullable().default(null),
    entity: text(40).default(''),
    entityId: text(60).default(''),
    /** A record's name (partner, client, user, PKS number…) as an officer types it. */
    record: text(100).default(''),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
    beforeSeq: z.number().int().min(1).nullable().default(null),
  })
  .strict();

/** The same filter, every entry it matches, as .xlsx. */
export const AuditExportInput = AuditListInput.omit({ limit: true, beforeSeq: true });
