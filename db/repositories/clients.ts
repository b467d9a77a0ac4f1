import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connection';
import type { ClientsTable, ClientStatusChangesTable } from '../schema';
import { NIK_SHOWN_HEAD, NIK_SHOWN_TAIL } from '../../shared/nik';
import { supervisionEnded, underSupervision } from './caseload';
import { containsTerm, textContainsTerm } from './search';

export type ClientDbRow = Selectable<ClientsTable> & { pk_name: string | null };

export interface ClientFilter {
  terms: readonly string[];
  /** A stored status, or `berakhir`; `aktif` is the standing (see shared/clients.ts), not the stored value alone. */
  status: string | null;
  /** The office's day, against which `aktif` and `berakhir` are read. */
  today: string;
  program: string | null;
  pkUserId: string | null;
  regencyCode: string | null;
  /**
   * The caller sees NIKs masked: a term may then match only the NIK digits the caller sees, or the
   * whole NIK exactly, never the hidden ones (or a prefix search would read them back row by row).
   */
  nikMasked: boolean;
  /** The query read as a phone number (phoneSearchTerm), matched as an alternative to `terms`. */
  phone: string | null;
}

/**
 * `search_text` with a 16-digit NIK replaced by its shown parts ("3201 0001"), as a masked list
 * shows it; the masking rule is the one of `maskNik`.
 */
const maskedSearchText = sql<string>`CASE WHEN length(c.nik) = 16
  THEN replace(c.search_text, c.nik, substr(c.nik, 1, ${NIK_SHOWN_HEAD}) || ' ' || substr(c.nik, ${17 - NIK_SHOWN_TAIL}, ${NIK_SHOWN_TAIL}))
  ELSE c.search_text END`;

export type ClientSort = 'name' | 'registerNumber' | 'program' | 'supervisionEnd' | 'updatedAt';

const SORT_COLUMN = {
  name: 'c.name_key',
  registerNumber: 'c.register_number',
  program: 'c.program',
  supervisionEnd: 'c.supervision_end',
  updatedAt: 'c.updated_at',
} as const;

function filtered(db: Db, f: ClientFilter) {
  let q = db.q.selectFrom('clients as c').where('c.deleted_at', 'is', null);
  if (f.terms.length > 0) {
    q = q.where((eb) => {
      const words = eb.and(
        f.terms.map((term) =>
          // Knowing the whole NIK already, the searcher learns nothing by finding its holder.
          f.nikMasked ? eb.or([textContainsTerm(maskedSearchText, term), eb('c.nik', '=', term)]) : containsTerm(term),
        ),
      );
      // A phone-like query ("0812 3456") also finds the client's own number, kept as +62...; the
      // phone is never masked, so this tells a masked searcher nothing about a NIK.
      return f.phone ? eb.or([words, textContainsTerm(sql<string>`replace(c.phone, '+', '')`, f.phone)]) : words;
    });
  }
  if (f.status === 'aktif') q = q.where((eb) => underSupervision(eb, f.today));
  else if (f.status === 'berakhir') q = q.where((eb) => supervisionEnded(eb, f.today));
  else if (f.status) q = q.where('c.status', '=', f.status);
  if (f.program) q = q.where('c.program', '=', f.program);
  if (f.pkUserId) q = q.where('c.pk_user_id', '=', f.pkUserId);
  if (f.regencyCode) q = q.where('c.regency_code', '=', f.regencyCode);
  return q;
}

const withPk = <Q extends ReturnType<typeof filtered>>(q: Q) => q.leftJoin('users as u', 'u.id', 'c.pk_user_id').selectAll('c').select('u.name as pk_name');

export function listClients(db: Db, f: ClientFilter, sort: ClientSort, dir: 'asc' | 'desc', limit: number, offset: number): ClientDbRow[] {
  return db.all(withPk(filtered(db, f)).orderBy(SORT_COLUMN[sort], dir).orderBy('c.name_key', 'asc').orderBy('c.id', 'asc').limit(limit).offset(offset));
}

export function countClients(db: Db, f: ClientFilter): number {
  return db.first(filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

export const clientById = (db: Db, id: string) => db.first(withPk(db.q.selectFrom('clients as c')).where('c.id', '=', id));

export const clientByRegister = (db: Db, origin: string, registerNumber: string) =>
  db.first(
    db.q
      .selectFrom('clients')
      .select(['id', 'name'])
      .where('origin', '=', origin)
      .where('register_number', '=', registerNumber)
      .where('deleted_at', 'is', null),
  );

/** The active client holding this NIK, other than `excludeId`. */
export function activeClientByNik(db: Db, origin: string, nik: string, excludeId: string | null) {
  let q = db.q
    .selectFrom('clients')
    .select(['id', 'name', 'register_number'])
    .where('origin', '=', origin)
    .where('nik', '=', nik)
    .where('status', '=', 'aktif')
    .where('deleted_at', 'is', null);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return db.first(q);
}

export function insertClient(db: Db, row: Insertable<ClientsTable>): void {
  db.run(db.q.insertInto('clients').values(row));
}

export function updateClient(db: Db, id: string, patch: Updateable<ClientsTable>): void {
  db.run(db.q.updateTable('clients').set(patch).where('id', '=', id));
}

export function insertClientStatusChange(db: Db, row: Insertable<ClientStatusChangesTable>): void {
  db.run(db.q.insertInto('client_status_changes').values(row));
}

export const clientStatusChanges = (db: Db, clientId: string) =>
  db.all(
    db.q
      .selectFrom('client_status_changes as s')
      .leftJoin('users as u', 'u.id', 's.changed_by')
      .selectAll('s')
      .select('u.name as by_name')
      .where('s.client_id', '=', clientId)
      .orderBy('s.date', 'desc')
      .orderBy('s.created_at', 'desc'),
  );
