import { LATEST_VERSION } from '../../db/migrations/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { OPEN_REFERRAL_STATUSES } from '../../shared/referrals';
import { makeApp, type TestApp } from '../support/app';
import { CLIENT, PARTNER, SETUP } from '../support/fixtures';
import { pairedOffices, sendUp, type Pair } from '../support/offices';
import { postWithEverything } from '../support/rebundle';

/**
 * The per-office counts of a Bapas induk's Beranda are kept by triggers (migration 0021): every
 * way a counted row comes, goes or moves (a form, an archive and a restore, a status change, a
 * bundle's apply that changes a post's rows, a row deleted or moved to another office by hand, an
 * older file migrated) leaves them equal to plain counts of the records.
 */
let p: Pair;
beforeEach(async () => {
  p = await pairedOffices();
});
afterEach(() => p.dispose());

const today = (app: TestApp) => app.clock.now.toISOString().slice(0, 10);

function plainCounts(raw: Database, origin: string, day: string) {
  const n = (q: string, ...args: unknown[]) => (raw.prepare(q).get(origin, ...args) as { n: number }).n;
  const open = OPEN_REFERRAL_STATUSES.map((s) => `'${s}'`).join(', ');
  return {
    partners: n(`SELECT count(*) AS n FROM partners WHERE origin = ? AND deleted_at IS NULL`),
    clients: n(`SELECT count(*) AS n FROM clients WHERE origin = ? AND deleted_at IS NULL AND status = 'aktif' AND supervision_end >= ?`, day),
    activities: n(`SELECT count(*) AS n FROM activities WHERE origin = ? AND deleted_at IS NULL`),
    referralsOpen: n(`SELECT count(*) AS n FROM referrals WHERE origin = ? AND deleted_at IS NULL AND status IN (${open})`),
  };
}

/** Beranda's counts at the parent for every office, beside plain counts of the same rows. */
async function compare(app: TestApp, token: string) {
  const got = await app.call('bundles.officeCounts', {}, token);
  return got.map((r) => ({
    office: r.officeCode,
    got: { partners: r.partners, clients: r.clients, activities: r.activities, referralsOpen: r.referralsOpen },
    plain: plainCounts(app.db.raw, r.officeCode, today(app)),
  }));
}

const expectEqual = async (app: TestApp, token: string) => {
  const rows = await compare(app, token);
  for (const r of rows) expect(r.got, r.office).toEqual(r.plain);
  return rows;
};

