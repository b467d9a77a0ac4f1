import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementStatus, IN_FORCE_STATUSES, inForceOn, type InForceFacts } from '../../shared/agreements';
import { agreementInForceOn } from '../../db/repositories/agreementInForce';
import { countsByOrigin } from '../../db/repositories/bundles';
import { partnerInForce } from '../../db/repositories/partners';
import { agreementsInForceOn } from '../../db/repositories/referrals';
import { makeApp, PARTNER, setUpOffice, type TestApp } from '../support/app';
import { agreementWith } from '../support/fixtures';

/**
 * "Agreement in force" is one rule: shared/agreements.ts `inForceOn`, its SQL twin
 * `agreementInForceOn` (on a real SQLite file), the status the screens show, and every query
 * that asks (the partner's flag, the referral check, the per-office count) must agree on every
 * row of (signed, start, end, cancelled, today).
 */

let app: TestApp;
let admin: string;
let template: Record<string, unknown>;
let partnerTemplate: Record<string, unknown>;
let n = 0;

beforeAll(async () => {
  app = makeApp(new Date('2025-03-05T03:00:00Z'));
  admin = await setUpOffice(app);
  const partner = await app.call('partners.create', PARTNER, admin);
  const a = await app.call('agreements.create', agreementWith(partner.id), admin);
  template = app.db.raw.prepare('SELECT * FROM agreements WHERE id = ?').get(a.id) as Record<string, unknown>;
  partnerTemplate = app.db.raw.prepare('SELECT * FROM partners WHERE id = ?').get(partner.id) as Record<string, unknown>;
});
afterAll(() => app.dispose());

/** One agreement with the given dates, held by a partner of its own (so the partner's flag speaks for this row alone). */
function insert(f: InForceFacts): { id: string; partnerId: string } {
  n += 1;
  const partnerId = `P${String(n).padStart(25, '0')}`;
  const id = `A${String(n).padStart(25, '0')}`;
  const p = { ...partnerTemplate, id: partnerId, name: `Mitra ${n}`, name_key: `mitra ${n}`, search_text: `mitra ${n}` };
  app.db.raw
    .prepare(
      `INSERT INTO partners (${Object.keys(p).join(', ')}) VALUES (${Object.keys(p)
        .map(() => '?')
        .join(', ')})`,
    )
    .run(...Object.values(p));
  const row = {
    ...template,
    id,
    partner_id: partnerId,
    office_number: `${n}/PKS/TEST`,
    number_year: 2025,
    number_seq: null,
    signed_on: f.signedOn,
    start_date: f.startDate,
    end_date: f.endDate,
    cancelled_on: f.cancelledOn,
  };
  app.db.raw
    .prepare(
      `INSERT INTO agreements (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map(() => '?')
        .join(', ')})`,
    )
    .run(...Object.values(row));
  return { id, partnerId };
}

const sqlInForce = (day: string): Map<string, boolean> =>
  new Map(app.db.all(app.db.q.selectFrom('agreements as a').select(['a.id', agreementInForceOn('a', day).as('f')])).map((r) => [r.id, r.f === 1]));

/** Every place that answers "in force on `day`?" for these rows, each answer named. */
async function answers(rows: readonly { id: string; partnerId: string; facts: InForceFacts }[], day: string) {
  app.clock.now = new Date(`${day}T03:00:00Z`);
  const token = (await app.call('auth.login', { username: 'admin', password: 'rahasia-kantor-1' })).token;
  const listed = new Map((await app.call('agreements.list', {}, token)).map((a) => [a.id, a.status]));
  const sql = sqlInForce(day);
  return rows.map((r) => {
    const status = agreementStatus(r.facts, day, 60);
    return {
      shared: inForceOn(r.facts, day),
      sql: sql.get(r.id),
      status: IN_FORCE_STATUSES.has(status),
      serviceStatus: listed.get(r.id) === status,
      partnerFlag: partnerInForce(app.db, r.partnerId, day),
      referralCheck: agreementsInForceOn(app.db, r.partnerId, day).some((a) => a.id === r.id),
    };
  });
}

const inForceCount = (day: string) => countsByOrigin(app.db, day).agreementsActive.find((c) => c.origin === 'CRP')?.n ?? 0;

const S = (signedOn: string | null, startDate: string, endDate: string, cancelledOn: string | null = null): InForceFacts => ({
  signedOn,
  startDate,
  endDate,
  cancelledOn,
});

