import { z } from 'zod';

/**
 * A backup to check: one the list shows (by its file name) or a file the host's dialog chose; the
 * Kunci Pemulihan only for a backup made on another computer (its format is checked by the service,
 * which answers in the field).
 */
export const BackupInspectInput = z
  .object({
    name: z.string().min(1, 'v.required').max(120, 'v.tooLong').optional(),
    path: z.string().min(1, 'v.required').max(4096, 'v.tooLong').optional(),
    recoveryKey: z.string().max(60, 'backups.recoveryKeyFormat').optional(),
  })
  .strict()
  .refine((v) => (v.name === undefined) !== (v.path === undefined), { message: 'v.required', path: ['name'] });

/** `backups.restorePlan`: the same choice as inspect. */
export const RestorePlanInput = BackupInspectInput;

/** `backups.restore`: the backup again, with the plan's confirmation. */
export const RestoreInput = z
  .object({
    name: z.string().min(1, 'v.required').max(120, 'v.tooLong').optional(),
    path: z.string().min(1, 'v.required').max(4096, 'v.tooLong').optional(),
    recoveryKey: z.string().max(60, 'backups.recoveryKeyFormat').optional(),
    confirmation: z.string().min(1, 'backups.restoreConfirm').max(100, 'backups.restoreConfirm'),
  })
  .strict()
  .refine((v) => (v.name === undefined) !== (v.path === undefined), { message: 'v.required', path: ['name'] });
