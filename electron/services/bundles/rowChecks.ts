import type { z } from 'zod';
import type { Row } from '../../../db/repositories/syncRows';
import { PREDICATES, ROW_RULES } from './rowRules';

/**
 * Each column's check, remembering values it accepted: a whole office's bundle holds hundreds of
 * thousands of rows whose dates, codes, officers and clients repeat, and a value the rule accepted
 * once is accepted again. Bounded, so a bundle of unique values costs memory it already holds.
 */
const REMEMBERED = 20_000;
function columnCheck(rule: z.ZodType): (v: unknown) => boolean {
  const direct = PREDICATES.get(rule);
  if (direct) return direct;
  const ok = new Set<unknown>();
  return (v) => {
    if (ok.has(v)) return true;
    if (!rule.safeParse(v).success) return false;
    if (ok.size < REMEMBERED && (typeof v !== 'string' || v.length <= 200)) ok.add(v);
    return true;
  };
}
const compiled = new Map(
  Object.entries(ROW_RULES).map(([table, rules]) => [table, new Map(Object.entries(rules.columns).map(([c, rule]) => [c, columnCheck(rule)]))]),
);

/** A column's check (null for a column the table's rules do not know: refused). */
export const columnRule = (table: string, column: string): ((v: unknown) => boolean) | null => compiled.get(table)?.get(column) ?? null;

/** The first column a rule across columns fails on (run once every column passed its own). */
export function badAcross(table: string, row: Row): string | null {
  let bad: string | null = null;
  for (const check of ROW_RULES[table]!.checks ?? []) {
    check(row, (column) => (bad ??= column));
    if (bad) return bad;
  }
  return null;
}
