import { sql, type Insertable } from 'kysely';
import type { Db } from '../connection';
import type { CheckinsTable } from '../schema';
import { underSupervision } from './caseload';

export function insertCheckin(db: Db, row: Insertable<CheckinsTable>): void {
  db.run(db.q.insertInto('checkins').values(row));
}

/** Moves the client's last check-in forward (never back: a late entry for an earlier date keeps the later one). */
export function bumpLastCheckin(db: Db, clientId: string, date: string): void {
  db.run(
    db.q
      .updateTable('clients')
      .set({ last_checkin: date })
      .where('id', '=', clientId)
      .where((eb) => eb.or([eb('last_checkin', 'is', null), eb('last_checkin', '<', date)])),
  );
}

export const checkinsOf = (db: Db, clientId: string) =>
  db.all(
    db.q
      .selectFrom('checkins as k')
      .leftJoin('users as u', 'u.id', 'k.officer_id')
      .selectAll('k')
      .select('u.name as officer_name')
      .where('k.client_id', '=', clientId)
      .where('k.deleted_at', 'is', null)
      .orderBy('k.date', 'desc'),
  );

/** A stored date that is a real ISO date in range (isIsoDate in SQL, as agreementInForce reads one). */
const soundDate = (column: string) =>
  sql<boolean>`(date(${sql.ref(column)}) IS ${sql.ref(column)} AND ${sql.ref(column)} BETWEEN '1900-01-01' AND '2200-12-31')`;

/**
 * Clients who may be overdue (shared/checkins.ts overdueCutoff): no check-in, none since they are
 * tracked, the last one before the cutoff of their reporting, or dates the schedule cannot read
 * (listed as damaged). A null cutoff lets every client of that reporting through.
 */
export interface OverdueCutoffs {
  readonly bulanan: string | null;
  readonly dua_mingguan: string | null;
}

function mayBeOverdue(cut: OverdueCutoffs) {
  const before = (reporting: keyof OverdueCutoffs) =>
    cut[reporting] === null ? sql`c.reporting = ${reporting}` : sql`(c.reporting = ${reporting} AND c.last_checkin < ${cut[reporting]})`;
  return sql<boolean>`(c.last_checkin IS NULL OR c.last_checkin < c.reporting_from OR c.last_checkin < c.supervision_start
    OR ${before('bulanan')} OR ${before('dua_mingguan')}
    OR c.reporting NOT IN ('bulanan', 'dua_mingguan') OR c.supervision_start > c.supervision_end
    OR NOT (${soundDate('c.supervision_start')} AND ${soundDate('c.supervision_end')} AND ${soundDate('c.reporting_from')} AND ${soundDate('c.last_checkin')}))`;
}

/** What the overdue list and the agenda show of a client and compute their schedule from. */
export const REPORTING_CLIENT_COLUMNS = [
  'c.id',
  'c.name',
  'c.register_number',
  'c.supervision_start',
  'c.supervision_end',
  'c.reporting',
  'c.last_checkin',
  'c.reporting_from',
  'c.pk_user_id',
  'u.name as pk_name',
] as const;

/**
 * Clients under supervision with a reporting duty: what the overdue list is computed from (only
 * those who may be overdue, when `cutoffs` are given). The agenda reads its own candidates
 * (db/repositories/agenda.ts).
 */
export const reportingClients = (db: Db, today: string, cutoffs: OverdueCutoffs | null = null) =>
  db.all(
    db.q
      .selectFrom('clients as c')
      .leftJoin('users as u', 'u.id', 'c.pk_user_id')
      .select(REPORTING_CLIENT_COLUMNS)
      .where((eb) => underSupervision(eb, today))
      .where('c.reporting', '!=', 'tidak')
      .where('c.deleted_at', 'is', null)
      .$if(cutoffs !== null, (q) => q.where(mayBeOverdue(cutoffs!))),
  );
