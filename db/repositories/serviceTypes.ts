import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import type { ServiceTypesTable } from '../schema';

export const listServiceTypes = (db: Db) =>
  db.all(db.q.selectFrom('service_types').selectAll().where('deleted_at', 'is', null).orderBy('built_in', 'desc').orderBy('label_id'));

export const serviceCodes = (db: Db): Set<string> =>
  new Set(db.all(db.q.selectFrom('service_types').select('code').where('deleted_at', 'is', null)).map((r) => r.code));

export function insertServiceType(db: Db, row: Insertable<ServiceTypesTable>): void {
  db.run(db.q.insertInto('service_types').values(row));
}
