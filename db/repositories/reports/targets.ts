import type { Db } from '../../connection';

export const targetsOf = (db: Db, officeCode: string, year: number) =>
  db.all(db.q.selectFrom('report_targets').select(['indicator', 'target']).where('office_code', '=', officeCode).where('year', '=', year));

/** Replaces the office's targets of one year with `targets` (an indicator left out has none). */
export function putTargets(
  db: Db,
  officeCode: string,
  year: number,
  targets: readonly { indicator: string; target: number }[],
  by: string | null,
  at: string,
): void {
  db.run(db.q.deleteFrom('report_targets').where('office_code', '=', officeCode).where('year', '=', year));
  for (const t of targets)
    db.run(
      db.q.insertInto('report_targets').values({ office_code: officeCode, year, indicator: t.indicator, target: t.target, updated_by: by, updated_at: at }),
    );
}
