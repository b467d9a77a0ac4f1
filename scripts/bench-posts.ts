/**
 * Part four of `npm run bench`: a Bapas induk holding one, two and three posts' large seeds (each
 * 10,000 clients, 30,000 referrals, 50,000 activities, 300,000 check-ins). Every list page and every
 * figure of the home screen is timed through the service layer (the dispatch the renderer's calls
 * reach), each beside a floor taken in the same run (the rows it shows read with plain SQL on
 * better-sqlite3), and how it grows from one post to three.
 *
 * How the parent is built: one post is seeded once (scripts/seed.ts), then its rows are copied
 * into the parent's database with plain INSERT ... SELECT from the attached file, once per post,
 * every key given per-post last digits and `origin` set to the post's code, as a bundle's apply
 * would store them (officers as names only, `username@POST`). Going through real bundles would
 * take minutes per post and measure the import, which bench-bundles.ts already does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppCore, DB_FILE } from '../electron/services/app';
import { OPEN_REFERRAL_STATUSES } from '../shared/referrals';
import { BIDANG } from '../shared/domain';
import { PARENT_SETUP } from '../tests/support/offices';
import { header, line, measure, verdict, type Timing } from './bench-util';
import { caller, copyPost, POSTS } from './bench-parent';
import { seed } from './seed';
import { MANUAL } from './bench-util';

const RUNS = Number(process.env.BENCH_POST_RUNS ?? 200);
// Lists and home figures must stay under this at three posts (issue 13).
const TARGET_MS = 20;

const work = mkdtempSync(join(tmpdir(), 'mitra-bench-posts-'));
const t0 = performance.now();
const post = await seed(join(work, 'post'), 'large');
post.close();
const parent = createAppCore(join(work, 'parent'), MANUAL);
try {
  await parent.dispatch({ method: 'setup.complete', input: PARENT_SETUP, token: null });
  const call = await caller(parent);
  const raw = parent.db.raw;
  const today = new Date().toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const results: { posts: number; rows: Map<string, { floor: Timing; service: Timing; shown: number }> }[] = [];

  for (let k = 0; k < POSTS.length; k++) {
    const c0 = performance.now();
    copyPost(raw, join(work, 'post', DB_FILE), POSTS[k]!, `f${k}`);
    console.log(`\nBapas induk with ${k + 1} post(s): rows copied in ${((performance.now() - c0) / 1000).toFixed(1)} s`);
    const anyPartner = (raw.prepare(`SELECT id FROM partners WHERE origin = ? LIMIT 1 OFFSET 7`).get(POSTS[0]) as { id: string }).id;
    const anyPk = (raw.prepare(`SELECT id FROM users WHERE origin = ? AND role = 'petugas' LIMIT 1`).get(POSTS[0]) as { id: string }).id;
    const agendaTotal = ((await call('checkins.agenda', { from: today, days: 7, limit: 1 })) as { total: number }).total;
    const lastAgendaPage = Math.max(0, Math.floor((agendaTotal - 1) / 50) * 50);
    const figures: [string, string, unknown, () => unknown][] = [
      // [name, method, input, floor: the rows shown, read with plain SQL]
      [
        'partners.list (page of 50)',
        'partners.list',
        { limit: 50 },
        () => [raw.prepare(`SELECT * FROM partners WHERE deleted_at IS NULL ORDER BY name_key, id LIMIT 50`).all()],
      ],
      [
        'agreements.list (all: the register)',
        'agreements.list',
        {},
        () => raw.prepare(`SELECT a.*, p.name FROM agreements a JOIN partners p ON p.id = a.partner_id WHERE a.deleted_at IS NULL`).all(),
      ],
      [
        'Beranda: agreements.statusCounts',
        'agreements.statusCounts',
        {},
        () => raw.prepare(`SELECT origin, count(*) FROM agreements WHERE deleted_at IS NULL GROUP BY origin`).all(),
      ],
      [
        'clients.list (page of 50)',
        'clients.list',
        { limit: 50 },
        () => raw.prepare(`SELECT * FROM clients WHERE deleted_at IS NULL ORDER BY name_key, id LIMIT 50`).all(),
      ],
      [
        'clients.list aktif, program pb',
        'clients.list',
        { status: 'aktif', program: 'pb', sort: 'supervisionEnd', limit: 50 },
        () =>
          raw
            .prepare(
              `SELECT * FROM clients WHERE deleted_at IS NULL AND status = 'aktif' AND supervision_end >= ? AND program = 'pb' ORDER BY supervision_end, name_key, id LIMIT 50`,
            )
            .all(today),
      ],
      [
        'referrals.list (no filter, 50)',
        'referrals.list',
        { limit: 50 },
        () => raw.prepare(`SELECT * FROM referrals WHERE deleted_at IS NULL ORDER BY date DESC, created_at DESC LIMIT 50`).all(),
      ],
      [
        'referrals.list (no filter, 1000: register)',
        'referrals.list',
        { limit: 1000 },
        () => raw.prepare(`SELECT * FROM referrals WHERE deleted_at IS NULL ORDER BY date DESC, created_at DESC LIMIT 1000`).all(),
      ],
      [
        'referrals.list status berjalan',
        'referrals.list',
        { status: 'berjalan', limit: 50 },
        () => raw.prepare(`SELECT * FROM referrals WHERE deleted_at IS NULL AND status = 'berjalan' ORDER BY date DESC, created_at DESC LIMIT 50`).all(),
      ],
      [
        'referrals.list of a partner',
        'referrals.list',
        { partnerId: anyPartner, limit: 51 },
        () => raw.prepare(`SELECT * FROM referrals WHERE deleted_at IS NULL AND partner_id = ? ORDER BY date DESC, created_at DESC LIMIT 51`).all(anyPartner),
      ],
      [
        'referrals.list of a PK, this year',
        'referrals.list',
        { pkUserId: anyPk, from: `${today.slice(0, 4)}-01-01`, to: today, limit: 50 },
        () =>
          raw
            .prepare(
              `SELECT * FROM referrals WHERE deleted_at IS NULL AND pk_user_id = ? AND date >= ? AND date <= ? ORDER BY date DESC, created_at DESC LIMIT 50`,
            )
            .all(anyPk, `${today.slice(0, 4)}-01-01`, today),
      ],
      [
        'activities.list (page of 50)',
        'activities.list',
        { limit: 50 },
        () => raw.prepare(`SELECT * FROM activities WHERE deleted_at IS NULL ORDER BY date DESC LIMIT 50`).all(),
      ],
      [
        'activities.list of this month',
        'activities.list',
        { month, limit: 50 },
        () => raw.prepare(`SELECT * FROM activities WHERE deleted_at IS NULL AND date LIKE ? ORDER BY date DESC LIMIT 50`).all(`${month}%`),
      ],
      [
        'checkins.overdue',
        'checkins.overdue',
        {},
        () =>
          raw
            .prepare(
              `SELECT id, name, last_checkin FROM clients WHERE status = 'aktif' AND supervision_end >= ? AND reporting != 'tidak' AND deleted_at IS NULL`,
            )
            .all(today),
      ],
      // The agenda's first page of 50 (its total and day counts come with it), and Beranda's first five.
      [
        'checkins.agenda (7 days, page of 50)',
        'checkins.agenda',
        { from: today, days: 7, limit: 50 },
        () =>
          raw
            .prepare(
              `SELECT id, name, last_checkin FROM clients WHERE status = 'aktif' AND supervision_end >= ? AND reporting != 'tidak' AND deleted_at IS NULL`,
            )
            .all(today),
      ],
      [
        'checkins.agenda (7 days, last page)',
        'checkins.agenda',
        { from: today, days: 7, limit: 50, offset: lastAgendaPage },
        () =>
          raw
            .prepare(
              `SELECT id, name, last_checkin FROM clients WHERE status = 'aktif' AND supervision_end >= ? AND reporting != 'tidak' AND deleted_at IS NULL`,
            )
            .all(today),
      ],
      [
        'Beranda: checkins.agenda (first 5)',
        'checkins.agenda',
        { from: today, days: 7, limit: 5 },
        () =>
          raw
            .prepare(
              `SELECT id, name, last_checkin FROM clients WHERE status = 'aktif' AND supervision_end >= ? AND reporting != 'tidak' AND deleted_at IS NULL`,
            )
            .all(today),
      ],
      [
        'clients.ended',
        'clients.ended',
        {},
        () => raw.prepare(`SELECT id, name FROM clients WHERE origin = 'BKL' AND status = 'aktif' AND supervision_end < ? AND deleted_at IS NULL`).all(today),
      ],
      [
        'referrals.atRisk',
        'referrals.atRisk',
        {},
        () =>
          raw
            .prepare(`SELECT r.* FROM referrals r JOIN agreements a ON a.id = r.agreement_id WHERE r.status = 'berjalan' AND a.end_date < ? LIMIT 200`)
            .all(today),
      ],
      [
        'bundles.officeCounts',
        'bundles.officeCounts',
        {},
        () =>
          raw
            .prepare(
              `SELECT origin, count(*) FROM referrals WHERE deleted_at IS NULL AND status IN (${OPEN_REFERRAL_STATUSES.map(() => '?').join(',')}) GROUP BY origin`,
            )
            .all(...OPEN_REFERRAL_STATUSES),
      ],
      ['bundles.received', 'bundles.received', {}, () => raw.prepare(`SELECT * FROM bundle_imports ORDER BY office_code, seq`).all()],
      [
        'Beranda: partners.list counts (limit 1)',
        'partners.list',
        { status: 'aktif', limit: 1 },
        () => raw.prepare(`SELECT count(*) FROM partners WHERE deleted_at IS NULL AND status = 'aktif'`).get(),
      ],
      [
        'Beranda: partners.list by bidang (limit 1)',
        'partners.list',
        { bidang: BIDANG[0], limit: 1 },
        () => raw.prepare(`SELECT count(*) FROM partners WHERE deleted_at IS NULL`).get(),
      ],
      ['Beranda: pokmas.list', 'pokmas.list', {}, () => raw.prepare(`SELECT * FROM pokmas_groups WHERE deleted_at IS NULL`).all()],
      [
        'Beranda: clients.list aktif (limit 1)',
        'clients.list',
        { status: 'aktif', limit: 1 },
        () => raw.prepare(`SELECT count(*) FROM clients WHERE deleted_at IS NULL AND status = 'aktif' AND supervision_end >= ?`).get(today),
      ],
    ];
    const rows = new Map<string, { floor: Timing; service: Timing; shown: number }>();
    for (const [name, method, input, floorFn] of figures) {
      const value = (await call(method, input)) as unknown;
      const shown = Array.isArray(value) ? value.length : ((value as { rows?: unknown[] }).rows?.length ?? Object.keys(value as object).length);
      const floor = await measure(floorFn, RUNS);
      const service = await measure(() => call(method, input), RUNS);
      rows.set(name, { floor, service, shown });
    }
    // The whole home screen of the induk, one call after the other (the renderer sends them at once).
    const home: [string, unknown][] = [
      ...[{}, { status: 'aktif' }, { status: 'calon' }, { status: 'terverifikasi' }, ...BIDANG.map((b) => ({ bidang: b }))].map(
        (f) => ['partners.list', { ...f, limit: 1 }] as [string, unknown],
      ),
      ['agreements.statusCounts', {}],
      ['pokmas.list', {}],
      ['clients.list', { status: 'aktif', limit: 1 }],
      ['checkins.overdue', {}],
      ['checkins.agenda', { from: today, days: 7, limit: 5 }],
      ['referrals.atRisk', {}],
      ['clients.ended', {}],
      ['bundles.officeCounts', {}],
    ];
    const homeFloor = rows.get('bundles.officeCounts')!.floor;
    rows.set('Beranda, every call in turn', {
      floor: homeFloor,
      service: await measure(async () => {
        for (const [m, i] of home) await call(m, i);
      }, RUNS / 4),
      shown: home.length,
    });
    results.push({ posts: k + 1, rows });
    console.log(`${RUNS} runs each; ratio = service against the floor measured just before it\n`);
    header();
    for (const [name, r] of rows) line(`${name} [${r.shown}]`, r.service, r.floor);
  }

  console.log(
    `\nGrowth from one post to three (p95, ms; floor p95 in brackets). Base seed built and copied in ${((performance.now() - t0) / 1000).toFixed(0)} s.\n`,
  );
  console.log(`${'figure'.padEnd(44)} ${'1 post'.padStart(16)} ${'2 posts'.padStart(16)} ${'3 posts'.padStart(16)} ${'x1→3'.padStart(6)}  rows 1→3`);
  const names = [...results[0]!.rows.keys()];
  for (const name of names) {
    const at = results.map((r) => r.rows.get(name)!);
    const cell = (r: (typeof at)[number]) => `${r.service.p95.toFixed(2)} (${r.floor.p95.toFixed(2)})`.padStart(16);
    console.log(
      `${name.padEnd(44)} ${at.map(cell).join(' ')} ${(at[2]!.service.p95 / at[0]!.service.p95).toFixed(1).padStart(6)}  ${at[0]!.shown}→${at[2]!.shown}`,
    );
  }
  console.log('');
  const last = results[results.length - 1]!.rows;
  const worst = [...last].filter(([n]) => !n.startsWith('Beranda, every')).sort((a, b) => b[1].service.p95 - a[1].service.p95)[0]!;
  verdict(
    `every list page and home figure under ${TARGET_MS} ms (p95) at three posts`,
    worst[1].service.p95 < TARGET_MS,
    `${worst[1].service.p95.toFixed(2)} ms worst (${worst[0]})`,
  );
  // A figure may grow as the rows it shows grow (a list of all overdue clients holds three posts' worth), not faster.
  const faster = names.filter((n) => {
    const a = results[0]!.rows.get(n)!;
    const c = results[2]!.rows.get(n)!;
    const rowGrowth = Math.max(1, c.shown / Math.max(1, a.shown));
    return c.service.p95 > 1.5 * rowGrowth * a.service.p95 && c.service.p95 > 2;
  });
  verdict('no figure grows from one post to three faster than the rows it shows (1.5x slack, above 2 ms)', faster.length === 0, faster.join(', ') || 'none');
} finally {
  parent.close();
  rmSync(work, { recursive: true, force: true });
}
