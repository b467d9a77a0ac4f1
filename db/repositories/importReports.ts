import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import type { ClientDbRow } from './clients';
import type { ImportReportsTable } from '../schema';

export function insertImportReport(db: Db, row: Insertable<ImportReportsTable>): void {
  db.run(db.q.insertInto('import_reports').values(row));
}

export const importReportById = (db: Db, id: string) => db.first(db.q.selectFrom('import_reports').selectAll().where('id', '=', id));

export const recentImportReports = (db: Db) =>
  db.all(
    db.q
      .selectFrom('import_reports as r')
      .leftJoin('users as u', 'u.id', 'r.created_by')
      .select(['r.id', 'r.filename', 'r.sheet', 'r.counts', 'r.created_at', 'u.name as by_name'])
      .orderBy('r.created_at', 'desc')
      .limit(50),
  );

/**
 * Every current client of one office, for an import's check to match rows against by register
 * number and NIK: numbers are unique per office, and a Bapas induk's posts keep their own clients.
 */
export const clientsOfOffice = (db: Db, origin: string): ClientDbRow[] =>
  db.all(
    db.q
      .selectFrom('clients as c')
      .selectAll('c')
      .select((eb) => eb.val<string | null>(null).as('pk_name'))
      .where('c.deleted_at', 'is', null)
      .where('c.origin', '=', origin),
  );
