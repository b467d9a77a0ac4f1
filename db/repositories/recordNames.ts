import { sql } from 'kysely';
import type { Db } from '../connection';
import { textContainsTerm } from './search';

/** Records that history and the audit log name; each kind is read in one query for a whole page. */
export type NamedKind = 'user' | 'partner' | 'client' | 'agreement' | 'referral' | 'pokmas_group' | 'activity';

/** Names of the given ids of one kind (archived records included: history outlives them). */
export function namesOf(db: Db, kind: NamedKind, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const list = [...ids];
  const rows: { id: string; name: string }[] = (() => {
    switch (kind) {
      case 'user':
        return db.all(db.q.selectFrom('users').select(['id', 'name']).where('id', 'in', list));
      case 'partner':
        return db.all(db.q.selectFrom('partners').select(['id', 'name']).where('id', 'in', list));
      case 'client':
        return db.all(
          db.q
            .selectFrom('clients')
            .select(['id', sql<string>`name || ' (' || register_number || ')'`.as('name')])
            .where('id', 'in', list),
        );
      case 'agreement':
        return db.all(
          db.q
            .selectFrom('agreements')
            .leftJoin('partners', 'partners.id', 'agreements.partner_id')
            .select(['agreements.id as id', sql<string>`COALESCE(agreements.office_number, 'Draf PKS') || COALESCE(' · ' || partners.name, '')`.as('name')])
            .where('agreements.id', 'in', list),
        );
      case 'referral':
        return db.all(
          db.q
            .selectFrom('referrals')
            .leftJoin('clients', 'clients.id', 'referrals.client_id')
            .leftJoin('partners', 'partners.id', 'referrals.partner_id')
            .select(['referrals.id as id', sql<string>`COALESCE(clients.name, '') || ' → ' || COALESCE(partners.name, '')`.as('name')])
            .where('referrals.id', 'in', list),
        );
      case 'pokmas_group':
        return db.all(db.q.selectFrom('pokmas_groups').select(['id', 'name']).where('id', 'in', list));
      case 'activity':
        return db.all(db.q.selectFrom('activities').select(['id', 'title as name']).where('id', 'in', list));
    }
  })();
  for (const r of rows) out.set(r.id, r.name);
  return out;
}

export function serviceLabelsOf(db: Db, codes: readonly string[]): { code: string; label_id: string; label_en: string }[] {
  if (codes.length === 0) return [];
  return db.all(
    db.q
      .selectFrom('service_types')
      .select(['code', 'label_id', 'label_en'])
      .where('code', 'in', [...codes]),
  );
}

export function institutionLabelsOf(db: Db, codes: readonly string[]): { code: string; label_id: string; label_en: string }[] {
  if (codes.length === 0) return [];
  return db.all(
    db.q
      .selectFrom('institution_types')
      .select(['code', 'label_id', 'label_en'])
      .where('code', 'in', [...codes]),
  );
}

/**
 * Ids of records whose name (or PKS number, or client register number) contains `term`, for the
 * audit log's record filter: officers look a record up by what it is called, not by its id.
 */
export function idsNamed(db: Db, term: string, limit: number): string[] {
  const like = (col: string) => textContainsTerm(sql<string>`lower(${sql.ref(col)})`, term.toLowerCase());
  const queries: (() => { id: string }[])[] = [
    () => db.all(db.q.selectFrom('partners').select('id').where(like('name')).limit(limit)),
    () =>
      db.all(
        db.q
          .selectFrom('clients')
          .select('id')
          .where((eb) => eb.or([like('name'), like('register_number')]))
          .limit(limit),
      ),
    () =>
      db.all(
        db.q
          .selectFrom('users')
          .select('id')
          .where((eb) => eb.or([like('name'), like('username')]))
          .limit(limit),
      ),
    () => db.all(db.q.selectFrom('agreements').select('id').where(like('office_number')).limit(limit)),
    () => db.all(db.q.selectFrom('pokmas_groups').select('id').where(like('name')).limit(limit)),
    () => db.all(db.q.selectFrom('activities').select('id').where(like('title')).limit(limit)),
    () =>
      db.all(
        db.q
          .selectFrom('service_types')
          .select('code as id')
          .where((eb) => eb.or([like('label_id'), like('label_en')]))
          .limit(limit),
      ),
  ];
  const ids: string[] = [];
  for (const q of queries) {
    for (const r of q()) ids.push(r.id);
    if (ids.length >= limit) break;
  }
  return ids.slice(0, limit);
}
