import { sql } from 'kysely';
import { KERJA_SOSIAL, OPEN_REFERRAL_STATUSES } from '../../../shared/referrals';
import { underSupervisionOn } from '../caseload';
import type { SqlQuerySpec } from './sqlQuery';
import { flag, inScope, type ReportWindow } from './window';

/** Sections 3, 4, 5 and 7: clients, referrals, activities, kerja sosial. Archived records count nowhere. */

const clientColumns = sql`c.register_number AS c_register, c.name AS c_name, c.program AS c_program, c.sex AS c_sex,
  c.supervision_start AS c_start, c.supervision_end AS c_end, c.origin AS c_office`;

/**
 * The phase on `day`: the PK's override, else shared/clients.ts `suggestedPhase` (awal up to a
 * third of the period, lanjutan up to half, akhir after).
 */
const phaseOn = (day: string) => sql`COALESCE(c.phase_override, CASE
  WHEN (julianday(${day}) - julianday(c.supervision_start) + 1) * 3 <= (julianday(c.supervision_end) - julianday(c.supervision_start) + 1) THEN 'awal'
  WHEN (julianday(${day}) - julianday(c.supervision_start) + 1) * 2 <= (julianday(c.supervision_end) - julianday(c.supervision_start) + 1) THEN 'lanjutan'
  ELSE 'akhir' END)`;

/** shared/clients.ts `isChild`: under 18 at the start of supervision; unknown without a birth date. */
const ageGroup = sql`CASE WHEN c.birth_date IS NULL THEN NULL WHEN c.supervision_start < date(c.birth_date, '+18 years') THEN 'anak' ELSE 'dewasa' END`;

const liveReferral = sql`r.client_id = c.id AND r.deleted_at IS NULL`;

export const ACTIVE_CLIENTS: SqlQuerySpec = {
  dims: ['program', 'age', 'sex', 'phase'],
  flags: ['referred', 'working'],
  order: 'c_name, c_register',
  select: (w) => sql`SELECT c.id AS rid, 0 AS amount, c.program AS d_program, ${ageGroup} AS d_age, c.sex AS d_sex, ${phaseOn(w.to)} AS d_phase,
    ${flag(sql`EXISTS (SELECT 1 FROM referrals r WHERE ${liveReferral} AND r.date <= ${w.to})`)} AS f_referred,
    ${flag(sql`EXISTS (SELECT 1 FROM referrals r WHERE ${liveReferral} AND r.outcome = 'bekerja' AND r.status_date <= ${w.to})`)} AS f_working,
    ${clientColumns}, ${phaseOn(w.to)} AS c_phase
    FROM clients c WHERE c.deleted_at IS NULL AND ${underSupervisionOn('c', w.to)} AND ${inScope('c', w)}`,
};

export const NEW_CLIENTS: SqlQuerySpec = {
  dims: ['program'],
  flags: [],
  order: 'c_start, c_name',
  select: (w) => sql`SELECT c.id AS rid, 0 AS amount, c.program AS d_program, ${clientColumns}
    FROM clients c WHERE c.deleted_at IS NULL AND c.supervision_start BETWEEN ${w.from} AND ${w.to} AND ${inScope('c', w)}`,
};

export const ENDED_CLIENTS: SqlQuerySpec = {
  dims: ['reason'],
  flags: [],
  order: 'c_closed, c_name',
  select: (w) => sql`SELECT c.id AS rid, 0 AS amount, c.status AS d_reason,
    c.register_number AS c_register, c.name AS c_name, c.program AS c_program, c.status AS c_reason, c.status_date AS c_closed, c.origin AS c_office
    FROM clients c WHERE c.deleted_at IS NULL AND c.status <> 'aktif' AND c.status_date BETWEEN ${w.from} AND ${w.to} AND ${inScope('c', w)}`,
};

const referralFrom = sql`FROM referrals r JOIN clients c ON c.id = r.client_id JOIN partners p ON p.id = r.partner_id
  LEFT JOIN service_types st ON st.code = r.service`;
const referralColumns = sql`r.date AS c_date, r.letter_number AS c_letter, c.name AS c_client, p.name AS c_partner,
  COALESCE(st.label_id, r.service) AS c_service, r.status AS c_status, r.origin AS c_office`;
const liveReferrals = (w: ReportWindow) => sql`r.deleted_at IS NULL AND c.deleted_at IS NULL AND ${inScope('r', w)}`;
const madeIn = (w: ReportWindow) => sql`r.date BETWEEN ${w.from} AND ${w.to}`;

export const REFERRALS: SqlQuerySpec = {
  dims: ['service', 'partner', 'referralStatus'],
  labels: ['service', 'partner'],
  flags: [],
  order: 'c_date, c_letter',
  select: (w) => sql`SELECT r.id AS rid, 0 AS amount, r.service AS d_service, COALESCE(st.label_id, r.service) AS l_service,
    r.partner_id AS d_partner, p.name AS l_partner, r.status AS d_referralStatus, ${referralColumns}
    ${referralFrom} WHERE ${liveReferrals(w)} AND ${madeIn(w)}`,
};

/** A referral counts under each bidang of the partner it went to. */
export const REFERRAL_BIDANG: SqlQuerySpec = {
  dims: ['bidang'],
  flags: [],
  order: 'c_date, c_letter',
  select: (w) => sql`SELECT r.id AS rid, 0 AS amount, b.value AS d_bidang, ${referralColumns}
    ${referralFrom} JOIN json_each(p.bidang) b WHERE ${liveReferrals(w)} AND ${madeIn(w)}`,
};

