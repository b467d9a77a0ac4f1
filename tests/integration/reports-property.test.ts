import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportWithAnnex } from '../../electron/services/reportCompute';
import { SERIES_CODES } from '../../shared/schemas/reports';
import type { InputOf, OutputOf } from '../../shared/contract';
import { addDays, addMonths } from '../../shared/agreements';
import { INDICATORS } from '../../shared/indicators';
import { AppError } from '../../shared/errors';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { at, OfficeBuilder } from '../support/reportOffice';

/**
 * Random small offices, built event by event through the services over 2026 (an event the
 * services refuse, such as a referral after the client was closed, is simply not part of that
 * office). Whatever the office, every figure equals what its records add up to, each breakdown row
 * too, and a figure that sums over months adds up to the quarter's and the year's.
 */

type Period = InputOf<'reports.compute'>['period'];

const day = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n));
const clientArb = fc.record({
  program: fc.constantFrom('pb', 'cb', 'pidana_kerja_sosial', 'asimilasi'),
  sex: fc.constantFrom('L' as const, 'P' as const),
  birthDate: fc.constantFrom('1990-04-04', '2010-06-06', null),
  start: fc.integer({ min: 0, max: 300 }).map((n) => addDays('2025-10-01', n)),
  months: fc.integer({ min: 2, max: 14 }),
  reporting: fc.constantFrom('bulanan' as const, 'dua_mingguan' as const, 'tidak' as const),
  close: fc.option(fc.record({ status: fc.constantFrom('selesai' as const, 'dicabut' as const, 'pindah' as const), on: day }), { nil: null }),
});
const eventArb = fc.oneof(
  fc.record({
    kind: fc.constant('checkin' as const),
    client: fc.nat(5),
    on: day,
    how: fc.constantFrom('hadir' as const, 'jarak_jauh' as const, 'kunjungan_rumah' as const),
  }),
  fc.record({
    kind: fc.constant('referral' as const),
    client: fc.nat(5),
    partner: fc.nat(2),
    on: day,
    to: fc.constantFrom('diusulkan', 'ditolak', 'berjalan', 'selesai', 'dihentikan'),
  }),
  fc.record({ kind: fc.constant('activity' as const), on: day, who: fc.array(fc.tuple(fc.nat(5), fc.boolean()), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('hours' as const), referral: fc.nat(5), on: day, hours: fc.constantFrom(2, 4.5, 8) }),
);
const officeArb = fc.record({
  partners: fc.array(fc.record({ on: day, months: fc.integer({ min: 2, max: 12 }), cancel: fc.option(day, { nil: null }) }), { minLength: 1, maxLength: 3 }),
  clients: fc.array(clientArb, { minLength: 1, maxLength: 6 }),
  events: fc.array(eventArb, { maxLength: 40 }),
});
type Office = typeof officeArb extends fc.Arbitrary<infer T> ? T : never;

const tolerate = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
};

async function build(app: TestApp, token: string, o: Office): Promise<void> {
  const b = new OfficeBuilder(app, token);
  type Step = { on: string; run: () => Promise<unknown> };
  const steps: Step[] = [];
  const partnerIds: string[] = [];
  const clientIds: string[] = [];
  const referralIds: string[] = [];
  o.partners.forEach((p, i) => {
    steps.push({
      on: p.on,
      run: async () => {
        const id = await b.partner(`Mitra ${i + 1}`, p.on, {
          bidang: i % 2 ? ['hukum_kemasyarakatan', 'kemandirian_kepribadian'] : ['kemandirian_kepribadian'],
        });
        partnerIds[i] = id;
        const a = await b.agreement(id, p.on, p.on, p.months);
        if (p.cancel && p.cancel > p.on) steps.push({ on: p.cancel, run: () => b.cancelAgreement(a, p.cancel!) });
      },
    });
  });
  o.clients.forEach((c, i) => {
    const end = addDays(addMonths(c.start, c.months), -1);
    const entered = c.start < '2026-01-01' ? '2026-01-01' : c.start;
    steps.push({
      on: entered,
      run: async () => {
        clientIds[i] = await b.client(`Klien ${i + 1}`, entered, {
          program: c.program as 'pb',
          sex: c.sex,
          birthDate: c.birthDate,
          supervisionStart: c.start,
          supervisionEnd: end,
          reporting: c.reporting,
        });
      },
    });
    if (c.close && c.close.on > entered) steps.push({ on: c.close.on, run: () => b.close(clientIds[i]!, c.close!.status, c.close!.on) });
  });
  for (const e of o.events) {
    if (e.kind === 'checkin') steps.push({ on: e.on, run: () => b.checkin(clientIds[e.client % clientIds.length]!, e.on, e.how) });
    if (e.kind === 'referral')
      steps.push({
        on: e.on,
        run: async () => {
          const client = clientIds[e.client % clientIds.length]!;
          const partner = partnerIds[e.partner % partnerIds.length]!;
          const ks = o.clients[e.client % o.clients.length]!.program === 'pidana_kerja_sosial';
          const id = await b.referral(client, partner, ks ? 'pidana_kerja_sosial' : 'pelatihan_keterampilan', e.on, ks ? 16 : null);
          referralIds.push(id);
          if (e.to === 'selesai' && ks) await b.referralTo(id, 'berjalan', e.on);
          else if (e.to !== 'diusulkan') await b.referralTo(id, e.to as 'berjalan', e.on, e.to === 'selesai' ? 'bekerja' : null);
        },
      });
    if (e.kind === 'activity')
      steps.push({
        on: e.on,
        run: () =>
          b.activity(
            e.on,
            'pelatihan',
            null,
            [...new Map(e.who.map(([c, a]) => [clientIds[c % clientIds.length]!, a])).entries()].filter(([c]) => c),
          ),
      });
    if (e.kind === 'hours')
      steps.push({ on: e.on, run: async () => referralIds.length && b.hours(referralIds[e.referral % referralIds.length]!, e.on, e.hours) });
  }
  // In the order of their days (steps added while running come after, on their own later day).
  for (let i = 0; i < steps.length; i++) {
    const rest = steps.slice(i).sort((x, y) => x.on.localeCompare(y.on));
    steps.splice(i, rest.length, ...rest);
    await tolerate(steps[i]!.run);
  }
  await at(app, token, '2027-02-01');
}

