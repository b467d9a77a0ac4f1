import type { Insertable } from 'kysely';
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

/** Clients under supervision with a reporting duty: what the overdue list and the agenda are computed from. */
export const reportingClients = (db: Db, today: string) =>
  db.all(
    db.q
      .selectFrom('clients as c')
      .leftJoin('users as u', 'u.id', 'c.pk_user_id')
      .select([
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
      ])
      .where((eb) => underSupervision(eb, today))
      .where('c.reporting', '!=', 'tidak')
      .where('c.deleted_at', 'is', null),
  );