describe('per-office counts kept by triggers', () => {
  it('follow a post’s records through bundles: new rows, a status moved on, a client closed, an archive and a restore', async () => {
    const { partner, referral } = await postWithEverything(p.post, p.postAdmin);
    const client = await p.post.call(
      'clients.create',
      { data: { ...CLIENT, registerNumber: 'PB-002/2025', name: 'Andi Wijaya', nik: '1702091504860002' }, statusDate: '2025-01-15' },
      p.postAdmin,
    );
    await sendUp(p.post, p.postAdmin, p.parent, p.parentAdmin);
    const first = await expectEqual(p.parent, p.parentAdmin);
    expect(first.find((r) => r.office === 'CRP')!.got).toMatchObject({ partners: 2, clients: 1, activities: 1, referralsOpen: 1 });

    // The referral ends, the client's record is closed, a partner archived: the apply updates rows in place.
    await p.post.call(
      'referrals.setStatus',
      {
        id: referral.id,
        expectedUpdatedAt: (await p.post.call('referrals.get', { id: referral.id }, p.postAdmin)).updatedAt,
        status: 'dihentikan',
        date: '2025-03-05',
        note: 'Klien pindah domisili',
      },
      p.postAdmin,
    );
    await p.post.call('clients.setStatus', { id: client.id, status: 'dicabut', date: '2025-03-05', reason: 'Pelanggaran syarat' }, p.postAdmin);
    await p.post.call('partners.archive', { id: partner.id }, p.postAdmin);
    await sendUp(p.post, p.postAdmin, p.parent, p.parentAdmin);
    const second = await expectEqual(p.parent, p.parentAdmin);
    expect(second.find((r) => r.office === 'CRP')!.got).toMatchObject({ partners: 1, clients: 0, referralsOpen: 0 });

    // Restored at the post and sent again: counted again.
    await p.post.call('partners.restore', { id: partner.id }, p.postAdmin);
    await sendUp(p.post, p.postAdmin, p.parent, p.parentAdmin);
    expect((await expectEqual(p.parent, p.parentAdmin)).find((r) => r.office === 'CRP')!.got.partners).toBe(2);
  });

  it('follow the parent’s own archive and restore, a row deleted, a row moved to another office and a client whose supervision ends', async () => {
    const own = await p.parent.call('partners.create', PARTNER, p.parentAdmin);
    await p.parent.call('partners.create', { ...PARTNER, name: 'Bengkel Las Maju' }, p.parentAdmin);
    const client = await p.parent.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, p.parentAdmin);
    expect((await expectEqual(p.parent, p.parentAdmin)).find((r) => r.office === 'BKL')!.got).toMatchObject({ partners: 2, clients: 1 });

    await p.parent.call('partners.archive', { id: own.id }, p.parentAdmin);
    expect((await expectEqual(p.parent, p.parentAdmin)).find((r) => r.office === 'BKL')!.got.partners).toBe(1);
    await p.parent.call('partners.restore', { id: own.id }, p.parentAdmin);
    expect((await expectEqual(p.parent, p.parentAdmin)).find((r) => r.office === 'BKL')!.got.partners).toBe(2);

    // A hand repair: one partner moved to the post's code, the other deleted outright.
    const raw = p.parent.db.raw;
    raw.prepare(`UPDATE partners SET origin = 'CRP' WHERE id = ?`).run(own.id);
    raw.prepare(`DELETE FROM partner_status_changes WHERE partner_id IN (SELECT id FROM partners WHERE origin = 'BKL')`).run();
    raw.prepare(`DELETE FROM partners WHERE origin = 'BKL'`).run();
    const moved = await expectEqual(p.parent, p.parentAdmin);
    expect(moved.find((r) => r.office === 'BKL')!.got.partners).toBe(0);
    expect(moved.find((r) => r.office === 'CRP')!.got.partners).toBe(1);

    // The day after the supervision ends the client is no longer counted, with no write at all.
    const signIn = async () => (await p.parent.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
    p.parent.clock.now = new Date(`${client.supervisionEnd}T03:00:00Z`);
    expect((await expectEqual(p.parent, await signIn())).find((r) => r.office === 'BKL')!.got.clients).toBe(1);
    p.parent.clock.now = new Date(Date.parse(`${client.supervisionEnd}T03:00:00Z`) + 86_400_000);
    expect((await expectEqual(p.parent, await signIn())).find((r) => r.office === 'BKL')!.got.clients).toBe(0);
  });

  it('are counted from the rows when an existing database is migrated', async () => {
    await postWithEverything(p.post, p.postAdmin);
    await sendUp(p.post, p.postAdmin, p.parent, p.parentAdmin);
    const before = await expectEqual(p.parent, p.parentAdmin);
    // The file as version 20 left it: no counts, no triggers, no agenda indexes; reopened, the app migrates it.
    const raw = p.parent.db.raw;
    for (const { type, name } of raw
      .prepare(`SELECT type, name FROM sqlite_master WHERE name LIKE '%_count_%' OR name LIKE 'clients_agenda_%' OR name = 'office_counts'`)
      .all() as { type: string; name: string }[])
      raw.exec(`DROP ${type.toUpperCase()} ${name}`);
    // Nor what the later migrations add (0023's report indexes, 0027's restore note), which migrate again after 0021.
    for (const index of ['checkins_live_by_kind', 'referrals_by_outcome_date', 'clients_closed_by_date']) raw.exec(`DROP INDEX ${index}`);
    raw.exec(`ALTER TABLE bundle_imports DROP COLUMN after_restore`);
    raw.pragma('user_version = 20');
    // A row archived while the counts did not exist: the migration counts the rows as they are.
    raw.prepare(`UPDATE partners SET deleted_at = updated_at WHERE name = 'Bengkel Las Maju'`).run();
    const dir = p.parent.dir;
    p.parent.close();
    const reopened = makeApp(p.parent.clock.now, { dir });
    try {
      const token = (await reopened.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
      expect(reopened.db.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const rows = reopened.db.raw.prepare(`SELECT origin, kind, n FROM office_counts ORDER BY origin, kind`).all() as {
        origin: string;
        kind: string;
        n: number;
      }[];
      const crp = plainCounts(reopened.db.raw, 'CRP', today(reopened));
      expect(rows.find((r) => r.origin === 'CRP' && r.kind === 'partners')?.n).toBe(crp.partners);
      expect(rows.find((r) => r.origin === 'CRP' && r.kind === 'activities')?.n).toBe(crp.activities);
      const after = await expectEqual(reopened, token);
      expect(after.find((r) => r.office === 'CRP')!.got.partners).toBe(before.find((r) => r.office === 'CRP')!.got.partners - 1);
    } finally {
      reopened.close();
    }
  });
});
