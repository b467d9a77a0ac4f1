import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connection';
import { agreementInForceOn } from './agreementInForce';
import type { ReferralsTable, ReferralStatusChangesTable, WorkHoursTable } from '../schema';

export type ReferralDbRow = Selectable<ReferralsTable> & {
  client_name: string;
  client_register: string;
  partner_name: string;
  pk_name: string | null;
  agreement_number: string | null;
  agreement_end: string | null;
  hours_done: number;
};

function withNames(db: Db) {
  return db.q
    .selectFrom('referrals as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .leftJoin('users as u', 'u.id', 'r.pk_user_id')
    .leftJoin('agreements as a', 'a.id', 'r.agreement_id')
    .selectAll('r')
    .select([
      'c.name as client_name',
      'c.register_number as client_register',
      'p.name as partner_name',
      'u.name as pk_name',
      'a.office_number as agreement_number',
      'a.end_date as agreement_end',
      sql<number>`(SELECT coalesce(sum(h.hours), 0) FROM work_hours h WHERE h.referral_id = r.id AND h.deleted_at IS NULL)`.as('hours_done'),
    ])
    .where('r.deleted_at', 'is', null);
}

export const referralById = (db: Db, id: string): ReferralDbRow | undefined => db.first(withNames(db).where('r.id', '=', id));

export interface ReferralFilter {
  readonly clientId: string | null;
  readonly partnerId: string | null;
  readonly status: string | null;
  readonly service?: string | null;
  readonly pkUserId?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

export function listReferrals(db: Db, f: ReferralFilter, limit: number, offset: number): ReferralDbRow[] {
  let q = withNames(db);
  if (f.clientId) q = q.where('r.client_id', '=', f.clientId);
  if (f.partnerId) q = q.where('r.partner_id', '=', f.partnerId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.service) q = q.where('r.service', '=', f.service);
  if (f.pkUserId) q = q.where('r.pk_user_id', '=', f.pkUserId);
  if (f.from) q = q.where('r.date', '>=', f.from);
  if (f.to) q = q.where('r.date', '<=', f.to);
  // The id last: referrals of one day entered together (an import, a bundle) page the same way every time.
  return db.all(q.orderBy('r.date', 'desc').orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).offset(offset));
}

/** Agreements of a partner in force on `date` (the one in-force fragment), with their services. */
export function agreementsInForceOn(db: Db, partnerId: string, date: string) {
  return db.all(
    db.q
      .selectFrom('agreements as a')
      .select(['a.id', 'a.office_number', 'a.services', 'a.end_date'])
      .where('a.partner_id', '=', partnerId)
      .where(agreementInForceOn('a', date))
      .orderBy('a.end_date', 'desc'),
  );
}

/** Places taken at each partner: referrals proposed, accepted or under way. */
export function openReferralCounts(db: Db, partnerIds: readonly string[]): Map<string, number> {
  if (partnerIds.length === 0) return new Map();
  const rows = db.all(
    db.q
      .selectFrom('referrals')
      .select(['partner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('partner_id', 'in', partnerIds as string[])
      .where('status', 'in', ['diusulkan', 'diterima', 'berjalan'])
      .where('deleted_at', 'is', null)
      .groupBy('partner_id'),
  );
  return new Map(rows.map((r) => [r.partner_id, r.n]));
}

export function maxLetterSeq(db: Db, origin: string, year: number): number {
  return (
    db.first(
      db.q
        .selectFrom('referrals')
        .select((eb) => eb.fn.max('letter_seq').as('m'))
        .where('origin', '=', origin)
        .where('letter_year', '=', year),
    )?.m ?? 0
  );
}

/**
 * Referrals still under way whose agreement is not in force today or will not be on `until` (it
 * ends, or a cancellation takes effect, within the warning days): the home screen's warning. The
 * days in force are one unbroken stretch, so the two ends of the window decide it.
 */
export function referralsAtRisk(db: Db, today: string, until: string): ReferralDbRow[] {
  // The 200 are picked first from the agreements (a few thousand even at a Bapas induk), walked
  // by end date, each with its referrals under way through referrals_by_agreement; only those 200
  // are then joined with their names. Starting from the referrals joined every one under way.
  const picked = sql<string>`(SELECT r2.id FROM agreements AS a2 CROSS JOIN referrals AS r2
    WHERE r2.agreement_id = a2.id AND r2.status = 'berjalan' AND r2.deleted_at IS NULL
      AND (NOT ${agreementInForceOn('a2', today)} OR NOT ${agreementInForceOn('a2', until)})
    ORDER BY a2.end_date ASC LIMIT 200)`;
  return db.all(withNames(db).where('r.id', 'in', picked).orderBy('a.end_date', 'asc'));
}

export function insertReferral(db: Db, row: Insertable<ReferralsTable>): void {
  db.run(db.q.insertInto('referrals').values(row));
}

export function updateReferral(db: Db, id: string, patch: Updateable<ReferralsTable>): void {
  db.run(db.q.updateTable('referrals').set(patch).where('id', '=', id));
}

export function insertReferralStatusChange(db: Db, row: Insertable<ReferralStatusChangesTable>): void {
  db.run(db.q.insertInto('referral_status_changes').values(row));
}

export const referralStatusChanges = (db: Db, referralIds: readonly string[]) =>
  referralIds.length === 0
    ? []
    : db.all(
        db.q
          .selectFrom('referral_status_changes as s')
          .leftJoin('users as u', 'u.id', 's.changed_by')
          .selectAll('s')
          .select('u.name as by_name')
          .where('s.referral_id', 'in', referralIds as string[])
          .orderBy('s.date', 'desc')
          .orderBy('s.created_at', 'desc'),
      );

export function insertWorkHours(db: Db, row: Insertable<WorkHoursTable>): void {
  db.run(db.q.insertInto('work_hours').values(row));
}

export const workHoursOf = (db: Db, referralId: string) =>
  db.all(
    db.q
      .selectFrom('work_hours as h')
      .leftJoin('users as u', 'u.id', 'h.recorded_by')
      .selectAll('h')
      .select('u.name as recorded_by_name')
      .where('h.referral_id', '=', referralId)
      .where('h.deleted_at', 'is', null)
      .orderBy('h.date', 'asc'),
  );