export const REFERRAL_OUTCOMES: SqlQuerySpec = {
  dims: ['outcome'],
  flags: [],
  order: 'c_closed, c_letter',
  select: (w) => sql`SELECT r.id AS rid, 0 AS amount, r.outcome AS d_outcome, r.status_date AS c_closed, r.outcome AS c_outcome, ${referralColumns}
    ${referralFrom} WHERE ${liveReferrals(w)} AND r.outcome IS NOT NULL AND r.status_date BETWEEN ${w.from} AND ${w.to}`,
};

export const ACTIVITIES: SqlQuerySpec = {
  dims: ['activityType', 'bidang'],
  flags: [],
  order: 'c_date, c_title',
  select: (w) => sql`SELECT a.id AS rid, 0 AS amount, a.type AS d_activityType, a.bidang AS d_bidang,
    a.date AS c_date, a.title AS c_title, a.type AS c_type, a.bidang AS c_bidang, a.place AS c_place, a.origin AS c_office
    FROM activities a WHERE a.deleted_at IS NULL AND a.date BETWEEN ${w.from} AND ${w.to} AND ${inScope('a', w)}`,
};

export const PARTICIPANTS: SqlQuerySpec = {
  dims: [],
  flags: ['attended'],
  order: 'c_date, c_title, c_name',
  select: (w) => sql`SELECT ap.activity_id || ':' || ap.client_id AS rid, 0 AS amount, ap.attended AS f_attended,
    a.date AS c_date, a.title AS c_title, c.register_number AS c_register, c.name AS c_name,
    CASE ap.attended WHEN 1 THEN 'ya' ELSE 'tidak' END AS c_attended, a.origin AS c_office
    FROM activity_participants ap JOIN activities a ON a.id = ap.activity_id JOIN clients c ON c.id = ap.client_id
    WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.date BETWEEN ${w.from} AND ${w.to} AND ${inScope('a', w)}`,
};

export const HOME_VISITS: SqlQuerySpec = {
  dims: [],
  flags: [],
  order: 'c_date, c_name',
  select: (
    w,
  ) => sql`SELECT k.id AS rid, 0 AS amount, k.date AS c_date, c.register_number AS c_register, c.name AS c_name, k.notes AS c_notes, k.origin AS c_office
    FROM checkins k JOIN clients c ON c.id = k.client_id
    WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL AND k.kind = 'kunjungan_rumah' AND k.date BETWEEN ${w.from} AND ${w.to} AND ${inScope('k', w)}`,
};

const ks = sql`r.service = ${KERJA_SOSIAL}`;
const hoursDone = (until: string) => sql`(SELECT total(h.hours) FROM work_hours h WHERE h.referral_id = r.id AND h.deleted_at IS NULL AND h.date <= ${until})`;

/** Clients with a kerja sosial referral under way on the last day (made by then, not closed by then); read from the kerja sosial referrals. */
export const KS_CLIENTS: SqlQuerySpec = {
  dims: [],
  flags: [],
  order: 'c_name, c_register',
  select: (w) => {
    const underWay = sql`${ks} AND r.date <= ${w.to} AND (r.status IN (${sql.join([...OPEN_REFERRAL_STATUSES])}) OR r.status_date > ${w.to})`;
    return sql`SELECT c.id AS rid, 0 AS amount, c.register_number AS c_register, c.name AS c_name,
      (SELECT total(r.hours_required) FROM referrals r WHERE ${liveReferral} AND ${underWay}) AS c_ordered,
      (SELECT total(${hoursDone(w.to)}) FROM referrals r WHERE ${liveReferral} AND ${underWay}) AS c_done, c.origin AS c_office
      FROM clients c WHERE c.deleted_at IS NULL AND ${inScope('c', w)}
        AND c.id IN (SELECT r.client_id FROM referrals r WHERE r.deleted_at IS NULL AND ${underWay})`;
  },
};

/** Kerja sosial referrals made in the period (amount: the hours ordered) or completed in it. */
export const KS_REFERRALS: SqlQuerySpec = {
  dims: [],
  flags: ['isNew', 'completed'],
  order: 'c_date, c_letter',
  select: (w) => {
    const completed = sql`r.status = 'selesai' AND r.status_date BETWEEN ${w.from} AND ${w.to}`;
    return sql`SELECT r.id AS rid, COALESCE(r.hours_required, 0) AS amount, ${flag(madeIn(w))} AS f_isNew, ${flag(completed)} AS f_completed,
      COALESCE(r.hours_required, 0) AS c_amount, ${referralColumns}
      ${referralFrom} WHERE ${liveReferrals(w)} AND ${ks} AND ((${madeIn(w)}) OR (${completed}))`;
  },
};

/** Hours of kerja sosial worked in the period, one record a day's entry. */
export const KS_HOURS: SqlQuerySpec = {
  dims: [],
  flags: [],
  order: 'c_date, c_client',
  select: (w) => sql`SELECT h.id AS rid, h.hours AS amount, h.date AS c_date, c.name AS c_client, p.name AS c_partner, h.hours AS c_amount,
    h.signed_by AS c_signer, h.origin AS c_office
    FROM work_hours h JOIN referrals r ON r.id = h.referral_id JOIN clients c ON c.id = r.client_id JOIN partners p ON p.id = r.partner_id
    WHERE h.deleted_at IS NULL AND r.deleted_at IS NULL AND c.deleted_at IS NULL AND ${ks} AND h.date BETWEEN ${w.from} AND ${w.to} AND ${inScope('h', w)}`,
};
