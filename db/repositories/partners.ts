import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connection';
import type { PartnersTable, PartnerStatusChangesTable } from '../schema';
import { agreementInForce } from './agreements';
import { containsTerm } from './search';

export type PartnerDbRow = Selectable<PartnersTable>;

export interface PartnerFilter {
  terms: readonly string[];
  bidang: string | null;
  category: string | null;
  service: string | null;
  status: string | null;
  regencyCode: string | null;
  origin: string | null;
  archived: 'active' | 'archived' | 'all';
}

export type PartnerSort = 'name' | 'category' | 'status' | 'regency' | 'updatedAt' | 'capacity';

const SORT_COLUMN = {
  name: 'name_key',
  category: 'category',
  status: 'status',
  regency: 'regency_code',
  updatedAt: 'updated_at',
  capacity: 'capacity',
} as const satisfies Record<PartnerSort, keyof PartnersTable>;

function filtered(db: Db, f: PartnerFilter) {
  let q = db.q.selectFrom('partners');
  if (f.archived === 'active') q = q.where('deleted_at', 'is', null);
  else if (f.archived === 'archived') q = q.where('deleted_at', 'is not', null);
  for (const term of f.terms) q = q.where(containsTerm(term));
  if (f.category) q = q.where('category', '=', f.category);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.regencyCode) q = q.where('regency_code', '=', f.regencyCode);
  if (f.origin) q = q.where('origin', '=', f.origin);
  if (f.bidang) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(partners.bidang) WHERE value = ${f.bidang})`);
  if (f.service) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(partners.services) WHERE value = ${f.service})`);
  return q;
}

/** A page of partners, each with `in_force`: 1 when it holds an agreement in force on `today`. */
export function listPartners(
  db: Db,
  f: PartnerFilter,
  sort: PartnerSort,
  dir: 'asc' | 'desc',
  limit: number,
  offset: number,
  today: string,
): (PartnerDbRow & { in_force: number })[] {
  return db.all(
    filtered(db, f)
      .selectAll()
      .select(agreementInForce(today).as('in_force'))
      .orderBy(SORT_COLUMN[sort], dir)
      .orderBy('name_key', 'asc')
      .orderBy('id', 'asc')
      .limit(limit)
      .offset(offset),
  );
}

export function partnerInForce(db: Db, id: string, today: string): boolean {
  return db.first(db.q.selectFrom('partners').select(agreementInForce(today).as('in_force')).where('id', '=', id))?.in_force === 1;
}

export function countPartners(db: Db, f: PartnerFilter): number {
  return db.first(filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

export const partnerById = (db: Db, id: string) => db.first(db.q.selectFrom('partners').selectAll().where('id', '=', id));

export function partnersByIds(db: Db, ids: readonly string[]): PartnerDbRow[] {
  if (ids.length === 0) return [];
  return db.all(
    db.q
      .selectFrom('partners')
      .selectAll()
      .where('id', 'in', ids as string[]),
  );
}

/** Same folded name in the same kabupaten (or both without one). */
export function sameNameAndRegency(db: Db, nameKey: string, regencyCode: string | null, excludeId: string | null): PartnerDbRow[] {
  let q = db.q.selectFrom('partners').selectAll().where('name_key', '=', nameKey);
  q = regencyCode ? q.where('regency_code', '=', regencyCode) : q.where('regency_code', 'is', null);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return db.all(q.limit(10));
}

export function insertPartner(db: Db, row: Insertable<PartnersTable>): void {
  db.run(db.q.insertInto('partners').values(row));
}

export function updatePartner(db: Db, id: string, patch: Updateable<PartnersTable>): void {
  db.run(db.q.updateTable('partners').set(patch).where('id', '=', id));
}

export function insertStatusChange(db: Db, row: Insertable<PartnerStatusChangesTable>): void {
  db.run(db.q.insertInto('partner_status_changes').values(row));
}

export function statusChangesOf(db: Db, partnerId: string) {
  return db.all(
    db.q
      .selectFrom('partner_status_changes as s')
      .leftJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.from_status', 's.to_status', 's.date', 's.note', 's.created_at', 'u.name as user_name'])
      .where('s.partner_id', '=', partnerId)
      .orderBy('s.created_at', 'desc'),
  );
}

/** Partners with status aktif, not archived, that offer a service. */
export const activePartnersOffering = (db: Db, service: string): PartnerDbRow[] =>
  db.all(
    db.q
      .selectFrom('partners')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('status', '=', 'aktif')
      .where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(partners.services) WHERE value = ${service})`),
  );