describe('agreement in force: one rule everywhere', () => {
  // [what the row shows, facts, today, status, in force]
  const TABLE: readonly [string, InForceFacts, string, string, boolean][] = [
    ['signed 5 Mar, starts 1 Apr, on 10 Mar', S('2025-03-05', '2025-04-01', '2026-03-31'), '2025-03-10', 'belum_berlaku', false],
    ['… on the day before the start', S('2025-03-05', '2025-04-01', '2026-03-31'), '2025-03-31', 'belum_berlaku', false],
    ['… on the day of the start', S('2025-03-05', '2025-04-01', '2026-03-31'), '2025-04-01', 'aktif', true],
    ['… on 2 Apr', S('2025-03-05', '2025-04-01', '2026-03-31'), '2025-04-02', 'aktif', true],
    ['… on the day of the end', S('2025-03-05', '2025-04-01', '2026-03-31'), '2026-03-31', 'akan_berakhir', true],
    ['… on the day after the end', S('2025-03-05', '2025-04-01', '2026-03-31'), '2026-04-01', 'berakhir', false],
    ['signed on the day of the start', S('2025-04-01', '2025-04-01', '2026-03-31'), '2025-04-01', 'aktif', true],
    ['signed after the start, before the signing', S('2025-04-10', '2025-04-01', '2026-03-31'), '2025-04-05', 'draf', false],
    ['signed after the start, on the signing day', S('2025-04-10', '2025-04-01', '2026-03-31'), '2025-04-10', 'aktif', true],
    ['signed on the last day, that day', S('2026-03-31', '2025-04-01', '2026-03-31'), '2026-03-31', 'akan_berakhir', true],
    ['a draft within its term', S(null, '2025-04-01', '2026-03-31'), '2025-06-01', 'draf', false],
    ['cancellation takes effect today', S('2025-03-05', '2025-04-01', '2026-03-31', '2025-06-01'), '2025-06-01', 'dibatalkan', false],
    ['cancellation takes effect tomorrow', S('2025-03-05', '2025-04-01', '2026-03-31', '2025-06-02'), '2025-06-01', 'aktif', true],
    ['cancelled before the start, on a day between', S('2025-03-05', '2025-04-01', '2026-03-31', '2025-03-20'), '2025-03-25', 'dibatalkan', false],
    ['cancellation dated before the start, before it', S('2025-03-05', '2025-04-01', '2026-03-31', '2025-03-20'), '2025-03-19', 'belum_berlaku', false],
    ['a draft given up', S(null, '2025-04-01', '2026-03-31', '2025-03-20'), '2025-06-01', 'dibatalkan', false],
    ['damaged start and end', S('2025-03-05', '0000-00-00', '9999-99-99'), '2025-06-01', 'rusak', false],
    ['damaged cancellation date', S('2025-03-05', '2025-04-01', '2026-03-31', '2025-02-30'), '2025-06-01', 'rusak', false],
    ['damaged signing date', S('2025-13-05', '2025-04-01', '2026-03-31'), '2025-06-01', 'rusak', false],
  ];

  it.each(TABLE)('%s: status and in force agree in every place', async (_what, facts, today, status, inForce) => {
    const { id, partnerId } = insert(facts);
    expect(agreementStatus(facts, today, 60)).toBe(status);
    const [a] = await answers([{ id, partnerId, facts }], today);
    expect(a).toEqual({ shared: inForce, sql: inForce, status: inForce, serviceStatus: true, partnerFlag: inForce, referralCheck: inForce });
  });

  it('agrees on every combination of five days in a row (signed, start, end, cancelled, today), and counts the same per office', async () => {
    app.db.raw.prepare('DELETE FROM agreements').run();
    const days = ['2025-03-30', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03'];
    const rows: { id: string; partnerId: string; facts: InForceFacts }[] = [];
    for (const signedOn of [null, ...days])
      for (const [i, startDate] of days.entries())
        for (const endDate of days.slice(i))
          for (const cancelledOn of [null, ...days]) {
            const facts = S(signedOn, startDate, endDate, cancelledOn);
            rows.push({ ...insert(facts), facts });
          }
    expect(rows).toHaveLength(6 * 15 * 6);
    for (const day of days) {
      const got = await answers(rows, day);
      const disagree = got.flatMap((a, i) =>
        new Set([a.shared, a.sql, a.status, a.partnerFlag, a.referralCheck]).size > 1 || !a.serviceStatus ? [rows[i]!.facts] : [],
      );
      expect(disagree, day).toEqual([]);
      expect(inForceCount(day), day).toBe(got.filter((a) => a.shared).length);
    }
  });
});
