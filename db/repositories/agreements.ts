import { type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connection';
import type { AgreementScansTable, AgreementsTable } from '../schema';

export type AgreementDbRow = Selectable<AgreementsTable> & { partner_name: string };

function withPartner(db: Db) {
  return db.q.selectFrom('agreements as a').innerJoin('partners as p', 'p.id', 'a.partner_id').selectAll('a').select('p.name as partner_name');
}

export const agreementById = (db: Db, id: string) => db.first(withPartner(db).where('a.id', '=', id));

/** The columns a list row shows and its status is read from: never the pasal texts of every agreement. */
const LIST_COLUMNS = [
  'a.id',
  'a.partner_id',
  'a.subject',
  'a.office_number',
  'a.start_date',
  'a.end_date',
  'a.bidang',
  'a.signed_on',
  'a.cancelled_on',
  'a.updated_at',
] as const;

type ListColumn = (typeof LIST_COLUMNS)[number] extends `a.${infer C extends keyof AgreementDbRow}` ? C : never;
export type AgreementListDbRow = Pick<AgreementDbRow, ListColumn | 'partner_name'>;

export function listAgreements(db: Db, f: { partnerId: string | null }): AgreementListDbRow[] {
  let q = db.q
    .selectFrom('agreements as a')
    .innerJoin('partners as p', 'p.id', 'a.partner_id')
    .select([...LIST_COLUMNS, 'p.name as partner_name'])
    .where('a.deleted_at', 'is', null);
  if (f.partnerId) q = q.where('a.partner_id', '=', f.partnerId);
  return db.all(q.orderBy('a.end_date', 'asc').orderBy('a.office_number'));
}

/** Numbers are unique within the office that gave them (a Bapas induk also holds its posts' agreements). */
export const agreementByNumber = (db: Db, origin: string, officeNumber: string) =>
  db.first(db.q.selectFrom('agreements').select(['id']).where('origin', '=', origin).where('office_number', '=', officeNumber));

/** Highest sequence number used in a year; read inside the write lock so two saves cannot take the same one. */
export function maxSequence(db: Db, origin: string, year: number): number {
  return (
    db.first(
      db.q
        .selectFrom('agreements')
        .select((eb) => eb.fn.max('number_seq').as('m'))
        .where('origin', '=', origin)
        .where('number_year', '=', year),
    )?.m ?? 0
  );
}

export const renewalOf = (db: Db, id: string) =>
  db.first(db.q.selectFrom('agreements').select(['id', 'office_number']).where('previous_id', '=', id).where('deleted_at', 'is', null));

export const numberOf = (db: Db, id: string) => db.first(db.q.selectFrom('agreements').select(['office_number']).where('id', '=', id))?.office_number ?? null;

export function insertAgreement(db: Db, row: Insertable<AgreementsTable>): void {
  db.run(db.q.insertInto('agreements').values(row));
}

export function updateAgreement(db: Db, id: string, patch: Updateable<AgreementsTable>): void {
  db.run(db.q.updateTable('agreements').set(patch).where('id', '=', id));
}

export function insertScan(db: Db, row: Insertable<AgreementScansTable>): void {
  db.run(db.q.insertInto('agreement_scans').values(row));
}

/** Every scan filed for an agreement, newest first: the first is the current one, the rest its history. */
export function scansOf(db: Db, agreementId: string) {
  return db.all(
    db.q
      .selectFrom('agreement_scans as s')
      .leftJoin('users as u', 'u.id', 's.uploaded_by')
      .select(['s.id', 's.filename', 's.mime', 's.size', 's.sha256', 's.created_at', 'u.name as uploaded_by_name'])
      .where('s.agreement_id', '=', agreementId)
      .where('s.deleted_at', 'is', null)
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc'),
  );
}

export const scanById = (db: Db, id: string) => db.first(db.q.selectFrom('agreement_scans').selectAll().where('id', '=', id));
