import { sql, type Compilable, type RawBuilder } from 'kysely';
import type { Db } from '../../connection';
import type { Dimension, Flag } from '../../../shared/indicators';
import type { RecordCell } from '../../../shared/reports';
import type { RecordRow, ReportQuery, ReportWindow, Selection, Tally } from './window';

/**
 * A report query written as one SELECT whose columns follow a naming rule: `rid`, `amount`,
 * `d_<dimension>` (with `l_<dimension>` its label for open lists), `f_<flag>` (0 or 1) and
 * `c_<column>` (what the records table shows). The figures are a GROUP BY over that SELECT and
 * the records are that SELECT filtered, so a figure and its records cannot disagree.
 */
export interface SqlQuerySpec {
  readonly dims: readonly Dimension[];
  readonly labels?: readonly Dimension[];
  readonly flags: readonly Flag[];
  /** ORDER BY of the records, in `c_` columns. */
  readonly order: string;
  readonly select: (w: ReportWindow) => RawBuilder<unknown>;
}

export const runSql = <R>(db: Db, q: RawBuilder<unknown>): R[] => db.all({ compile: () => q.compile(db.q) } as unknown as Compilable<R>);

const ident = (name: string) => sql.raw(name.replace(/[^A-Za-z_]/g, ''));

export function sqlQuery(db: Db, spec: SqlQuerySpec): ReportQuery {
  const grouped = [...spec.dims.map((d) => `d_${d}`), ...spec.flags.map((f) => `f_${f}`)];
  return {
    tally(w: ReportWindow): Tally[] {
      const cols = [
        ...grouped.map((c) => sql`g.${ident(c)} AS ${ident(c)}`),
        ...(spec.labels ?? []).map((d) => sql`max(g.${ident(`l_${d}`)}) AS ${ident(`l_${d}`)}`),
        sql`count(*) AS n`,
        sql`total(g.amount) AS s`,
      ];
      const groupBy = grouped.length ? sql`GROUP BY ${sql.join(grouped.map((c) => sql`g.${ident(c)}`))}` : sql``;
      const rows = runSql<Record<string, string | number | null>>(db, sql`SELECT ${sql.join(cols)} FROM (${spec.select(w)}) AS g ${groupBy}`);
      return rows.map((r) => ({
        dims: Object.fromEntries(spec.dims.map((d) => [d, r[`d_${d}`] === null ? null : String(r[`d_${d}`])])),
        labels: Object.fromEntries((spec.labels ?? []).map((d) => [d, (r[`l_${d}`] as string | null) ?? null])),
        flags: Object.fromEntries(spec.flags.map((f) => [f, Number(r[`f_${f}`])])),
        n: Number(r.n),
        amount: Number(r.s),
      }));
    },
    records(w: ReportWindow, s: Selection): RecordRow[] {
      const conds = [sql`1`];
      for (const [f, v] of Object.entries(s.filter)) conds.push(sql`g.${ident(`f_${f}`)} = ${v}`);
      if (s.dim) conds.push(sql`g.${ident(`d_${s.dim}`)} IS ${s.key ?? null}`);
      const rows = runSql<Record<string, RecordCell>>(
        db,
        sql`SELECT * FROM (${spec.select(w)}) AS g WHERE ${sql.join(conds, sql` AND `)} ORDER BY ${sql.raw(spec.order)}`,
      );
      return rows.map((r) => {
        const out: Record<string, RecordCell> = { amount: r.amount ?? 0 };
        for (const [k, v] of Object.entries(r)) if (k.startsWith('c_')) out[k.slice(2)] = v;
        return out;
      });
    },
  };
}
