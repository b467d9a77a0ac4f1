import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/agreements';
import { missRunOn, schedule, scheduleBetween } from '../../shared/checkins';

/**
 * The reports compute a month's due dates and miss streaks without walking each client's whole
 * schedule; both must say exactly what the full schedule says, for any dates, holidays, tracked-from
 * day and check-ins.
 */
const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map(iso);
const office = fc.record({
  start: day,
  length: fc.integer({ min: 0, max: 900 }),
  reporting: fc.constantFrom('bulanan' as const, 'dua_mingguan' as const),
  trackedAfter: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
  checkins: fc.array(fc.integer({ min: -20, max: 950 }), { maxLength: 40 }),
  holidays: fc.array(fc.integer({ min: 0, max: 950 }), { maxLength: 30 }),
  today: fc.integer({ min: -30, max: 1000 }),
  lo: fc.integer({ min: -40, max: 960 }),
  span: fc.integer({ min: 0, max: 400 }),
});

describe('a window of the wajib lapor schedule', () => {
  it('gives the rows of the full schedule whose due date lies in the window', () => {
    fc.assert(
      fc.property(office, (o) => {
        const end = addDays(o.start, o.length);
        const cal = { from: o.trackedAfter === null ? null : addDays(o.start, o.trackedAfter), holidays: new Set(o.holidays.map((n) => addDays(o.start, n))) };
        const checkins = [...new Set(o.checkins.map((n) => addDays(o.start, n)))].sort();
        const today = addDays(o.start, o.today);
        const lo = addDays(o.start, o.lo);
        const hi = addDays(lo, o.span);
        const full = schedule(o.start, end, o.reporting, checkins, today, cal).filter((d) => d.due >= lo && d.due <= hi);
        expect(scheduleBetween(o.start, end, o.reporting, checkins, today, cal, lo, hi)).toEqual(full);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the run of unreported due dates closed by a day as the full schedule does, or asks for more check-ins', () => {
    fc.assert(
      fc.property(office, fc.integer({ min: 0, max: 300 }), (o, back) => {
        const end = addDays(o.start, o.length);
        const cal = { from: o.trackedAfter === null ? null : addDays(o.start, o.trackedAfter), holidays: new Set(o.holidays.map((n) => addDays(o.start, n))) };
        const checkins = [...new Set(o.checkins.map((n) => addDays(o.start, n)))].sort();
        const on = addDays(o.start, o.today);
        const closed = schedule(o.start, end, o.reporting, checkins, on, cal).filter((d) => d.closes <= on);
        let streak = 0;
        while (streak < closed.length && closed[closed.length - 1 - streak]!.checkin === null) streak++;
        const expected = { streak, since: streak ? closed[closed.length - streak]!.due : null };
        expect(missRunOn(o.start, end, o.reporting, checkins, cal, on, null)).toEqual(expected);
        // Read from a later day on: the same answer, or null when it cannot tell.
        const since = addDays(on, -back);
        const recent = checkins.filter((c) => c >= since && c <= on);
        const partial = missRunOn(o.start, end, o.reporting, recent, cal, on, since);
        if (partial !== null) expect(partial).toEqual(expected);
        // Null only when the walk back reached a window opening before the check-ins read: one of the run, or the met one before it.
        else expect(closed.slice(Math.max(0, closed.length - 1 - streak)).some((d) => d.opens < since)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps to the schedule at a month end, a moved due date and the tracked-from day', () => {
    // Monthly from 31 January 2026: due 28 Feb (Sat → 2 Mar), 31 Mar, 30 Apr; tracked from 1 March.
    const cal = { from: '2026-03-01', holidays: new Set<string>() };
    const rows = scheduleBetween('2026-01-31', '2026-12-31', 'bulanan', ['2026-03-02', '2026-04-09'], '2026-05-15', cal, '2026-03-01', '2026-04-30');
    expect(rows.map((r) => [r.due, r.movedFrom, r.opens, r.closes, r.status, r.checkin])).toEqual([
      ['2026-03-02', '2026-02-28', '2026-03-01', '2026-03-09', 'met', '2026-03-02'],
      ['2026-03-31', null, '2026-03-10', '2026-04-07', 'missed', null],
      ['2026-04-30', null, '2026-04-08', '2026-05-07', 'met', '2026-04-09'],
    ]);
  });
});
