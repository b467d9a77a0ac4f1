import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import { agreementInForceOn } from './agreementInForce';
import type { BundleExportsTable, BundleImportsTable } from '../schema';
import { underSupervision } from './caseload';

export const bundleExports = (db: Db) => db.all(db.q.selectFrom('bundle_exports').selectAll().orderBy('seq', 'desc'));

export const bundleExport = (db: Db, seq: number) => db.first(db.q.selectFrom('bundle_exports').selectAll().where('seq', '=', seq));

/** The highest number taken, whatever became of it: a reserved or abandoned number is never handed out again. */
export const lastBundleExport = (db: Db) => db.first(db.q.selectFrom('bundle_exports').selectAll().orderBy('seq', 'desc').limit(1));

/** The newest export verified on its medium: the one the next bundle names as its previous. */
export const lastWrittenExport = (db: Db) =>
  db.first(db.q.selectFrom('bundle_exports').selectAll().where('state', '=', 'done').orderBy('seq', 'desc').limit(1));

/** Exports whose number was reserved but whose file was not yet recorded as written (a crash or power cut in between). */
export const reservedExports = (db: Db) => db.all(db.q.selectFrom('bundle_exports').selectAll().where('state', '=', 'reserved').orderBy('seq'));

export function settleExport(db: Db, seq: number, state: 'done' | 'abandoned'): void {
  db.run(db.q.updateTable('bundle_exports').set({ state }).where('seq', '=', seq).where('state', '=', 'reserved'));
}

/** A reservation whose write failed cleanly (nothing left on the medium): its number is free again. */
export function dropReservedExport(db: Db, seq: number): void {
  db.run(db.q.deleteFrom('bundle_exports').where('seq', '=', seq).where('state', '=', 'reserved'));
}

/** The newest export the parent acknowledged: an incremental export starts after its changes. */
export const lastAcknowledgedExport = (db: Db) =>
  db.first(db.q.selectFrom('bundle_exports').selectAll().where('acknowledged_at', 'is not', null).where('state', '=', 'done').orderBy('seq', 'desc').limit(1));

export function insertBundleExport(db: Db, row: Insertable<BundleExportsTable>): void {
  db.run(db.q.insertInto('bundle_exports').values(row));
}

export function acknowledgeExport(db: Db, seq: number, at: string): void {
  db.run(db.q.updateTable('bundle_exports').set({ acknowledged_at: at }).where('seq', '=', seq).where('acknowledged_at', 'is', null));
}

export const bundleImportBySha = (db: Db, sha256: string) => db.first(db.q.selectFrom('bundle_imports').selectAll().where('sha256', '=', sha256));

export const bundleImportBySeq = (db: Db, officeCode: string, seq: number) =>
  db.first(db.q.selectFrom('bundle_imports').selectAll().where('office_code', '=', officeCode).where('seq', '=', seq));

export const bundleImportsOf = (db: Db, officeCode: string) =>
  db.all(db.q.selectFrom('bundle_imports').selectAll().where('office_code', '=', officeCode).orderBy('seq'));

export const allBundleImports = (db: Db) => db.all(db.q.selectFrom('bundle_imports').selectAll().orderBy('office_code').orderBy('seq'));

export function insertBundleImport(db: Db, row: Insertable<BundleImportsTable>): void {
  db.run(db.q.insertInto('bundle_imports').values(row));
}

/** The parent's change_log position after the last bundle from `officeCode` was applied. */
export const lastLocalSeqOf = (db: Db, officeCode: string) =>
  db.first(
    db.q
      .selectFrom('bundle_imports')
      .select((eb) => eb.fn.max('local_seq').as('m'))
      .where('office_code', '=', officeCode),
  )?.m ?? 0;

const sumByOrigin = (rows: readonly { origin: string; n: number }[]) => {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.origin, (by.get(r.origin) ?? 0) + r.n);
  return [...by].map(([origin, n]) => ({ origin, n }));
};

/**
 * Records per office, for the home screen of a Bapas induk: each count reads a partial index that
 * holds only live rows (migration 0018), never the rows themselves.
 */
export function countsByOrigin(db: Db, today: string, openReferralStatuses: readonly string[]) {
  return {
    partners: db.all(
      db.q
        .selectFrom('partners')
        .select(['origin', (eb) => eb.fn.countAll<number>().as('n')])
        .where('deleted_at', 'is', null)
        .groupBy('origin'),
    ),
    clients: db.all(
      db.q
        .selectFrom('clients as c')
        .select(['c.origin', (eb) => eb.fn.countAll<number>().as('n')])
        .where('c.deleted_at', 'is', null)
        .where((eb) => underSupervision(eb, today))
        .groupBy('c.origin'),
    ),
    activities: db.all(
      db.q
        .selectFrom('activities')
        .select(['origin', (eb) => eb.fn.countAll<number>().as('n')])
        .where('deleted_at', 'is', null)
        .groupBy('origin'),
    ),
    agreementsActive: db.all(
      db.q
        .selectFrom('agreements')
        .select(['origin', (eb) => eb.fn.countAll<number>().as('n')])
        .where(agreementInForceOn('agreements', today))
        .groupBy('origin'),
    ),
    // Grouped by status first, as the index runs (status, origin): read in its order, with no
    // sorting of every open referral by office; the statuses are added up per office here.
    referralsOpen: sumByOrigin(
      db.all(
        db.q
          .selectFrom('referrals')
          .select(['status', 'origin', (eb) => eb.fn.countAll<number>().as('n')])
          .where('deleted_at', 'is', null)
          .where('status', 'in', openReferralStatuses as string[])
          .groupBy(['status', 'origin']),
      ),
    ),
  };
}
