import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The SQL twin of `inForceOn` in shared/agreements.ts, for the agreements row under `alias`: signed
 * by `day`, started, not past its end, not cancelled on or before `day`, not deleted, and with
 * dates that are dates (a damaged record is never in force; `date(x) IS x` and the year range are
 * shared/validate.ts `isIsoDate`). Every query that asks "in force?" uses this one fragment;
 * tests/integration/agreement-in-force.test.ts proves it agrees with the shared rule row by row.
 */
export function agreementInForceOn(alias: string, day: string): RawBuilder<SqlBool> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  const sound = (column: string) => sql`(date(${c(column)}) IS ${c(column)} AND ${c(column)} BETWEEN '1900-01-01' AND '2200-12-31')`;
  // COALESCE: a missing date makes the comparisons NULL; the answer is still a plain 0 or 1.
  return sql<SqlBool>`COALESCE((${c('deleted_at')} IS NULL
    AND ${sound('signed_on')} AND ${sound('start_date')} AND ${sound('end_date')}
    AND (${c('cancelled_on')} IS NULL OR ${sound('cancelled_on')})
    AND ${c('signed_on')} <= ${day} AND ${c('start_date')} <= ${day} AND ${c('end_date')} >= ${day}
    AND (${c('cancelled_on')} IS NULL OR ${c('cancelled_on')} > ${day})), 0)`;
}

/** True when the partner row in scope (`partners.id`) holds an agreement in force on `day`. */
export function partnerHasAgreementInForce(day: string): RawBuilder<number> {
  return sql<number>`EXISTS (SELECT 1 FROM agreements a WHERE a.partner_id = partners.id AND ${agreementInForceOn('a', day)})`;
}
