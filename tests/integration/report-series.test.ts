import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../shared/contract';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { addPost, pairedOffices, sendUp, type Pair } from '../support/offices';
import { at, OfficeBuilder } from '../support/reportOffice';
import { NOVEMBER } from '../support/reportExpected';
import { buildKnownOffice } from '../support/reportScenario';
import { dumpDb } from '../support/dump';

type Scope = InputOf<'reports.compute'>['scope'];
const CODES = ['klien_aktif', 'rujukan_layanan', 'wl_kepatuhan', 'ks_jam_dilaksanakan'];
const valueOf = (e: (typeof NOVEMBER)[string]) => (typeof e === 'object' && e !== null ? e.value : e);

/** Each month of a series is the report of that month: the same figure, asked of reports.compute. */
async function expectSeriesIsTheReport(app: TestApp, token: string, s: OutputOf<'reports.series'>, scopeOf: (office: string | null) => Scope) {
  for (const [i, m] of s.months.entries()) {
    for (const line of s.lines) {
      const r = await app.call('reports.compute', { period: m.period, scope: scopeOf(line.office) }, token);
      expect([line.code, line.office, i, line.values[i]]).toEqual([line.code, line.office, i, r.figures.find((f) => f.code === line.code)!.value]);
    }
  }
}

describe('a series of monthly figures at a post', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = makeApp(new Date('2026-01-02T03:00:00Z'));
    admin = await setUpOffice(app);
    await buildKnownOffice(app, admin);
  }, 60_000);
  afterAll(() => app.dispose());

  it('gives each month the figures of that month’s report, November as counted by hand', async () => {
    const s = await app.call('reports.series', { until: { year: 2026, month: 12 }, months: 12, codes: CODES }, admin);
    expect(s.months.map((m) => m.label)).toEqual([
      'Januari 2026',
      'Februari 2026',
      'Maret 2026',
      'April 2026',
      'Mei 2026',
      'Juni 2026',
      'Juli 2026',
      'Agustus 2026',
      'September 2026',
      'Oktober 2026',
      'November 2026',
      'Desember 2026',
    ]);
    expect(s.months.every((m) => !m.partial)).toBe(true);
    const nov = (code: string) => s.lines.find((l) => l.code === code)!.values[10];
    expect([nov('klien_aktif'), nov('rujukan_layanan'), nov('wl_kepatuhan')]).toEqual([
      valueOf(NOVEMBER.klien_aktif!),
      valueOf(NOVEMBER.rujukan_layanan!),
      valueOf(NOVEMBER.wl_kepatuhan!),
    ]);
    await expectSeriesIsTheReport(app, admin, s, () => ({ kind: 'all' }));
  });

  it('ends with the current month up to today when no month is named, read as it stands today', async () => {
    // The office's clock stands at 11 January 2027.
    const s = await app.call('reports.series', { months: 3, codes: ['klien_aktif', 'wl_wajib'] }, admin);
    expect(s.months.map((m) => [m.label, m.from, m.to, m.partial])).toEqual([
      ['November 2026', '2026-11-01', '2026-11-30', false],
      ['Desember 2026', '2026-12-01', '2026-12-31', false],
      ['Januari 2027', '2027-01-01', '2027-01-11', true],
    ]);
    expect(s.months[2]!.period).toEqual({ kind: 'range', from: '2027-01-01', to: '2027-01-11' });
    await expectSeriesIsTheReport(app, admin, s, () => ({ kind: 'all' }));
  });

  it('refuses a month still to come, an unknown or repeated indicator and a post’s scope at a post, changing nothing', async () => {
    const before = dumpDb(app.db);
    expect((await app.fail('reports.series', { until: { year: 2027, month: 2 }, codes: ['klien_aktif'] }, admin)).fields).toEqual({
      until: 'reports.seriesFuture',
    });
    expect((await app.fail('reports.series', { codes: ['klien_aktif', 'klien_aktif'] }, admin)).fields).toEqual({ codes: 'reports.codeTwice' });
    expect((await app.fail('reports.series', { codes: ['bukan_indikator'] }, admin)).fields).toEqual({ 'codes.0': 'reports.unknownIndicator' });
    expect((await app.fail('reports.series', { codes: [] }, admin)).fields).toEqual({ codes: 'v.required' });
    expect((await app.fail('reports.series', { codes: ['klien_aktif'], months: 25 }, admin)).fields).toEqual({ months: 'v.invalid' });
    expect((await app.fail('reports.series', { codes: ['klien_aktif'], scope: { kind: 'post', code: 'KPH' } }, admin)).fields).toEqual({
      scope: 'reports.scopeAtInduk',
    });
    expect(dumpDb(app.db)).toBe(before);
  });
});

describe('a series at a Bapas induk holding two posts', () => {
  let pair: Pair;
  let second: { post: TestApp; admin: string };
  beforeAll(async () => {
    pair = await pairedOffices();
    await at(pair.post, pair.postAdmin, '2026-01-02');
    second = await addPost(pair, 'KPH', 'Pos Bapas Kepahiang');
    await buildKnownOffice(pair.post, pair.postAdmin);
    const b = new OfficeBuilder(second.post, second.admin);
    await b.client('Bayu', '2026-05-01', { program: 'cb', sex: 'L', birthDate: '2000-02-02', supervisionStart: '2026-05-01', supervisionEnd: '2027-04-30' });
    const bayu = (await second.post.call('clients.list', { q: 'Bayu' }, second.admin)).rows[0]!.id;
    await b.checkin(bayu, '2026-11-02');
    await at(second.post, second.admin, '2027-01-11');
    await at(pair.parent, pair.parentAdmin, '2027-01-11');
    await sendUp(pair.post, pair.postAdmin, pair.parent, pair.parentAdmin);
    await sendUp(second.post, second.admin, pair.parent, pair.parentAdmin);
  }, 90_000);
  afterAll(() => {
    pair.dispose();
    second.post.dispose();
  });

  it('gives a line per office beside the total; each is that office’s report and counts add up to the total', async () => {
    const s = await pair.parent.call('reports.series', { until: { year: 2026, month: 12 }, months: 6, codes: CODES, perOffice: true }, pair.parentAdmin);
    const parentCode = s.offices[0]!.code;
    expect(new Set(s.lines.map((l) => l.office))).toEqual(new Set([null, ...s.offices.map((o) => o.code)]));
    expect(s.offices.length).toBe(3);
    for (const code of ['klien_aktif', 'rujukan_layanan', 'ks_jam_dilaksanakan']) {
      const total = s.lines.find((l) => l.code === code && l.office === null)!.values;
      const parts = s.lines.filter((l) => l.code === code && l.office !== null);
      expect(total).toEqual(total.map((_, i) => parts.reduce((sum, l) => sum + (l.values[i] ?? 0), 0)));
    }
    expect(s.lines.find((l) => l.code === 'klien_aktif' && l.office === 'KPH')!.values).toEqual([1, 1, 1, 1, 1, 1]);
    await expectSeriesIsTheReport(pair.parent, pair.parentAdmin, s, (office) =>
      office === null ? { kind: 'all' } : office === parentCode ? { kind: 'own' } : { kind: 'post', code: office },
    );
  });

  it('gives only the total for one post’s scope, whatever perOffice says', async () => {
    const s = await pair.parent.call(
      'reports.series',
      { until: { year: 2026, month: 11 }, months: 1, codes: ['klien_aktif'], scope: { kind: 'post', code: 'KPH' }, perOffice: true },
      pair.parentAdmin,
    );
    expect(s.lines).toEqual([{ code: 'klien_aktif', office: null, values: [1] }]);
  });
});
