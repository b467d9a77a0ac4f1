import { sql } from 'kysely';
import { addDays } from '../../../shared/agreements';
import { agreementInForceOn, partnerHasAgreementInForce } from '../agreementInForce';
import type { SqlQuerySpec } from './sqlQuery';
import { flag, inScope, type ReportWindow } from './window';

/**
 * Sections 1 and 2 (Mitra dan Pokmas, PKS). Partners and groups count at the period's end when
 * made by then and not archived; a partner's status is the one its history gives for that day.
 */

const partnerStatusOn = (day: string) => sql`COALESCE(
  (SELECT s.to_status FROM partner_status_changes s WHERE s.partner_id = partners.id AND s.deleted_at IS NULL AND s.date <= ${day} ORDER BY s.date DESC, s.created_at DESC LIMIT 1),
  (SELECT s.from_status FROM partner_status_changes s WHERE s.partner_id = partners.id AND s.deleted_at IS NULL ORDER BY s.date, s.created_at LIMIT 1),
  partners.status)`;

const partnerColumns = (w: ReportWindow) => sql`partners.id AS rid, 0 AS amount,
  ${partnerStatusOn(w.to)} AS d_status, partners.category AS d_category, partners.institution_type AS d_institution, it.label_id AS l_institution,
  ${flag(partnerHasAgreementInForce(w.to))} AS f_inForce, ${flag(sql`partners.created_at >= ${w.startInstant}`)} AS f_isNew,
  partners.name AS c_name, ${partnerStatusOn(w.to)} AS c_status, partners.category AS c_category, it.label_id AS c_institution, partners.origin AS c_office`;

const partnersAtEnd = (w: ReportWindow) => sql`partners.deleted_at IS NULL AND partners.created_at < ${w.endInstant} AND ${inScope('partners', w)}`;

export const POKMAS_GROUPS: SqlQuerySpec = {
  dims: ['bidang'],
  flags: [],
  order: 'c_name',
  select: (w) => sql`SELECT g.id AS rid, 0 AS amount, g.bidang AS d_bidang, g.name AS c_name, g.bidang AS c_bidang, g.sk_number AS c_sk, g.origin AS c_office
    FROM pokmas_groups g WHERE g.deleted_at IS NULL AND g.created_at < ${w.endInstant} AND ${inScope('g', w)}`,
};

export const PARTNERS: SqlQuerySpec = {
  dims: ['status', 'category', 'institution'],
  labels: ['institution'],
  flags: ['inForce', 'isNew'],
  order: 'c_name',
  select: (w) => sql`SELECT ${partnerColumns(w)} FROM partners LEFT JOIN institution_types it ON it.code = partners.institution_type WHERE ${partnersAtEnd(w)}`,
};

/** A partner in both bidang is a record of each. */
export const PARTNER_BIDANG: SqlQuerySpec = {
  dims: ['bidang'],
  flags: [],
  order: 'c_name',
  select: (w) => sql`SELECT ${partnerColumns(w)}, b.value AS d_bidang
    FROM partners JOIN json_each(partners.bidang) b LEFT JOIN institution_types it ON it.code = partners.institution_type WHERE ${partnersAtEnd(w)}`,
};

/**
 * Agreements: in force on the last day (the one in-force fragment); signed, renewed, ended
 * (term over, not cancelled before) and cancelled in the period; in force and ending within the
 * warning days after the last day.
 */
export const AGREEMENTS: SqlQuerySpec = {
  dims: [],
  flags: ['inForce', 'signed', 'renewed', 'ended', 'cancelled', 'endingSoon'],
  order: 'c_partner, c_number',
  select: (w) => {
    const signedIn = sql`a.signed_on BETWEEN ${w.from} AND ${w.to}`;
    return sql`SELECT a.id AS rid, 0 AS amount,
      ${flag(agreementInForceOn('a', w.to))} AS f_inForce,
      ${flag(signedIn)} AS f_signed,
      ${flag(sql`a.previous_id IS NOT NULL AND ${signedIn}`)} AS f_renewed,
      ${flag(sql`a.signed_on IS NOT NULL AND a.end_date BETWEEN ${w.from} AND ${w.to} AND (a.cancelled_on IS NULL OR a.cancelled_on > a.end_date)`)} AS f_ended,
      ${flag(sql`a.signed_on IS NOT NULL AND a.cancelled_on BETWEEN ${w.from} AND ${w.to}`)} AS f_cancelled,
      ${flag(sql`${agreementInForceOn('a', w.to)} AND a.end_date <= ${addDays(w.to, w.warnDays)}`)} AS f_endingSoon,
      a.office_number AS c_number, p.name AS c_partner, a.subject AS c_subject, a.signed_on AS c_signed, a.start_date AS c_start, a.end_date AS c_end,
      a.cancelled_on AS c_cancelled, a.origin AS c_office
      FROM agreements a JOIN partners p ON p.id = a.partner_id WHERE a.deleted_at IS NULL AND ${inScope('a', w)}`;
  },
};
