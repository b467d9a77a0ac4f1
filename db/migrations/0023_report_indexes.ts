import type { Migration } from './types';

/**
 * Indexes for the report (Laporan): each figure of a month reads the period's rows from an index
 * instead of every record the office holds. Without them the home visits read every client's
 * check-ins, the outcomes every referral, and the wajib-lapor figures looked up each check-in's
 * row for its kind.
 */
export const m0023: Migration = {
  version: 23,
  name: 'report_indexes',
  up(db) {
    db.exec(`
-- A client's check-ins in date order with their kind and whether archived: the wajib-lapor figures,
-- a client's page and the overdue list read them from the index alone.
DROP INDEX checkins_by_client;
CREATE INDEX checkins_by_client ON checkins (client_id, date, kind, deleted_at);
-- A client's referrals with what the report asks of them (archived, outcome, closed on): whether
-- an active client was referred or placed in work is read from the index alone.
DROP INDEX referrals_by_client;
CREATE INDEX referrals_by_client ON referrals (client_id, date, deleted_at, outcome, status_date);
-- Home visits (and any one kind of check-in) in a period.
CREATE INDEX checkins_live_by_kind ON checkins (kind, date) WHERE deleted_at IS NULL;
-- Referrals closed with an outcome in a period.
CREATE INDEX referrals_by_outcome_date ON referrals (status_date) WHERE outcome IS NOT NULL AND deleted_at IS NULL;
-- Clients whose record was closed in a period. (No index on the start date: SQLite would prefer it
-- to clients_by_standing for "under supervision on a day" and read every client begun by then.)
CREATE INDEX clients_closed_by_date ON clients (status_date) WHERE status <> 'aktif' AND deleted_at IS NULL;
`);
  },
};
