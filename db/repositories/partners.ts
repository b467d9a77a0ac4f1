import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connection';
import type { PartnersTable, PartnerStatusChangesTable } from '../schema';
import { partnerHasAgreementInForce } from './agreementInForce';
import { containsTerm, textContainsTerm } from './search';

export type PartnerDbRow = Selectable<PartnersTable>;

export interface PartnerFilter {
  terms: readonly string[];
  /** The query read as a phone number (phoneSearchTerm), matched as an alternative to `terms`. */
  phone: string | null;
  bidang: string | null;
  category: string | null;
  institutionType: string | null;
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
  if (f.terms.length > 0) {
    // Phones are kept as +62...: "0812 3456" finds them as "62812 3456" would not.
    q = q.where((eb) => {
      const words = eb.and(f.terms.map((t) => containsTerm(t)));
      return f.phone ? eb.or([words, textContainsTerm(sql<string>`replace(partners.phone, '+', '')`, f.phone)]) : words;
    });
  }
  if (f.category) q = q.where('category', '=', f.category);
  if (f.institutionType) q = q.where('institution_type', '=', f.institutionType);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.regencyCode) q = q.where('regency_code', '=', f.regencyCode);
  if (f.origin) q = q.where('origin', '=', f.origin);
  if (f.bidang) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(partners.bidang) WHERE value = ${f.bidang})`);
  if (f.service) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(partners.services) WHERE value = ${f.service})`);
  return q;
}

/**
 * A page of partners, each with `in_force`: 1 when it holds an agreement in force on `today`.
 * `regencyOrder` lists kabupaten/kota codes in the order of their names: the kabupaten sort follows
 * the names officers read, not the Kemendagri codes (which put "Kota Bengkulu" before "Kabupaten
 * Bengkulu Selatan" by number). Partners without a kabupaten come last either way.
 */
export function listPartners(
  db: Db,
  f: PartnerFilter,
  sort: PartnerSort,
  dir: 'asc' | 'desc',
  limit: number,
  offset: number,
  today: string,
  regencyOrder: readonly string[] = [],
): (PartnerDbRow & { in_force: number })[] {
  let q = filtered(db, f).selectAll('partners').select(partnerHasAgreementInForce(today).as('in_force'));
  if (sort === 'regency') {
    q = q
      .leftJoin(sql<{ key: number; value: string }>`json_each(${JSON.stringify(regencyOrder)})`.as('rn'), 'rn.value', 'partners.regency_code')
      .orderBy(sql`partners.regency_code IS NULL`)
      .orderBy(sql`rn.key`, dir)
      .orderBy('partners.regency_code', dir);
  } else {
    q = q.orderBy(`partners.${SORT_COLUMN[sort]}`, dir);
  }
  return db.all(
    q
      .orderBy('partners.name_key', 'asc')
      .orderBy(sql`partners.id`)
      .limit(limit)
      .offset(offset),
  );
}

export function partnerInForce(db: Db, id: string, today: string): boolean {
  return db.first(db.q.selectFrom('partners').select(partnerHasAgreementInForce(today).as('in_force')).where('id', '=', id))?.in_force === 1;
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

/**
 * The partners of one kabupaten (or all without one), archived ones too, by name: the candidates
 * the duplicate check compares names with (shared/partnerNames.ts reads the variants SQL cannot).
 */
export function partnersInRegency(db: Db, regencyCode: string | null, excludeId: string | null) {
  let q = db.q.selectFrom('partners').select(['id', 'name', 'regency_code', 'deleted_at']);
  q = regencyCode ? q.where('regency_code', '=', regencyCode) : q.where('regency_code', 'is', null);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return db.all(q.orderBy('name_key').orderBy('id'));
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
