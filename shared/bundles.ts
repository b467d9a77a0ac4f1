/**
 * The submission tracker's rules. A post numbers its bundles 1, 2, 3...; a number that never
 * arrived is missing until it does. Whether its changes are lost is another matter: an
 * incremental bundle starts after the last one the parent acknowledged, so a later bundle whose
 * change range starts within what has arrived carries the lost one's changes too.
 */
export interface ReceivedRange {
  readonly seq: number;
  /** Change range (from, to] of the bundle. */
  readonly from: number;
  readonly to: number;
}

/** Sequence numbers below the highest received that have not arrived. */
export function missingBundles(received: readonly ReceivedRange[]): number[] {
  const seqs = new Set(received.map((r) => r.seq));
  const max = Math.max(0, ...seqs);
  const missing: number[] = [];
  for (let s = 1; s < max; s++) if (!seqs.has(s)) missing.push(s);
  return missing;
}

/** Whether `next` starts within the changes already received (a full bundle always does). */
export function continuesReceived(received: readonly ReceivedRange[], next: ReceivedRange): boolean {
  return next.from <= Math.max(0, ...received.map((r) => r.to));
}
