import { z } from 'zod';
import { IMPORT_FIELDS } from '../imports';
import { id, requiredText } from './common';

const jobId = z.string().regex(/^[0-9a-f-]{36}$/, 'v.invalid');

/** A spreadsheet as base64 (≤ 20 MB of bytes); what it really is, is checked by content in the main process. */
export const ImportOpenInput = z.object({ filename: requiredText(200), base64: z.string().min(1, 'v.required').max(28_000_000, 'imports.tooLarge') }).strict();
export const ImportJobInput = z.object({ jobId }).strict();
export const ImportColumnsInput = z.object({ jobId, sheet: z.number().int().min(0).max(200) }).strict();
export const ImportCheckInput = z
  .object({
    jobId,
    sheet: z.number().int().min(0).max(200),
    headerRow: z.number().int().min(0).max(1000),
    mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(199)),
  })
  .strict();
export const ImportRowsInput = z
  .object({
    jobId,
    only: z.enum(['all', 'new', 'update', 'unchanged', 'error']).default('all'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .strict();
export const ImportReportInput = z.object({ id }).strict();
