import type { Migration } from './types';

/**
 * Indexes for the lists and home figures of a Bapas induk holding several posts' records: each
 * list reads its page in the order it shows (the newest referrals first) and stops at the page,
 * and each count reads a small index instead of every row. Without them a page of 50 sorted all
 * of the posts' referrals, and the per-office counts read every activity.
 */
export const m0018: Migration = {
  version: 18,
  name: 'list_indexes',
  up(db) {
    db.exec(`
-- The referral register, newest first (the id last, so a page never repeats or skips a row of a
-- day's ties), and its filters (status, PK, service) in the same order.
CREATE INDEX referrals_by_date ON referrals (date, created_at, id);
CREATE INDEX referrals_by_status_date ON referrals (status, date, created_at, id);
CREATE INDEX referrals_by_pk_date ON referrals (pk_user_id, date, created_at, id);
CREATE INDEX referrals_by_service_date ON referrals (service, date, created_at, id);
-- Open referrals per office (home screen of a Bapas induk).
CREATE INDEX referrals_live_by_status_origin ON referrals (status, origin) WHERE deleted_at IS NULL;
-- Clients under supervision (status aktif, end not passed) per office: the counts, the overdue
-- list, the agenda and the ended list start here.
CREATE INDEX clients_by_standing ON clients (status, supervision_end, origin) WHERE deleted_at IS NULL;
-- Activities per office (home screen of a Bapas induk) and the newest first.
CREATE INDEX activities_live_by_origin ON activities (origin) WHERE deleted_at IS NULL;
`);
  },
};