const compute = (app: TestApp, token: string, period: Period) => app.call('reports.compute', { period }, token);
const value = (r: OutputOf<'reports.compute'>, code: string) => r.figures.find((f) => f.code === code)!;

async function expectRecordsMatch(app: TestApp, token: string, period: Period) {
  const r = await compute(app, token, period);
  for (const f of r.figures) {
    const rec = await app.call('reports.records', { period, code: f.code }, token);
    const measured = rec.measure === 'amount' ? Math.round(rec.rows.reduce((s, x) => s + Number(x.amount), 0) * 100) / 100 : rec.rows.length;
    expect([f.code, measured]).toEqual([f.code, f.aggregation === 'ratio' ? f.numerator : f.value]);
    for (const b of f.breakdown ?? []) {
      const part = await app.call('reports.records', { period, code: f.code, key: b.key }, token);
      expect([f.code, b.key, part.rows.length]).toEqual([f.code, b.key, b.value]);
    }
    if (f.breakdown && f.code !== 'mitra_bidang' && f.code !== 'rujukan_bidang') {
      expect([f.code, f.breakdown.reduce((s, b) => s + b.value, 0)]).toEqual([f.code, f.value]);
    }
  }
}

describe('report figures over random small offices', () => {
  it('equal their records, and months add up to quarters and the year for every summed indicator', async () => {
    await fc.assert(
      fc.asyncProperty(officeArb, fc.integer({ min: 1, max: 12 }), async (office, month) => {
        const app = makeApp(new Date('2026-01-01T03:00:00Z'));
        try {
          const token = await setUpOffice(app);
          await build(app, token, office);
          await expectRecordsMatch(app, token, { kind: 'month', year: 2026, month });
          await expectRecordsMatch(app, token, { kind: 'year', year: 2026 });
          const months = await Promise.all(Array.from({ length: 12 }, (_, m) => compute(app, token, { kind: 'month', year: 2026, month: m + 1 })));
          const quarters = await Promise.all([1, 2, 3, 4].map((quarter) => compute(app, token, { kind: 'quarter', year: 2026, quarter })));
          const year = await compute(app, token, { kind: 'year', year: 2026 });
          const semester = await compute(app, token, { kind: 'semester', year: 2026, semester: 2 });
          const range = await compute(app, token, { kind: 'range', from: '2026-07-01', to: '2026-12-31' });
          const sum = (rs: readonly OutputOf<'reports.compute'>[], code: string) => Math.round(rs.reduce((s, r) => s + value(r, code).value!, 0) * 100) / 100;
          for (const ind of INDICATORS.filter((i) => i.aggregation === 'sum')) {
            expect([ind.code, sum(months, ind.code)]).toEqual([ind.code, value(year, ind.code).value]);
            quarters.forEach((q, n) => expect([ind.code, n, sum(months.slice(n * 3, n * 3 + 3), ind.code)]).toEqual([ind.code, n, value(q, ind.code).value]));
            expect([ind.code, sum(quarters.slice(2), ind.code)]).toEqual([ind.code, value(semester, ind.code).value]);
          }
          // A state is counted on the last day: the year's is December's and the fourth quarter's.
          for (const ind of INDICATORS.filter((i) => i.aggregation === 'state')) {
            expect([ind.code, value(year, ind.code).value]).toEqual([ind.code, value(months[11]!, ind.code).value]);
            expect([ind.code, value(year, ind.code).value]).toEqual([ind.code, value(quarters[3]!, ind.code).value]);
          }
          // The second semester as a range of days gives the same figures.
          expect(range.figures).toEqual(semester.figures);
          // Read in one pass for a year and its months (the printed year report), or for a series of
          // months, every figure is the one its period gives on its own.
          const annex = reportWithAnnex(app.ctx, { kind: 'year', year: 2026 }, { kind: 'all' });
          expect(annex.report.figures).toEqual(year.figures);
          annex.months.forEach((m, i) => expect([i, m.figures]).toEqual([i, months[i]!.figures]));
          const codes = INDICATORS.map((i) => i.code);
          for (let k = 0; k < codes.length; k += SERIES_CODES) {
            const series = await app.call('reports.series', { until: { year: 2026, month: 12 }, months: 12, codes: codes.slice(k, k + SERIES_CODES) }, token);
            for (const line of series.lines) expect([line.code, line.values]).toEqual([line.code, months.map((m) => value(m, line.code).value)]);
          }
        } finally {
          app.dispose();
        }
      }),
      { numRuns: 8 },
    );
  }, 240_000);
});
