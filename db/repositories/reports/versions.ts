import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../connection';
import type { ReportVersionsTable } from '../../schema';

export type ReportVersionRow = Selectable<ReportVersionsTable> & { readonly sent_by_name: string | null };

/** An office's kept versions of the report for the days from..to, newest first. */
export const versionsOf = (db: Db, origin: string, from: string, to: string): ReportVersionRow[] =>
  db.all(
    db.q
      .selectFrom('report_versions as v')
      .leftJoin('users as u', 'u.id', 'v.sent_by')
      .selectAll('v')
      .select('u.name as sent_by_name')
      .where('v.origin', '=', origin)
      .where('v.period_from', '=', from)
      .where('v.period_to', '=', to)
      .where('v.deleted_at', 'is', null)
      .orderBy('v.version', 'desc'),
  );

/** The highest version number of an office's period (0: none), archived rows included so a number is never reused. */
export function lastVersionNumber(db: Db, origin: string, from: string, to: string): number {
  return (
    db.first(
      db.q
        .selectFrom('report_versions')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('origin', '=', origin)
        .where('period_from', '=', from)
        .where('period_to', '=', to),
    )?.v ?? 0
  );
}

export function insertReportVersion(db: Db, row: Insertable<ReportVersionsTable>): void {
  db.run(db.q.insertInto('report_versions').values(row));
}

/** The newest version and the first sending of each monthly report of the offices in a year. */
export const monthlyVersions = (db: Db, origins: readonly string[], year: number) =>
  origins.length === 0
    ? []
    : db.all(
        db.q
          .selectFrom('report_versions')
          .select(['origin', 'period_from', (eb) => eb.fn.max('version').as('version'), (eb) => eb.fn.min('sent_at').as('first_sent')])
          .where('period_kind', '=', 'month')
          .where('deleted_at', 'is', null)
          .where('origin', 'in', origins as string[])
          .where('period_from', '>=', `${year}-01-01`)
          .where('period_from', '<=', `${year}-12-31`)
          .groupBy(['origin', 'period_from']),
      );
