import { sql, type RawBuilder } from 'kysely';
import type { AgreementStatus } from '../../shared/agreements';
import type { Db } from '../connection';
import { agreementInForceOn } from './agreementInForce';

/**
 * The SQL twin of `agreementStatus` in shared/agreements.ts for the agreements row under `alias`,
 * built on the one in-force fragment: damaged dates first (rusak), then in force (akan berakhir
 * from `warnFrom`, the day `warnDays` before the end, i.e. an end on or before today + warnDays),
 * then cancelled, not signed yet, past its end, and otherwise signed but not started.
 * tests/integration/list-shapes.test.ts holds it to the register's statuses.
 */
export function agreementStatusOn(alias: string, day: string, warnUntil: string): RawBuilder<AgreementStatus> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  const sound = (column: string) => sql`(date(${c(column)}) IS ${c(column)} AND ${c(column)} BETWEEN '1900-01-01' AND '2200-12-31')`;
  return sql<AgreementStatus>`CASE
    WHEN NOT COALESCE(${sound('start_date')} AND ${sound('end_date')} AND (${c('signed_on')} IS NULL OR ${sound('signed_on')})
      AND (${c('cancelled_on')} IS NULL OR ${sound('cancelled_on')}), 0) THEN 'rusak'
    WHEN ${agreementInForceOn(alias, day)} THEN CASE WHEN ${c('end_date')} <= ${warnUntil} THEN 'akan_berakhir' ELSE 'aktif' END
    WHEN ${c('cancelled_on')} IS NOT NULL AND ${c('cancelled_on')} <= ${day} THEN 'dibatalkan'
    WHEN ${c('signed_on')} IS NULL OR ${c('signed_on')} > ${day} THEN 'draf'
    WHEN ${c('end_date')} < ${day} THEN 'berakhir'
    ELSE 'belum_berlaku' END`;
}

/** How many of the register's agreements (every office's, not deleted) stand in each status on `day`. */
export const agreementStatusCounts = (db: Db, day: string, warnUntil: string) =>
  db.all(
    db.q
      .selectFrom('agreements as a')
      // As the register lists them: with their partner.
      .innerJoin('partners as p', 'p.id', 'a.partner_id')
      // Not named `status`: GROUP BY would take the partner's status column.
      .select([agreementStatusOn('a', day, warnUntil).as('agreement_status'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('a.deleted_at', 'is', null)
      .groupBy('agreement_status'),
  );
