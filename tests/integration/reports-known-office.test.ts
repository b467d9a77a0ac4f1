import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../shared/contract';
import { DIMENSIONS, INDICATOR_BY_CODE, INDICATORS } from '../../shared/indicators';
import { reportWithAnnex } from '../../electron/services/reportCompute';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { addPost, pairedOffices, sendUp, type Pair } from '../support/offices';
import { at, OfficeBuilder } from '../support/reportOffice';
import { NOVEMBER, YEAR, type Expected } from '../support/reportExpected';
import { buildKnownOffice } from '../support/reportScenario';

type Result = OutputOf<'reports.compute'>;
type Scope = InputOf<'reports.compute'>['scope'];
const NOV = { kind: 'month', year: 2026, month: 11 } as const;
const Y2026 = { kind: 'year', year: 2026 } as const;

/** A breakdown row as the expectations name it: the key, or the name for partners, `~` for records that state none. */
const rowName = (code: string, r: { key: string | null; label: string | null }) => {
  const ind = INDICATOR_BY_CODE.get(code)!;
  if (r.key === null) return '~';
  return 'breakdown' in ind && ind.breakdown === 'partner' ? r.label! : r.key;
};

/**
 * Every indicator of the result against the hand count: those not listed are zero (a ratio not
 * listed has nothing to measure). A closed list shows every value, zero included, in its order.
 */
function expectFigures(r: Result, expected: Expected) {
  for (const ind of INDICATORS) {
    const f = r.figures.find((x) => x.code === ind.code)!;
    const want = expected[ind.code] ?? (ind.aggregation === 'ratio' ? null : 0);
    const value = typeof want === 'object' && want !== null ? want.value : want;
    expect([ind.code, f.value]).toEqual([ind.code, value]);
    if (ind.aggregation === 'ratio' || !ind.breakdown) continue;
    const wanted = typeof want === 'object' && want !== null ? want.rows : {};
    const closed = (DIMENSIONS[ind.breakdown].values as readonly string[] | null) ?? [];
    const rows: [string, number][] = [
      ...closed.map((k) => [k, wanted[k] ?? 0] as [string, number]),
      ...Object.entries(wanted).filter(([k]) => !closed.includes(k)),
    ];
    expect([ind.code, f.breakdown!.map((b) => [rowName(ind.code, b), b.value])]).toEqual([ind.code, rows]);
  }
}

/** Each figure opens exactly the records it counts (the hours' sum for hours), and so does each breakdown row. */
async function expectRecordsMatch(app: TestApp, token: string, period: InputOf<'reports.compute'>['period'], r: Result, scope: Scope = { kind: 'all' }) {
  for (const f of r.figures) {
    const rec = await app.call('reports.records', { period, scope, code: f.code }, token);
    const measured = rec.measure === 'amount' ? rec.rows.reduce((s, x) => s + Number(x.amount), 0) : rec.rows.length;
    expect([f.code, measured]).toEqual([f.code, f.aggregation === 'ratio' ? f.numerator : f.value]);
    for (const b of f.breakdown ?? []) {
      const part = await app.call('reports.records', { period, scope, code: f.code, key: b.key }, token);
      expect([f.code, b.key, part.rows.length]).toEqual([f.code, b.key, b.value]);
    }
  }
}

