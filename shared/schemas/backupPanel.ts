import { z } from 'zod';

const count = (min: number, max: number) => z.number().int('v.integer').min(min, 'v.range').max(max, 'v.range');

/** The retention tiers and the reminder: at least one of each tier is always kept. */
export const BackupSettingsInput = z
  .object({
    hourly: count(1, 168),
    daily: count(1, 366),
    monthly: count(1, 120),
    copyReminderDays: count(1, 365),
  })
  .strict();

/** A folder on this computer (a USB stick, a second disk): absolute, as the host's dialog gives it. */
const folder = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(1000, 'v.tooLong')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'bundles.pathNotAbsolute');

/** Copies the newest backup (or one made now when there is none) to `folder`. */
export const BackupCopyInput = z.object({ folder }).strict();

export const BackupCopyIdInput = z.object({ copyId: z.string().min(1, 'v.required').max(64, 'v.tooLong') }).strict();
