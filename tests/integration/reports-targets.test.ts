import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, setUpOffice, type TestApp } from '../support/app';
import { dumpDb } from '../support/dump';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp(new Date('2026-03-02T03:00:00Z'));
  admin = await setUpOffice(app);
});
afterEach(() => app.dispose());

describe('report targets and refused report questions', () => {
  it('keeps an office’s yearly targets, replaced as a whole, written in the audit log, and shows them beside the figures', async () => {
    await app.call(
      'reports.setTargets',
      {
        year: 2026,
        office: 'CRP',
        targets: [
          { code: 'klien_baru', target: 12 },
          { code: 'mitra_baru', target: 3 },
        ],
      },
      admin,
    );
    const after = await app.call('reports.setTargets', { year: 2026, office: 'CRP', targets: [{ code: 'klien_baru', target: 10 }] }, admin);
    expect(after.targets).toEqual([{ code: 'klien_baru', target: 10 }]);
    expect((await app.call('reports.targets', { year: 2027 }, admin)).targets).toEqual([]);
    const year = await app.call('reports.compute', { period: { kind: 'year', year: 2026 } }, admin);
    expect(year.figures.find((f) => f.code === 'klien_baru')).toMatchObject({ target: 10, value: 0, achievement: 0 });
    expect(year.figures.find((f) => f.code === 'mitra_baru')!.target).toBeNull();
    // A range over two years has no yearly target.
    const range = await app.call('reports.compute', { period: { kind: 'range', from: '2025-12-01', to: '2026-01-31' } }, admin);
    expect(range.figures.find((f) => f.code === 'klien_baru')!.target).toBeNull();
    const log = await app.call('audit.list', { limit: 5 }, admin);
    expect(log.entries.some((e) => e.entity === 'settings' && e.entityId === 'reportTargets')).toBe(true);
  });

  it('refuses targets for an office it does not know, twice for one indicator, or negative, and an impossible period, changing nothing', async () => {
    const before = dumpDb(app.db);
    const other = await app.fail('reports.setTargets', { year: 2026, office: 'XYZ', targets: [{ code: 'klien_baru', target: 1 }] }, admin);
    expect(other.fields).toEqual({ office: 'reports.unknownPost' });
    const twice = await app.fail(
      'reports.setTargets',
      {
        year: 2026,
        office: 'CRP',
        targets: [
          { code: 'klien_baru', target: 1 },
          { code: 'klien_baru', target: 2 },
        ],
      },
      admin,
    );
    expect(twice.fields).toEqual({ targets: 'reports.targetTwice' });
    expect((await app.fail('reports.setTargets', { year: 2026, office: 'CRP', targets: [{ code: 'klien_baru', target: -1 }] }, admin)).code).toBe('VALIDATION');
    expect((await app.fail('reports.setTargets', { year: 2026, office: 'CRP', targets: [{ code: 'tidak_ada', target: 1 }] }, admin)).code).toBe('VALIDATION');
    const backwards = await app.fail('reports.compute', { period: { kind: 'range', from: '2026-03-01', to: '2026-02-01' } }, admin);
    expect(backwards.fields).toEqual({ 'period.to': 'reports.rangeOrder' });
    expect((await app.fail('reports.compute', { period: { kind: 'month', year: 2026, month: 13 } }, admin)).code).toBe('VALIDATION');
    const noRows = await app.fail('reports.records', { period: { kind: 'month', year: 2026, month: 2 }, code: 'mitra_jumlah', key: 'aktif' }, admin);
    expect(noRows.fields).toEqual({ key: 'reports.noBreakdown' });
    expect(dumpDb(app.db)).toEqual(before);
  });
});