describe('the report of a post whose every event is known', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = makeApp(new Date('2026-01-02T03:00:00Z'));
    admin = await setUpOffice(app);
    await buildKnownOffice(app, admin);
  }, 60_000);
  afterAll(() => app.dispose());

  it('gives every indicator of November 2026 as counted by hand, and each figure opens its records', async () => {
    const r = await app.call('reports.compute', { period: NOV }, admin);
    expect([r.from, r.to, r.label]).toEqual(['2026-11-01', '2026-11-30', 'November 2026']);
    expectFigures(r, NOVEMBER);
    await expectRecordsMatch(app, admin, NOV, r);
  });

  it('gives every indicator of the year 2026 as counted by hand, with the target, realisation and achievement', async () => {
    await app.call(
      'reports.setTargets',
      {
        year: 2026,
        office: 'CRP',
        targets: [
          { code: 'klien_baru', target: 10 },
          { code: 'wl_kepatuhan', target: 90 },
        ],
      },
      admin,
    );
    const r = await app.call('reports.compute', { period: Y2026 }, admin);
    expect(r.label).toBe('Tahun 2026');
    expectFigures(r, YEAR);
    await expectRecordsMatch(app, admin, Y2026, r);
    const fig = (code: string) => r.figures.find((f) => f.code === code)!;
    expect([fig('klien_baru').target, fig('klien_baru').value, fig('klien_baru').achievement]).toEqual([10, 6, 60]);
    expect([fig('wl_kepatuhan').target, fig('wl_kepatuhan').achievement]).toEqual([90, 90.9]);
    expect(fig('pks_berlaku').target).toBeNull();
  });

  it('gives the year report’s months in one pass exactly as each month alone, Sari’s run of misses included', async () => {
    const { months } = reportWithAnnex(app.ctx, Y2026, { kind: 'all' });
    for (const [i, m] of months.entries()) {
      const alone = await app.call('reports.compute', { period: { kind: 'month', year: 2026, month: i + 1 } }, admin);
      expect([i + 1, m.figures]).toEqual([i + 1, alone.figures]);
    }
    expect(months.map((m) => m.figures.find((f) => f.code === 'wl_tiga_kali')!.value).some((v) => v! > 0)).toBe(true);
  });

  it('names the records behind a figure: the clients who missed three due dates in a row, the November home visit', async () => {
    const streak = await app.call('reports.records', { period: NOV, code: 'wl_tiga_kali' }, admin);
    expect(streak.rows.map((x) => [x.name, x.streak, x.since])).toEqual([['Sari', 4, '2026-08-03']]);
    const missed = await app.call('reports.records', { period: NOV, code: 'wl_tidak' }, admin);
    expect(missed.rows.map((x) => [x.name, x.due, x.dueStatus])).toEqual([['Sari', '2026-11-02', 'missed']]);
    const ended = await app.call('reports.records', { period: NOV, code: 'klien_berakhir', key: 'dicabut' }, admin);
    expect(ended.rows.map((x) => [x.name, x.closed])).toEqual([['Tono', '2026-11-18']]);
    expect(Object.keys(ended.rows[0]!)).not.toContain('rid');
  });
});

