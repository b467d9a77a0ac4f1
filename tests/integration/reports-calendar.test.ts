import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { at, OfficeBuilder } from '../support/reportOffice';

/**
 * The wajib-lapor figures follow the office calendar at the edges of a supervision: a last due date
 * on a Saturday moves to the Monday after, past the end of supervision, and is counted in the month
 * it moved into, once, whether the months are asked one by one or with the year.
 */
describe('a last due date moved past the end of supervision', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = makeApp(new Date('2026-05-31T03:00:00Z'));
    admin = await setUpOffice(app);
    // Monthly from 31 May to 31 October 2026: due 30 Jun, 31 Jul, 31 Aug, 30 Sep, and 31 Oct, a
    // Saturday, moved to Monday 2 November. Reported in June only.
    const b = new OfficeBuilder(app, admin);
    const id = await b.client('Rudi', '2026-05-31', {
      program: 'pb',
      sex: 'L',
      supervisionStart: '2026-05-31',
      supervisionEnd: '2026-10-31',
      reporting: 'bulanan',
    });
    await b.checkin(id, '2026-06-30');
    await at(app, admin, '2026-12-15');
  }, 30_000);
  afterAll(() => app.dispose());

  const figure = (r: { figures: readonly { code: string; value: number | null }[] }, code: string) => r.figures.find((f) => f.code === code)!.value;

  it('counts the moved due date in November, where it fell, and lists it there', async () => {
    const oct = await app.call('reports.compute', { period: { kind: 'month', year: 2026, month: 10 } }, admin);
    const nov = await app.call('reports.compute', { period: { kind: 'month', year: 2026, month: 11 } }, admin);
    expect([figure(oct, 'wl_wajib'), figure(nov, 'wl_wajib'), figure(nov, 'wl_tidak')]).toEqual([0, 1, 1]);
    const rows = await app.call('reports.records', { period: { kind: 'month', year: 2026, month: 11 }, code: 'wl_wajib' }, admin);
    expect(rows.rows.map((r) => [r.name, r.due, r.dueStatus])).toEqual([['Rudi', '2026-11-02', 'missed']]);
  });

  it('gives the year the five due dates its months add up to', async () => {
    const year = await app.call('reports.compute', { period: { kind: 'year', year: 2026 } }, admin);
    const series = await app.call('reports.series', { until: { year: 2026, month: 12 }, months: 12, codes: ['wl_wajib', 'wl_lapor'] }, admin);
    const wajib = series.lines.find((l) => l.code === 'wl_wajib')!.values;
    expect([figure(year, 'wl_wajib'), figure(year, 'wl_lapor')]).toEqual([5, 1]);
    expect(wajib.reduce((s, v) => s! + v!, 0)).toBe(5);
    expect(wajib.slice(5, 11)).toEqual([1, 1, 1, 1, 0, 1]);
  });
});
