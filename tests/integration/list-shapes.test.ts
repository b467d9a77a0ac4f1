import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AppCore } from '../../electron/services/app';
import { agreementInForceOn } from '../../db/repositories/agreementInForce';
import { addDays, AGREEMENT_STATUSES } from '../../shared/agreements';
import { reportingState, schedule } from '../../shared/checkins';
import type { AgendaPage } from '../../shared/types';
import { OPEN_REFERRAL_STATUSES } from '../../shared/referrals';
import type { Reporting } from '../../shared/clients';
import { seed } from '../../scripts/seed';
import { SETUP } from '../support/fixtures';

/**
 * The lists whose queries were reshaped for a Bapas induk (keyset order read from an index, the
 * at-risk referrals picked from the agreements, the overdue list read from the possibly overdue
 * clients only, the agreement register without the pasal texts) give what the plain reading of
 * their rule gives, on the small seed (a thousand clients, three thousand referrals).
 */
let dir: string;
let core: AppCore;
let token: string;
const today = '2026-06-15';

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await core.dispatch({ method, input, token });
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mitra-shapes-'));
  core = await seed(dir, 'small', today);
  // The office's clock on the seed's day.
  (core.ctx as { now: () => Date }).now = () => new Date(`${today}T03:00:00Z`);
  const login = await core.dispatch({ method: 'auth.login', input: { username: 'admin', password: SETUP.admin.password }, token: null });
  if (!login.ok) throw new Error(login.error.message);
  token = (login.value as { token: string }).token;
}, 60_000);

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('list shapes on a seeded office', () => {
  it('referrals.list pages newest first, a day’s ties by id, with each filter, and pages never overlap', async () => {
    const all = core.db.raw.prepare(`SELECT id, date, created_at, status, pk_user_id, service FROM referrals WHERE deleted_at IS NULL`).all() as {
      id: string;
      date: string;
      created_at: string;
      status: string;
      pk_user_id: string;
      service: string;
    }[];
    const order = (a: (typeof all)[number], b: (typeof all)[number]) =>
      b.date.localeCompare(a.date) || b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);
    const pk = all[0]!.pk_user_id;
    const service = all[0]!.service;
    const cases: [object, (r: (typeof all)[number]) => boolean][] = [
      [{}, () => true],
      [{ status: 'berjalan' }, (r) => r.status === 'berjalan'],
      [{ pkUserId: pk, from: '2020-01-01', to: today }, (r) => r.pk_user_id === pk && r.date >= '2020-01-01' && r.date <= today],
      [{ service }, (r) => r.service === service],
    ];
    for (const [filter, keep] of cases) {
      const expected = all
        .filter(keep)
        .sort(order)
        .map((r) => r.id);
      const first = await call<{ id: string }[]>('referrals.list', { ...filter, limit: 50, offset: 0 });
      const second = await call<{ id: string }[]>('referrals.list', { ...filter, limit: 50, offset: 50 });
      expect([...first, ...second].map((r) => r.id)).toEqual(expected.slice(0, 100));
    }
  });

  it('referrals.atRisk lists the referrals under way whose agreement is not in force today or at the end of the warning days, by agreement end', async () => {
    const until = addDays(today, 30);
    // The rule read plainly, from every referral under way (the query as it stood before).
    const expected = core.db.all(
      core.db.q
        .selectFrom('referrals as r')
        .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
        .select(['r.id', 'a.end_date'])
        .where('r.deleted_at', 'is', null)
        .where('r.status', '=', 'berjalan')
        .where(sql<boolean>`(NOT ${agreementInForceOn('a', today)} OR NOT ${agreementInForceOn('a', until)})`)
        .orderBy('a.end_date'),
    );
    expect(expected.length).toBeGreaterThan(10);
    const got = await call<{ id: string; agreementEnd: string }[]>('referrals.atRisk', {});
    expect(got.length).toBe(Math.min(200, expected.length));
    // In order of the agreement's end; the same rows (up to ties at the 200th row's end date).
    expect(got.map((r) => r.agreementEnd)).toEqual(expected.slice(0, got.length).map((r) => r.end_date));
    const lastEnd = got[got.length - 1]!.agreementEnd;
    const sure = new Set(expected.filter((r) => r.end_date < lastEnd).map((r) => r.id));
    const tied = new Set(expected.filter((r) => r.end_date === lastEnd).map((r) => r.id));
    for (const r of got) expect(sure.has(r.id) || tied.has(r.id)).toBe(true);
    expect(got.filter((r) => sure.has(r.id)).length).toBe(sure.size);
  });

  it('checkins.overdue holds exactly the clients the schedule finds overdue or damaged, among every client with a reporting duty', async () => {
    // A client whose last check-in is just before and one just after the cutoff, and a damaged one.
    const raw = core.db.raw;
    const active = raw
      .prepare(`SELECT id FROM clients WHERE status = 'aktif' AND supervision_end >= ? AND reporting = 'bulanan' ORDER BY id LIMIT 3`)
      .all(today) as { id: string }[];
    raw.prepare(`UPDATE clients SET last_checkin = ? WHERE id = ?`).run(addDays(today, -27), active[0]!.id);
    raw.prepare(`UPDATE clients SET last_checkin = ? WHERE id = ?`).run(addDays(today, -25), active[1]!.id);
    raw.prepare(`UPDATE clients SET supervision_start = '2026-02-30' WHERE id = ?`).run(active[2]!.id);
    const clients = raw
      .prepare(
        `SELECT id, supervision_start, supervision_end, reporting, last_checkin, reporting_from FROM clients
         WHERE status = 'aktif' AND supervision_end >= ? AND reporting != 'tidak' AND deleted_at IS NULL`,
      )
      .all(today) as {
      id: string;
      supervision_start: string;
      supervision_end: string;
      reporting: Reporting;
      last_checkin: string | null;
      reporting_from: string;
    }[];
    const expected = clients
      .filter((c) => {
        if (c.supervision_start === '2026-02-30') return true;
        const s = reportingState(c.supervision_start, c.supervision_end, c.reporting, c.last_checkin, today, { from: c.reporting_from, holidays: new Set() });
        return s.missedStreak > 0;
      })
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    const got = await call<{ clientId: string; damaged: boolean }[]>('checkins.overdue', {});
    expect(got.map((r) => r.clientId).sort()).toEqual(expected);
    expect(got.find((r) => r.clientId === active[2]!.id)?.damaged).toBe(true);
  });

  it('agreements.list rows are the register’s view of each agreement, with its status', async () => {
    const rows = await call<{ id: string }[]>('agreements.list', {});
    expect(rows.length).toBe((core.db.raw.prepare(`SELECT count(*) AS n FROM agreements WHERE deleted_at IS NULL`).get() as { n: number }).n);
    for (const row of rows.slice(0, 40)) {
      const full = await call<Record<string, unknown>>('agreements.get', { id: row.id });
      expect(Object.fromEntries(Object.keys(row).map((k) => [k, full[k]]))).toEqual(row);
    }
  });

  it('checkins.agenda pages hold exactly the clients whose next due date the full schedule puts in the window, in order, holidays and edge starts included', async () => {
    const raw = core.db.raw;
    // A long holiday run (the Lebaran leave), so due dates move across the window's start.
    const leave = ['2026-06-17', '2026-06-18', '2026-06-19', '2026-06-22', '2026-06-23', '2026-07-01'];
    for (const date of leave) await call('holidays.add', { date, name: 'Cuti bersama' });
    // Edge starts: the 31st and the 29th (clamped in short months), one fortnight to the day, tracked from later.
    const some = raw
      .prepare(
        `SELECT id FROM clients WHERE status = 'aktif' AND supervision_end >= ? AND reporting != 'tidak' AND deleted_at IS NULL ORDER BY id LIMIT 8 OFFSET 10`,
      )
      .all(today) as { id: string }[];
    const edit = raw.prepare(`UPDATE clients SET supervision_start = ?, reporting = ?, reporting_from = ? WHERE id = ?`);
    edit.run('2025-12-31', 'bulanan', '2025-12-31', some[0]!.id);
    edit.run('2026-01-29', 'bulanan', '2026-01-29', some[1]!.id);
    edit.run('2026-06-02', 'dua_mingguan', '2026-06-02', some[2]!.id);
    edit.run('2026-05-16', 'bulanan', '2026-06-20', some[3]!.id);
    edit.run('2026-02-30', 'bulanan', '2026-02-30', some[4]!.id);
    edit.run('2026-03-31', 'dua_mingguan', '2026-03-31', some[5]!.id);
    // Supervision ending in the leave: due on 17 June (moved to the 24th, after the end: still due), and one ending the day before it is due.
    const end = raw.prepare(
      `UPDATE clients SET supervision_start = '2026-05-17', reporting = 'bulanan', reporting_from = '2026-05-17', supervision_end = ? WHERE id = ?`,
    );
    end.run('2026-06-20', some[6]!.id);
    end.run('2026-06-16', some[7]!.id);
    const holidays = new Set((raw.prepare(`SELECT date FROM holidays`).all() as { date: string }[]).map((h) => h.date));
    const clients = raw
      .prepare(
        `SELECT id, name_key, supervision_start, supervision_end, reporting, last_checkin, reporting_from FROM clients
         WHERE status = 'aktif' AND supervision_end >= ? AND reporting != 'tidak' AND deleted_at IS NULL`,
      )
      .all(today) as {
      id: string;
      name_key: string;
      supervision_start: string;
      supervision_end: string;
      reporting: Reporting;
      last_checkin: string | null;
      reporting_from: string;
    }[];
    // The full schedule's next due date: the first counted due date whose window has not closed.
    const next = new Map(
      clients.map((c) => {
        const cal = { from: c.reporting_from, holidays };
        const checkins = c.last_checkin ? [c.last_checkin] : [];
        const full = schedule(c.supervision_start, c.supervision_end, c.reporting, checkins, today, cal).find((r) => r.closes >= today)?.due ?? null;
        expect(full, c.id).toBe(reportingState(c.supervision_start, c.supervision_end, c.reporting, c.last_checkin, today, cal).nextDue);
        return [c.id, full];
      }),
    );
    const nameKey = new Map(clients.map((c) => [c.id, c.name_key]));
    let seen = 0;
    for (const [offset, days, limit] of [
      [0, 7, 50],
      [1, 7, 17],
      [2, 1, 5],
      [3, 13, 23],
      [5, 7, 50],
      [-4, 7, 9],
      [8, 10, 31],
      [14, 3, 500],
      [0, 31, 44],
      [-10, 20, 50],
    ] as const) {
      const from = addDays(today, offset);
      const until = addDays(from, days - 1);
      // The agenda's order: due date, then the name as the registers sort it, then the id.
      const expected = [...next]
        .filter(([, d]) => d !== null && d >= from && d <= until)
        .map(([id, d]) => ({ id, d: d!, k: nameKey.get(id)! }))
        .sort((a, b) => (a.d !== b.d ? (a.d < b.d ? -1 : 1) : a.k !== b.k ? (a.k < b.k ? -1 : 1) : a.id < b.id ? -1 : 1))
        .map((r) => r.id);
      // Every page in turn: in order, none overlapping, together the whole agenda, each with the same counts.
      const pages: AgendaPage[] = [];
      for (let at = 0; pages.length === 0 || at < pages[0]!.total; at += limit)
        pages.push(await call<AgendaPage>('checkins.agenda', { from, days, limit, offset: at }));
      const got = pages.flatMap((p) => p.rows);
      expect(
        got.map((r) => r.clientId),
        `${from} +${days}`,
      ).toEqual(expected);
      expect(new Set(got.map((r) => r.clientId)).size).toBe(got.length);
      for (const p of pages) {
        expect(p.total).toBe(expected.length);
        expect(p.rows.length).toBeLessThanOrEqual(limit);
        expect(p.days.map((x) => x.date)).toEqual(Array.from({ length: days }, (_, i) => addDays(from, i)));
        expect(p.days.map((x) => x.count)).toEqual(p.days.map((x) => expected.filter((id) => next.get(id) === x.date).length));
      }
      for (const r of got) expect(r.nextDue).toBe(next.get(r.clientId));
      // A page past the end is empty and still counts the whole agenda.
      expect(await call<AgendaPage>('checkins.agenda', { from, days, limit, offset: expected.length })).toMatchObject({ total: expected.length, rows: [] });
      seen += got.length;
    }
    expect(seen).toBeGreaterThan(200);
    expect([next.get(some[6]!.id), next.get(some[7]!.id)]).toEqual(['2026-06-24', null]);
    // The edge clients are on the agenda of the week their next due date falls in.
    for (const c of some.slice(0, 4)) {
      const due = next.get(c.id)!;
      const got = await call<AgendaPage>('checkins.agenda', { from: addDays(due, -3), days: 7, limit: 500 });
      expect(got.rows.some((r) => r.clientId === c.id)).toBe(true);
    }
  });

  it('agreements.statusCounts equals the register’s statuses counted, with every status and damaged, deleted and edge rows', async () => {
    const raw = core.db.raw;
    const ids = (raw.prepare(`SELECT id FROM agreements WHERE deleted_at IS NULL ORDER BY id LIMIT 8`).all() as { id: string }[]).map((r) => r.id);
    const set = (id: string, cols: Record<string, string | null>) =>
      raw
        .prepare(
          `UPDATE agreements SET ${Object.keys(cols)
            .map((k) => `${k} = @${k}`)
            .join(', ')} WHERE id = @id`,
        )
        .run({ ...cols, id });
    const warn = (await call<{ warnDays: number }>('agreements.settings', {})).warnDays;
    set(ids[0]!, { signed_on: '2026-01-02', start_date: '2026-01-02', end_date: addDays(today, warn), cancelled_on: null }); // last day of the warning
    set(ids[1]!, { signed_on: '2026-01-02', start_date: '2026-01-02', end_date: addDays(today, warn + 1), cancelled_on: null }); // the day after it
    set(ids[2]!, { signed_on: '2026-01-02', start_date: '2026-01-02', end_date: '2027-01-01', cancelled_on: today }); // cancelled today
    set(ids[3]!, { signed_on: '2026-01-02', start_date: '2026-01-02', end_date: '2027-01-01', cancelled_on: addDays(today, 1) }); // cancelled tomorrow
    set(ids[4]!, { signed_on: addDays(today, 1), start_date: '2026-01-02', end_date: '2027-01-01', cancelled_on: null }); // signed tomorrow
    set(ids[5]!, { signed_on: '2026-01-02', start_date: addDays(today, 1), end_date: '2027-01-01', cancelled_on: null }); // starts tomorrow
    set(ids[6]!, { start_date: '2026-02-30', end_date: '2027-01-01' }); // damaged
    raw.prepare(`UPDATE agreements SET deleted_at = ? WHERE id = ?`).run(`${today}T00:00:00Z`, ids[7]!);
    const rows = await call<{ status: string }[]>('agreements.list', {});
    const expected: Record<string, number> = Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, 0]));
    for (const r of rows) expected[r.status]!++;
    for (const s of AGREEMENT_STATUSES) expect(expected[s], s).toBeGreaterThan(0);
    expect(await call('agreements.statusCounts', {})).toEqual(expected);
  });

  it('bundles.officeCounts gives each office the counts of its live records, every open referral status included', async () => {
    const raw = core.db.raw;
    const own = (raw.prepare(`SELECT origin FROM clients LIMIT 1`).get() as { origin: string }).origin;
    // A post's records at this office: some of each table moved to its code, and some deleted.
    const now = `${today}T00:00:00Z`;
    raw
      .prepare(
        `INSERT INTO office_keys (office_code, office_name, kind, relation, signing_key, encryption_key, fingerprint, created_at, updated_at)
         VALUES ('PX', 'Pos Bapas PX', 'pos', 'post', 'x', 'x', 'x', ?, ?)`,
      )
      .run(now, now);
    for (const table of ['partners', 'clients', 'activities', 'referrals', 'agreements'])
      raw.exec(`UPDATE ${table} SET origin = 'PX' WHERE rowid % 3 = 0; UPDATE ${table} SET deleted_at = '${now}' WHERE rowid % 7 = 0`);
    const count = (q: string, origin: string, ...args: unknown[]) => (raw.prepare(q).get(origin, ...args) as { n: number }).n;
    const expected = (origin: string) => ({
      partners: count(`SELECT count(*) AS n FROM partners WHERE origin = ? AND deleted_at IS NULL`, origin),
      clients: count(`SELECT count(*) AS n FROM clients WHERE origin = ? AND deleted_at IS NULL AND status = 'aktif' AND supervision_end >= ?`, origin, today),
      activities: count(`SELECT count(*) AS n FROM activities WHERE origin = ? AND deleted_at IS NULL`, origin),
      referralsOpen: count(
        `SELECT count(*) AS n FROM referrals WHERE origin = ? AND deleted_at IS NULL AND status IN (${OPEN_REFERRAL_STATUSES.map((s) => `'${s}'`).join(', ')})`,
        origin,
      ),
      agreementsActive: count(
        `SELECT count(*) AS n FROM agreements WHERE origin = ? AND deleted_at IS NULL AND signed_on <= ?1 AND start_date <= ?1 AND end_date >= ?1 AND (cancelled_on IS NULL OR cancelled_on > ?1)`.replace(
          /\?1/g,
          `'${today}'`,
        ),
        origin,
      ),
    });
    const got = await call<{ officeCode: string; partners: number; clients: number; activities: number; referralsOpen: number; agreementsActive: number }[]>(
      'bundles.officeCounts',
      {},
    );
    for (const code of [own, 'PX']) {
      const row = got.find((r) => r.officeCode === code)!;
      const want = expected(code);
      expect({ ...want, office: code }).toEqual({ ...Object.fromEntries(Object.keys(want).map((k) => [k, row[k as keyof typeof want]])), office: code });
      expect(want.referralsOpen).toBeGreaterThan(0);
      expect(want.activities).toBeGreaterThan(0);
    }
  });
});