describe('the report at a Bapas induk holding two posts', () => {
  let pair: Pair;
  let second: { post: TestApp; admin: string };
  beforeAll(async () => {
    pair = await pairedOffices();
    await at(pair.post, pair.postAdmin, '2026-01-02');
    second = await addPost(pair, 'KPH', 'Pos Bapas Kepahiang');
    await buildKnownOffice(pair.post, pair.postAdmin);
    // Kepahiang: a new pesantren partner, a new client in November, and Bayu who reported only in November and December.
    const b = new OfficeBuilder(second.post, second.admin);
    await b.client('Bayu', '2026-05-01', { program: 'cb', sex: 'L', birthDate: '2000-02-02', supervisionStart: '2026-05-01', supervisionEnd: '2027-04-30' });
    await b.client('Wati', '2026-11-02', {
      program: 'pb',
      sex: 'P',
      birthDate: '1995-01-01',
      supervisionStart: '2026-11-02',
      supervisionEnd: '2027-11-01',
      reporting: 'tidak',
    });
    const bayu = (await second.post.call('clients.list', { q: 'Bayu' }, second.admin)).rows[0]!.id;
    await b.checkin(bayu, '2026-11-02');
    await b.partner('Pondok Pesantren Darul Ulum', '2026-11-04', { category: 'ormas', institutionType: 'pondok_pesantren' });
    await b.checkin(bayu, '2026-12-01');
    await at(second.post, second.admin, '2027-01-11');
    await at(pair.parent, pair.parentAdmin, '2027-01-11');
    await sendUp(pair.post, pair.postAdmin, pair.parent, pair.parentAdmin);
    await sendUp(second.post, second.admin, pair.parent, pair.parentAdmin);
  }, 90_000);
  afterAll(() => {
    pair.dispose();
    second.post.dispose();
  });

  const KPH_NOVEMBER: Expected = {
    mitra_jumlah: 1,
    mitra_status: { value: 1, rows: { aktif: 1 } },
    mitra_bidang: { value: 1, rows: { kemandirian_kepribadian: 1 } },
    mitra_kategori: { value: 1, rows: { ormas: 1 } },
    mitra_jenis: { value: 1, rows: { pondok_pesantren: 1 } },
    mitra_baru: 1,
    mitra_tanpa_pks: 1,
    klien_aktif: 2,
    klien_aktif_program: { value: 2, rows: { pb: 1, cb: 1 } },
    klien_aktif_usia: { value: 2, rows: { dewasa: 2 } },
    klien_aktif_jk: { value: 2, rows: { L: 1, P: 1 } },
    klien_aktif_tahap: { value: 2, rows: { awal: 1, akhir: 1 } },
    klien_baru: { value: 1, rows: { pb: 1 } },
    klien_dirujuk_pct: 0,
    klien_bekerja_pct: 0,
    wl_wajib: 1,
    wl_lapor: { value: 1, rows: { hadir: 1 } },
    wl_kepatuhan: 100,
  };
  // Bayu's due dates: 1 Jun, 1 Jul, 3 Aug (1 Aug a Saturday), 1 Sep, 1 Oct, 2 Nov, 1 Dec; he came on the last two.
  const KPH_YEAR: Expected = {
    ...KPH_NOVEMBER,
    klien_baru: { value: 2, rows: { pb: 1, cb: 1 } },
    wl_wajib: 7,
    wl_lapor: { value: 2, rows: { hadir: 2 } },
    wl_tidak: 5,
    wl_kepatuhan: 28.6,
  };

  it('gives each post’s figures as that post counts them, one post at a time, and each figure opens its records', async () => {
    const at = (period: typeof NOV | typeof Y2026, scope: Scope) => pair.parent.call('reports.compute', { period, scope }, pair.parentAdmin);
    const crp = { kind: 'post', code: 'CRP' } as const;
    const kph = { kind: 'post', code: 'KPH' } as const;
    expectFigures(await at(NOV, crp), NOVEMBER);
    expectFigures(await at(Y2026, crp), YEAR);
    expectFigures(await at(NOV, kph), KPH_NOVEMBER);
    const kphYear = await at(Y2026, kph);
    expectFigures(kphYear, KPH_YEAR);
    await expectRecordsMatch(pair.parent, pair.parentAdmin, Y2026, kphYear, kph);
    // The induk's own records: none.
    expectFigures(await at(NOV, { kind: 'own' }), { klien_dirujuk_pct: null, klien_bekerja_pct: null });
    expect((await at(NOV, crp)).offices.map((o) => o.code)).toEqual(['BKL', 'CRP', 'KPH']);
  });

  it('adds the posts together for all offices: every count is the sum of the two posts’, row by row', async () => {
    for (const period of [NOV, Y2026]) {
      const all = await pair.parent.call('reports.compute', { period, scope: { kind: 'all' } }, pair.parentAdmin);
      const crp = await pair.parent.call('reports.compute', { period, scope: { kind: 'post', code: 'CRP' } }, pair.parentAdmin);
      const kph = await pair.parent.call('reports.compute', { period, scope: { kind: 'post', code: 'KPH' } }, pair.parentAdmin);
      for (const f of all.figures) {
        if (f.aggregation === 'ratio') continue;
        const [a, b] = [crp, kph].map((r) => r.figures.find((x) => x.code === f.code)!);
        expect([f.code, f.value]).toEqual([f.code, a!.value! + b!.value!]);
        for (const row of f.breakdown ?? []) {
          const part = (r: typeof a) => r!.breakdown!.find((x) => x.key === row.key)?.value ?? 0;
          expect([f.code, row.key, row.value]).toEqual([f.code, row.key, part(a) + part(b)]);
        }
      }
      await expectRecordsMatch(pair.parent, pair.parentAdmin, period, all);
    }
    const compliance = (await pair.parent.call('reports.compute', { period: Y2026 }, pair.parentAdmin)).figures.find((f) => f.code === 'wl_kepatuhan')!;
    expect([compliance.numerator, compliance.denominator, compliance.value]).toEqual([20, 29, 69]);
  });

  it('refuses a post the induk does not hold, and a post’s scope at a post, changing nothing', async () => {
    const e = await pair.parent.fail('reports.compute', { period: NOV, scope: { kind: 'post', code: 'XYZ' } }, pair.parentAdmin);
    expect([e.code, e.fields]).toEqual(['VALIDATION', { scope: 'reports.unknownPost' }]);
    const atPost = await pair.post.fail('reports.compute', { period: NOV, scope: { kind: 'post', code: 'BKL' } }, pair.postAdmin);
    expect(atPost.fields).toEqual({ scope: 'reports.scopeAtInduk' });
  });
});
