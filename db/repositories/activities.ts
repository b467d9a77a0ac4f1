import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connection';
import type { ActivitiesTable, ActivityFilesTable } from '../schema';

export type ActivityDbRow = Selectable<ActivitiesTable> & { partner_names: string | null; participants: number; attended: number; files: number };

export interface ActivityFilter {
  type: string | null;
  month: string | null;
  partnerId: string | null;
  clientId: string | null;
}

function withCounts(db: Db) {
  return db.q
    .selectFrom('activities as a')
    .selectAll('a')
    .select([
      sql<string | null>`(SELECT group_concat(p.name, '|') FROM activity_partners ap JOIN partners p ON p.id = ap.partner_id WHERE ap.activity_id = a.id)`.as(
        'partner_names',
      ),
      sql<number>`(SELECT count(*) FROM activity_participants x WHERE x.activity_id = a.id)`.as('participants'),
      sql<number>`(SELECT count(*) FROM activity_participants x WHERE x.activity_id = a.id AND x.attended = 1)`.as('attended'),
      sql<number>`(SELECT count(*) FROM activity_files f WHERE f.activity_id = a.id AND f.deleted_at IS NULL)`.as('files'),
    ])
    .where('a.deleted_at', 'is', null);
}

export function listActivities(db: Db, f: ActivityFilter, limit: number, offset: number): ActivityDbRow[] {
  let q = withCounts(db);
  if (f.type) q = q.where('a.type', '=', f.type);
  if (f.month) q = q.where('a.date', '>=', `${f.month}-01`).where('a.date', '<=', `${f.month}-31`);
  if (f.partnerId) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM activity_partners ap WHERE ap.activity_id = a.id AND ap.partner_id = ${f.partnerId})`);
  if (f.clientId) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM activity_participants x WHERE x.activity_id = a.id AND x.client_id = ${f.clientId})`);
  return db.all(q.orderBy('a.date', 'desc').orderBy('a.created_at', 'desc').limit(limit).offset(offset));
}

export const activityById = (db: Db, id: string): ActivityDbRow | undefined => db.first(withCounts(db).where('a.id', '=', id));

export const activityPartnerIds = (db: Db, id: string) =>
  db.all(db.q.selectFrom('activity_partners').select('partner_id').where('activity_id', '=', id)).map((p) => p.partner_id);

export const activityParticipants = (db: Db, id: string) =>
  db.all(
    db.q
      .selectFrom('activity_participants as x')
      .innerJoin('clients as c', 'c.id', 'x.client_id')
      .select(['x.client_id', 'x.attended', 'x.note', 'c.name', 'c.register_number'])
      .where('x.activity_id', '=', id)
      .orderBy('c.name_key'),
  );

export const activityFiles = (db: Db, id: string) =>
  db.all(db.q.selectFrom('activity_files').selectAll().where('activity_id', '=', id).where('deleted_at', 'is', null).orderBy('created_at'));

export const activityFileById = (db: Db, id: string) =>
  db.first(db.q.selectFrom('activity_files').selectAll().where('id', '=', id).where('deleted_at', 'is', null));

/** The activities a client took part in, for the client's timeline. */
export const activitiesOfClient = (db: Db, clientId: string) =>
  db.all(
    db.q
      .selectFrom('activity_participants as x')
      .innerJoin('activities as a', 'a.id', 'x.activity_id')
      .select(['a.id', 'a.date', 'a.title', 'a.type', 'x.attended'])
      .where('x.client_id', '=', clientId)
      .where('a.deleted_at', 'is', null),
  );

/** How many of these ids exist in a table (to check references before writing). */
export function countExisting(db: Db, table: 'partners' | 'users' | 'clients', ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  return (
    db.first(
      db.q
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', ids as string[]),
    )?.n ?? 0
  );
}

export const userNames = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? new Map<string, string>()
    : new Map(
        db
          .all(
            db.q
              .selectFrom('users')
              .select(['id', 'name'])
              .where('id', 'in', ids as string[]),
          )
          .map((u) => [u.id, u.name]),
      );

export function insertActivity(db: Db, row: Insertable<ActivitiesTable>): void {
  db.run(db.q.insertInto('activities').values(row));
}

export function updateActivity(db: Db, id: string, patch: Updateable<ActivitiesTable>): void {
  db.run(db.q.updateTable('activities').set(patch).where('id', '=', id));
}

/** Replaces the partners and participants of an activity (inside the caller's transaction). */
export function replaceActivityLinks(
  db: Db,
  id: string,
  partnerIds: readonly string[],
  participants: readonly { clientId: string; attended: boolean; note: string }[],
): void {
  db.run(db.q.deleteFrom('activity_partners').where('activity_id', '=', id));
  db.run(db.q.deleteFrom('activity_participants').where('activity_id', '=', id));
  if (partnerIds.length) db.run(db.q.insertInto('activity_partners').values(partnerIds.map((p) => ({ activity_id: id, partner_id: p }))));
  if (participants.length) {
    db.run(
      db.q
        .insertInto('activity_participants')
        .values(participants.map((p) => ({ activity_id: id, client_id: p.clientId, attended: p.attended ? (1 as const) : (0 as const), note: p.note }))),
    );
  }
}

export function insertActivityFile(db: Db, row: Insertable<ActivityFilesTable>): void {
  db.run(db.q.insertInto('activity_files').values(row));
}
