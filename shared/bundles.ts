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

/** Bundle numbers as a reader says them: runs joined with a dash ("2–4, 6"). */
export function seqRanges(seqs: readonly number[]): string {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}
