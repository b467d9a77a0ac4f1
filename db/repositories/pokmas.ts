import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../connection';
import type { PokmasGroupsTable } from '../schema';

export type PokmasDbRow = Selectable<PokmasGroupsTable>;

export function listGroups(db: Db, archived: 'active' | 'archived' | 'all'): PokmasDbRow[] {
  let q = db.q.selectFrom('pokmas_groups').selectAll();
  if (archived === 'active') q = q.where('deleted_at', 'is', null);
  else if (archived === 'archived') q = q.where('deleted_at', 'is not', null);
  return db.all(q.orderBy('bidang').orderBy('name'));
}

export const groupById = (db: Db, id: string) => db.first(db.q.selectFrom('pokmas_groups').selectAll().where('id', '=', id));

export function insertGroup(db: Db, row: Insertable<PokmasGroupsTable>): void {
  db.run(db.q.insertInto('pokmas_groups').values(row));
}

export function updateGroup(db: Db, id: string, patch: Updateable<PokmasGroupsTable>): void {
  db.run(db.q.updateTable('pokmas_groups').set(patch).where('id', '=', id));
}

/** Current members (not removed) of the given groups, with the partner's name and status. */
export function membersOf(db: Db, groupIds: readonly string[]) {
  if (groupIds.length === 0) return [];
  return db.all(
    db.q
      .selectFrom('pokmas_members as m')
      .innerJoin('partners as p', 'p.id', 'm.partner_id')
      .select(['m.group_id', 'p.id', 'p.name', 'p.status'])
      .where('m.group_id', 'in', groupIds as string[])
      .where('m.deleted_at', 'is', null)
      .orderBy('p.name_key'),
  );
}

/** A group's current members as its printed list shows them: category, type, address, phone, in name order. */
export function memberDetailsOf(db: Db, groupId: string) {
  return db.all(
    db.q
      .selectFrom('pokmas_members as m')
      .innerJoin('partners as p', 'p.id', 'm.partner_id')
      .select(['p.id', 'p.name', 'p.category', 'p.institution_type', 'p.address', 'p.phone', 'p.regency_code', 'p.province_code'])
      .where('m.group_id', '=', groupId)
      .where('m.deleted_at', 'is', null)
      .orderBy('p.name_key')
      .orderBy('p.id'),
  );
}

/** All membership rows of a group, removed ones included, so a re-added partner reuses its row. */
export const memberRowsOf = (db: Db, groupId: string) => db.all(db.q.selectFrom('pokmas_members').selectAll().where('group_id', '=', groupId));

export function insertMember(db: Db, row: { id: string; group_id: string; partner_id: string; at: string; origin: string }): void {
  db.run(
    db.q.insertInto('pokmas_members').values({
      id: row.id,
      group_id: row.group_id,
      partner_id: row.partner_id,
      created_at: row.at,
      updated_at: row.at,
      deleted_at: null,
      origin: row.origin,
    }),
  );
}

export function setMemberRemoved(db: Db, id: string, removedAt: string | null, at: string): void {
  db.run(db.q.updateTable('pokmas_members').set({ deleted_at: removedAt, updated_at: at }).where('id', '=', id));
}

/** Groups (not archived) a partner currently belongs to. */
export function groupsOfPartner(db: Db, partnerId: string) {
  return db.all(
    db.q
      .selectFrom('pokmas_members as m')
      .innerJoin('pokmas_groups as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.name'])
      .where('m.partner_id', '=', partnerId)
      .where('m.deleted_at', 'is', null)
      .where('g.deleted_at', 'is', null)
      .orderBy('g.name'),
  );
}
