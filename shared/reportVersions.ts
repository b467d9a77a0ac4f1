/**
 * Reports handed in: the versions an office kept with "Tandai sudah dikirim", what changed since,
 * and at a Bapas induk the tracker of its posts' monthly reports. A kept version's figures are the
 * `figures` of reports.compute as they were when sent (JSON), with their SHA-256.
 */
import { z } from 'zod';
import { SECTIONS, UNITS } from './indicators';
import type { PeriodKind } from './periods';

/**
 * A month's report is late when no version of it was sent within this many days after the month
 * ended (the 10th of the next month): the usual deadline in Bapas instructions for monthly reports.
 */
export const REPORT_LATE_DAYS = 10;

export interface ReportVersion {
  readonly id: string;
  readonly version: number;
  readonly periodKind: PeriodKind;
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** The office that sent it (its code). */
  readonly office: string;
  readonly sentAt: string;
  readonly sentByName: string | null;
  readonly sha256: string;
}

/** One figure, or one breakdown row of it, whose value as sent is not the value computed now. */
export interface ReportDifference {
  readonly code: string;
  /** The breakdown row (its key and name), or null for the figure itself. */
  readonly row: { readonly key: string | null; readonly label: string | null } | null;
  readonly sent: number | null;
  readonly current: number | null;
}

export interface ReportVersions {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** Whose versions: this office's own, or at a Bapas induk one post's (as they arrived in its bundles). */
  readonly office: string;
  /** Newest first. */
  readonly versions: readonly ReportVersion[];
  /** Whether the figures computed now differ from the newest version's ("berubah sejak dikirim"). */
  readonly changed: boolean;
  /** The newest version's figures against those computed now from the records held here. */
  readonly differences: readonly ReportDifference[];
}

export type TrackerState = 'sent' | 'late' | 'open';

export interface TrackerMonth {
  readonly month: number;
  /** sent: a version arrived; late: the month ended more than REPORT_LATE_DAYS ago without one; open: not due yet. */
  readonly state: TrackerState;
  readonly version: number | null;
  readonly sentAt: string | null;
}

export interface ReportTracker {
  readonly year: number;
  readonly lateDays: number;
  readonly posts: readonly { readonly code: string; readonly name: string; readonly months: readonly TrackerMonth[] }[];
}

/** Limits of a kept version's figures (bundle rules): far above the standard report's size. */
export const MAX_FIGURES = 300;
export const MAX_BREAKDOWN_ROWS = 5000;
export const MAX_FIGURES_CHARS = 2_000_000;

const amount = z.number().finite().min(-1e12).max(1e12);

/** A figure as stored in a kept version, every field as reports.compute makes it and nothing else. */
export const StoredFigure = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,60}$/),
    section: z.number().refine((n) => (SECTIONS as readonly number[]).includes(n)),
    unit: z.enum(UNITS),
    aggregation: z.enum(['sum', 'state', 'ratio']),
    value: amount.nullable(),
    numerator: amount.nullable(),
    denominator: amount.nullable(),
    target: amount.nullable(),
    achievement: amount.nullable(),
    breakdown: z
      .array(z.object({ key: z.string().max(200).nullable(), label: z.string().max(300).nullable(), value: amount }).strict())
      .max(MAX_BREAKDOWN_ROWS)
      .nullable(),
  })
  .strict();

export const StoredFigures = z
  .array(StoredFigure)
  .max(MAX_FIGURES)
  .refine((fs) => new Set(fs.map((f) => f.code)).size === fs.length);

/** The figures of a kept version, or null when the text is not exactly what the app stores (canonical JSON of valid figures). */
export function readStoredFigures(text: string): z.infer<typeof StoredFigures> | null {
  if (text.length > MAX_FIGURES_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  // Canonical: the text the app wrote, so the hash is over one spelling (no repeated keys, no spaces).
  if (JSON.stringify(value) !== text) return null;
  const parsed = StoredFigures.safeParse(value);
  return parsed.success ? parsed.data : null;
}
