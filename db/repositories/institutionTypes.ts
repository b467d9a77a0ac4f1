import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import type { InstitutionTypesTable } from '../schema';

/** The institution types an officer may pick: built-in first, then those the office added, by name. */
export const listInstitutionTypes = (db: Db) =>
  db.all(db.q.selectFrom('institution_types').selectAll().where('deleted_at', 'is', null).orderBy('built_in', 'desc').orderBy('label_id'));

export const institutionCodes = (db: Db): Set<string> =>
  new Set(db.all(db.q.selectFrom('institution_types').select('code').where('deleted_at', 'is', null)).map((r) => r.code));

export function insertInstitutionType(db: Db, row: Insertable<InstitutionTypesTable>): void {
  db.run(db.q.insertInto('institution_types').values(row));
}
