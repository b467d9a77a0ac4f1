import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import type { PickListTable } from '../schema';

/** The office's extensible pick lists: the services partners offer and the kinds of institution they are. */
export type PickList = 'service_types' | 'institution_types';

/** The entries an officer may pick: built-in first, then those the office added, by name. */
export const listPickList = (db: Db, list: PickList) =>
  db.all(db.q.selectFrom(list).selectAll().where('deleted_at', 'is', null).orderBy('built_in', 'desc').orderBy('label_id'));

export const pickListCodes = (db: Db, list: PickList): Set<string> =>
  new Set(db.all(db.q.selectFrom(list).select('code').where('deleted_at', 'is', null)).map((r) => r.code));

export function insertPickListEntry(db: Db, list: PickList, row: Insertable<PickListTable>): void {
  db.run(db.q.insertInto(list).values(row));
}

export const listServiceTypes = (db: Db) => listPickList(db, 'service_types');
export const serviceCodes = (db: Db) => pickListCodes(db, 'service_types');
export const listInstitutionTypes = (db: Db) => listPickList(db, 'institution_types');
export const institutionCodes = (db: Db) => pickListCodes(db, 'institution_types');
