import type { Db } from '../connection';

/** Every kabupaten/kota code a current partner or client lies in, whichever office keeps it. */
export function regenciesInRecords(db: Db): string[] {
  const of = (table: 'partners' | 'clients') =>
    db
      .all(db.q.selectFrom(table).select('regency_code').distinct().where('deleted_at', 'is', null).where('regency_code', 'is not', null))
      .map((r) => r.regency_code!);
  return [...new Set([...of('partners'), ...of('clients')])];
}
