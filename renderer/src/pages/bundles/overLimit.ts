import { AppError } from '../../../../shared/errors';
import type { BundlePlan } from '../../../../shared/types';

/**
 * When "Kirim ke induk" must ask how to send a bundle over the e-mail limit. The plan's size is
 * an estimate; the export measures the bundle it writes and refuses, with the real size, one that
 * is over the limit while no choice was made. That measurement then decides, for as long as the
 * options and the records to send are the ones measured, so the choice is offered whenever the
 * real size is over the limit, even where the estimate was just under it.
 */
export interface Measured {
  readonly bytes: number;
  readonly limitBytes: number;
  /** What was measured (measureKey): a measurement of other options or other records is not used. */
  readonly key: string;
}

export interface OverLimitChoice {
  readonly bytes: number;
  readonly limitBytes: number;
  /** The size of the bundle as written (true), or the plan's estimate. */
  readonly measured: boolean;
}

/** The options and change range a bundle is made of. */
export const measureKey = (o: { readonly mode?: string; readonly withFiles?: boolean; readonly limitMb?: number }, plan: BundlePlan | undefined): string =>
  JSON.stringify([o.mode ?? null, o.withFiles ?? null, o.limitMb ?? null, plan?.changeFrom ?? null, plan?.changeTo ?? null]);

/** The export's refusal for want of a choice, as a measurement; null for any other error. */
export function measuredFromRefusal(e: unknown, key: string): Measured | null {
  if (!(e instanceof AppError) || e.message !== 'bundles.chooseOverLimit') return null;
  const bytes = Number(e.params?.bytes);
  const limitBytes = Number(e.params?.limitBytes);
  // A refusal without the numbers (an older main process) still means the bundle is over the limit.
  return Number.isFinite(bytes) && Number.isFinite(limitBytes) ? { bytes, limitBytes, key } : { bytes: Number.NaN, limitBytes: Number.NaN, key };
}

/** The choice to offer, with the size to show, or null when the bundle goes as it is. */
export function overLimitChoice(plan: BundlePlan | undefined, withFiles: boolean, measured: Measured | null, key: string): OverLimitChoice | null {
  // Only attachments can be split off or left out; the export never refuses a bundle without them.
  if (!plan || !withFiles || plan.filesCount === 0) return null;
  if (measured && measured.key === key) {
    if (Number.isNaN(measured.bytes)) return { bytes: plan.estimatedBytes, limitBytes: plan.limitBytes, measured: false };
    if (measured.bytes > measured.limitBytes) return { bytes: measured.bytes, limitBytes: measured.limitBytes, measured: true };
  }
  return plan.overLimit ? { bytes: plan.estimatedBytes, limitBytes: plan.limitBytes, measured: false } : null;
}
