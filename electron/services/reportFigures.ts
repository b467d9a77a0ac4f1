import { achievement, DIMENSIONS, INDICATORS, percent, type CountIndicator, type Flag, type ReportGroup } from '../../shared/indicators';
import type { BreakdownRow, Figure } from '../../shared/reports';
import type { Tally } from '../../db/repositories/reports/index';

/**
 * The figures of every indicator from the tallies of their queries (one tally per query, made
 * once): a figure adds up the tallies its filter picks; a breakdown splits the same tallies by one
 * dimension, so its rows add up to the figure.
 */

const matches = (t: Tally, filter: CountIndicator['filter']) => Object.entries(filter ?? {}).every(([f, v]) => t.flags[f as Flag] === v);

/** Hours may be halves; sums are kept to two decimals so 0.1 + 0.2 prints as 0.3. */
const round = (n: number) => Math.round(n * 100) / 100;

function breakdownOf(ind: CountIndicator, picked: readonly Tally[], measure: (t: Tally) => number): BreakdownRow[] {
  const dim = ind.breakdown!;
  const rows = new Map<string | null, { label: string | null; value: number }>();
  const known = DIMENSIONS[dim].values as readonly string[] | null;
  // A closed list shows every value, zero included, in its own order.
  for (const v of known ?? []) rows.set(v, { label: null, value: 0 });
  for (const t of picked) {
    const key = t.dims[dim] ?? null;
    const row = rows.get(key) ?? { label: t.labels[dim] ?? null, value: 0 };
    rows.set(key, { label: row.label ?? t.labels[dim] ?? null, value: row.value + measure(t) });
  }
  const out = [...rows].map(([key, r]) => ({ key, label: r.label, value: round(r.value) }));
  if (known) return out;
  // An open list (partners, services): by name, the records that state none last.
  return out.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : (a.label ?? a.key).localeCompare(b.label ?? b.key, 'id')));
}

export function figuresOf(tallies: ReadonlyMap<ReportGroup, readonly Tally[]>, targets: ReadonlyMap<string, number>): Figure[] {
  const values = new Map<string, number>();
  const out: Figure[] = [];
  const target = (code: string) => targets.get(code) ?? null;
  for (const ind of INDICATORS) {
    if (ind.aggregation === 'ratio') continue;
    const picked = (tallies.get(ind.group) ?? []).filter((t) => matches(t, ind.filter));
    const measure = (t: Tally) => (ind.measure === 'amount' ? t.amount : t.n);
    const value = round(picked.reduce((s, t) => s + measure(t), 0));
    values.set(ind.code, value);
    out.push({
      code: ind.code,
      section: ind.section,
      unit: ind.unit,
      aggregation: ind.aggregation,
      value,
      numerator: null,
      denominator: null,
      target: target(ind.code),
      achievement: achievement(value, target(ind.code)),
      breakdown: ind.breakdown ? breakdownOf(ind, picked, measure) : null,
    });
  }
  for (const ind of INDICATORS) {
    if (ind.aggregation !== 'ratio') continue;
    const numerator = values.get(ind.numerator) ?? 0;
    const denominator = ind.denominator.reduce((s, c) => s + (values.get(c) ?? 0), 0);
    const value = percent(numerator, denominator);
    out.push({
      code: ind.code,
      section: ind.section,
      unit: ind.unit,
      aggregation: 'ratio',
      value,
      numerator,
      denominator,
      target: target(ind.code),
      achievement: value === null ? null : achievement(value, target(ind.code)),
      breakdown: null,
    });
  }
  // In the catalogue's order, ratios beside the figures they are made of.
  const order = new Map(INDICATORS.map((i, n) => [i.code, n]));
  return out.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
}
