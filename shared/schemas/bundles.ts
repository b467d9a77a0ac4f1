import { z } from 'zod';

/** A path on this computer (a USB stick's folder, a bundle file): absolute, as a file dialog gives it. */
const localPath = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(1000, 'v.tooLong')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'bundles.pathNotAbsolute');

/** The e-mail size limit a Pos Bapas may set for a bundle, in MB: the bounds and the usual value. */
export const BUNDLE_LIMIT_MB = { min: 1, max: 2000, default: 18 } as const;

export const BundlePlanInput = z
  .object({
    /** Incremental (since the last export the parent acknowledged; the default) or everything. */
    mode: z.enum(['incremental', 'full']).default('incremental'),
    withFiles: z.boolean().default(true),
    /** The largest file the office's e-mail takes, in MB (18 MB becomes about 25 MB once e-mail encodes it). */
    limitMb: z.number().int('v.integer').min(BUNDLE_LIMIT_MB.min, 'v.range').max(BUNDLE_LIMIT_MB.max, 'v.range').default(BUNDLE_LIMIT_MB.default),
  })
  .strict();

export const BundleExportInput = BundlePlanInput.extend({
  folder: localPath,
  /** Above the e-mail size limit: split into numbered parts, or leave the attachments out. Required only then. */
  overLimit: z.enum(['split', 'leaveOutFiles']).nullable().default(null),
}).strict();

export const BundleRevealInput = z.object({ seq: z.number().int().min(1) }).strict();

export const BundleInspectInput = z
  .object({
    /** Bundle files, or folders whose bundle files are all taken. */
    paths: z.array(localPath).min(1, 'v.required').max(200, 'v.range'),
  })
  .strict();

export const BundleApplyInput = z
  .object({
    paths: z.array(localPath).min(1, 'v.required').max(200, 'v.range'),
    /** The bundles (by SHA-256) the user saw in the preview and chose; anything else is not applied. */
    accept: z
      .array(z.string().regex(/^[0-9a-f]{64}$/, 'v.invalid'))
      .min(1, 'v.required')
      .max(200, 'v.range'),
  })
  .strict();

export const BundleReceiptInput = z.object({ officeCode: z.string().regex(/^[A-Z0-9]{2,12}$/, 'v.invalid') }).strict();

export const BundleReadReceiptInput = z.object({ base64: z.string().min(1, 'v.required').max(2_000_000, 'bundles.notReceipt') }).strict();

/** A checked bundle (its files or parts, by the hash "Periksa" showed) to write decrypted as a .zip into `folder`. */
export const BundleUnsealInput = z
  .object({
    paths: z.array(localPath).min(1, 'v.required').max(200, 'v.range'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'v.invalid'),
    folder: localPath,
  })
  .strict();
