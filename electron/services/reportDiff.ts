import type { Figure } from '../../shared/reports';
import type { ReportDifference } from '../../shared/reportVersions';

type Kept = Pick<Figure, 'code' | 'value' | 'breakdown'>;

/**
 * What differs between the figures as sent and as computed now: each figure whose value changed,
 * and each breakdown row whose value changed (a row only on one side counts as zero on the other).
 * Targets and capaian are left out: a target entered later is not a change in what was reported.
 */
export function differencesOf(sent: readonly Kept[], now: readonly Kept[]): ReportDifference[] {
  const current = new Map(now.map((f) => [f.code, f]));
  const codes = [...sent.map((f) => f.code), ...now.map((f) => f.code).filter((c) => !sent.some((f) => f.code === c))];
  const kept = new Map(sent.map((f) => [f.code, f]));
  const out: ReportDifference[] = [];
  for (const code of codes) {
    const a = kept.get(code);
    const b = current.get(code);
    if ((a?.value ?? null) !== (b?.value ?? null)) out.push({ code, row: null, sent: a?.value ?? null, current: b?.value ?? null });
    const rows = new Map<string | null, { label: string | null; sent: number; current: number }>();
    for (const r of a?.breakdown ?? []) rows.set(r.key, { label: r.label, sent: r.value, current: 0 });
    for (const r of b?.breakdown ?? []) {
      const seen = rows.get(r.key);
      rows.set(r.key, { label: seen?.label ?? r.label, sent: seen?.sent ?? 0, current: r.value });
    }
    for (const [key, r] of rows) if (r.sent !== r.current) out.push({ code, row: { key, label: r.label }, sent: r.sent, current: r.current });
  }
  return out;
}
