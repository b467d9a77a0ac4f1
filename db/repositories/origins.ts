import type { Db } from '../connection';

/** The first of these records kept by an office other than `own` (its origin), or null when all are `own`'s. */
export function foreignOrigin(db: Db, table: 'clients' | 'partners', ids: readonly string[], own: string): string | null {
  if (ids.length === 0) return null;
  return (
    db.first(
      db.q
        .selectFrom(table)
        .select('origin')
        .where('id', 'in', ids as string[])
        .where('origin', '!=', own)
        .orderBy('origin')
        .limit(1),
    )?.origin ?? null
  );
}
