import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import { agreementInForceOn } from './agreementInForce';
import type { BundleExportsTable, BundleImportsTable } from '../schema';
import { supervisionEnded } from './caseload';

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

/**
 * Records per office, for the home screen of a Bapas induk. Live partners, activities, open
 * referrals and aktif clients are read from the counts the triggers of migration 0021 keep (one row
 * per office and kind, however many records); the clients whose supervision has ended but whose
 * record is still open (few: the list the office must close) are taken off the aktif count here,
 * since that depends on the day. The agreements in force depend on the day too: read from the
 * agreements not yet ended (the index by end date), not from every agreement.
 */
export function countsByOrigin(db: Db, today: string) {
  const kept = db.all(db.q.selectFrom('office_counts').select(['origin', 'kind', 'n']));
  const of = (kind: string) => kept.filter((r) => r.kind === kind).map((r) => ({ origin: r.origin, n: r.n }));
  const ended = db.all(
    db.q
      .selectFrom('clients as c')
      .select(['c.origin', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.deleted_at', 'is', null)
      .where((eb) => supervisionEnded(eb, today))
      .groupBy('c.origin'),
  );
  const endedOf = new Map(ended.map((r) => [r.origin, r.n]));
  return {
    partners: of('partners'),
    clients: of('clients_aktif').map((r) => ({ origin: r.origin, n: r.n - (endedOf.get(r.origin) ?? 0) })),
    activities: of('activities'),
    agreementsActive: db.all(
      db.q
        .selectFrom('agreements')
        .select(['origin', (eb) => eb.fn.countAll<number>().as('n')])
        // Implied by being in force; lets the plan start at today's end dates.
        .where('end_date', '>=', today)
        .where(agreementInForceOn('agreements', today))
        .groupBy('origin'),
    ),
    referralsOpen: of('referrals_open'),
  };
}
