import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connection';
import type { OfficeKeysTable } from '../schema';

export const registeredOffices = (db: Db) =>
  db.all(db.q.selectFrom('office_keys').selectAll().where('deleted_at', 'is', null).orderBy('relation').orderBy('office_code'));

export const registeredOffice = (db: Db, code: string) =>
  db.first(db.q.selectFrom('office_keys').selectAll().where('office_code', '=', code).where('deleted_at', 'is', null));

export const registeredParent = (db: Db) =>
  db.first(db.q.selectFrom('office_keys').selectAll().where('relation', '=', 'parent').where('deleted_at', 'is', null));

export function insertOfficeKey(db: Db, row: Insertable<OfficeKeysTable>): void {
  db.run(db.q.insertInto('office_keys').values(row));
}

export function updateOfficeKey(db: Db, code: string, patch: Updateable<OfficeKeysTable>): void {
  db.run(db.q.updateTable('office_keys').set(patch).where('office_code', '=', code));
}
