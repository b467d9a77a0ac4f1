import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../connection';
import type { Schema } from '../schema';

type Clients = ExpressionBuilder<Schema & { c: Schema['clients'] }, 'c'>;

/**
 * The SQL of shared/clients.ts `clientStanding`: under supervision = open record whose supervision
 * has not ended; `berakhir` = open record past its end. Every count and list of aktif clients goes
 * through these (tests/integration/caseload.test.ts checks each against the shared rule).
 */
export const underSupervision = (eb: Clients, today: string) => eb.and([eb('c.status', '=', 'aktif'), eb('c.supervision_end', '>=', today)]);
export const supervisionEnded = (eb: Clients, today: string) => eb.and([eb('c.status', '=', 'aktif'), eb('c.supervision_end', '<', today)]);

/**
 * The SQL of shared/clients.ts `wasUnderSupervisionOn` for the clients row under `alias`: open on
 * `day` (or closed after it), supervision begun and not ended. What the reports count as aktif.
 */
export function underSupervisionOn(alias: string, day: string): RawBuilder<SqlBool> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<SqlBool>`((${c('status')} = 'aktif' OR ${c('status_date')} > ${day}) AND ${c('supervision_start')} <= ${day} AND ${c('supervision_end')} >= ${day})`;
}

/** Open records whose supervision has ended: the list "masa bimbingan berakhir, belum ditutup", longest ended first. */
/** This office's own clients only: at a Bapas induk a post's clients are closed at the post (one writer per record). */
export const endedClients = (db: Db, today: string, origin: string) =>
  db.all(
    db.q
      .selectFrom('clients as c')
      .leftJoin('users as u', 'u.id', 'c.pk_user_id')
      .select(['c.id', 'c.name', 'c.register_number', 'c.supervision_end', 'c.status_date', 'c.updated_at', 'c.pk_user_id', 'u.name as pk_name'])
      .where('c.deleted_at', 'is', null)
      .where('c.origin', '=', origin)
      .where((eb) => supervisionEnded(eb, today))
      .orderBy('c.supervision_end')
      .orderBy('c.name_key'),
  );
