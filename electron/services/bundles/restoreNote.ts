import type { BundleOddity } from '../../../shared/types';
import { bundleImportsOf } from '../../../db/repositories/bundles';
import type { Db } from '../../../db/connection';
import type { ManifestData } from './format';
import { refuse } from './format';

/**
 * A post restored from a backup carries on from the highest bundle number it ever used and says
 * so in its signed manifest (chain.ts). The parent takes that note only when it holds together:
 * the bundle is the very next number after the highest used, the database knew fewer than that,
 * and the parent holds no number from the post above what the post says it used (a post cannot
 * have sent a bundle it says it never numbered). A jump in numbers without the note is what it
 * always was: a gap in the tracker.
 */
export function checkRestoreNote(db: Db, manifest: ManifestData): void {
  const note = manifest.afterRestore;
  if (!note) return;
  if (manifest.seq !== note.lastUsedSeq + 1 || note.lastKnownSeq >= note.lastUsedSeq) throw refuse('bundles.restoreNoteMismatch', { seq: manifest.seq });
  const highest = Math.max(0, ...bundleImportsOf(db, manifest.officeCode).map((r) => r.seq));
  if (highest > note.lastUsedSeq) throw refuse('bundles.restoreNoteBehind', { seq: manifest.seq, highest });
}

/** What the receiving officer is told: which of the bundles made before the restore are here, and which are not. */
export function restoredOddity(db: Db, manifest: ManifestData): BundleOddity | null {
  const note = manifest.afterRestore;
  if (!note) return null;
  const held = new Set(bundleImportsOf(db, manifest.officeCode).map((r) => r.seq));
  const lost = Array.from({ length: note.lastUsedSeq - note.lastKnownSeq }, (_, i) => note.lastKnownSeq + 1 + i);
  return {
    kind: 'restored',
    lastKnownSeq: note.lastKnownSeq,
    lastUsedSeq: note.lastUsedSeq,
    kept: lost.filter((s) => held.has(s)),
    notReceived: lost.filter((s) => !held.has(s)),
  };
}

/**
 * A gap before a bundle that carries a restore note, less the numbers the note speaks for: the
 * restored database's change numbers start again, so "its changes are in this bundle" would be
 * untrue of them (what they carried is gone at the post), and the note says so instead.
 */
export function gapOutsideRestore(gap: BundleOddity | null, manifest: ManifestData): BundleOddity | null {
  const note = manifest.afterRestore;
  if (!gap || gap.kind !== 'gap' || !note) return gap;
  const missing = gap.missing.filter((s) => s <= note.lastKnownSeq || s > note.lastUsedSeq);
  return missing.length ? { ...gap, missing } : null;
}
