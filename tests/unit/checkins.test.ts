import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/agreements';
import { dueDates, isDayOff, MAX_DUE_DATES, nextWorkingDay, reportingState, schedule } from '../../shared/checkins';

describe('wajib lapor schedule', () => {
  it('falls monthly on the same day, clamped at month ends, including 29 February in leap years', () => {
    expect(dueDates('2024-01-31', '2024-06-30', 'bulanan')).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30']);
    expect(dueDates('2025-01-31', '2025-04-30', 'bulanan')).toEqual(['2025-02-28', '2025-03-31', '2025-04-30']);
    expect(dueDates('2023-12-15', '2024-03-15', 'bulanan')).toEqual(['2024-01-15', '2024-02-15', '2024-03-15']);
    expect(dueDates('2024-02-29', '2025-03-01', 'bulanan').slice(-2)).toEqual(['2025-01-29', '2025-02-28']);
  });

  it('falls every 14 days for fortnightly reporting, across a leap day', () => {
    expect(dueDates('2024-02-10', '2024-03-31', 'dua_mingguan')).toEqual(['2024-02-24', '2024-03-09', '2024-03-23']);
    expect(dueDates('2025-01-01', '2025-01-14', 'dua_mingguan')).toEqual([]);
    expect(dueDates('2025-01-01', '2025-12-31', 'tidak')).toEqual([]);
  });

  it('knows who is up to date, who is overdue since when, and who has missed three in a row', () => {
    const start = '2025-01-15';
    const end = '2025-12-31';
    // Due 15 Feb, a Saturday, so Monday 17 Feb (grace to 24 Feb), 15 Mar also a Saturday (17 Mar, to 24 Mar), 15 Apr (to 22 Apr), 15 May (to 22 May).
    expect(reportingState(start, end, 'bulanan', '2025-02-14', '2025-03-01')).toMatchObject({ missedStreak: 0, overdueSince: null, nextDue: '2025-03-17' });
    expect(reportingState(start, end, 'bulanan', '2025-02-14', '2025-03-25')).toMatchObject({
      missedStreak: 1,
      overdueSince: '2025-03-17',
      nextDue: '2025-04-15',
    });
    // A late report within the grace days still counts for its due date.
    expect(reportingState(start, end, 'bulanan', '2025-03-21', '2025-03-25').missedStreak).toBe(0);
    expect(reportingState(start, end, 'bulanan', '2025-02-14', '2025-05-23')).toMatchObject({ missedStreak: 3, overdueSince: '2025-03-17' });
    expect(reportingState(start, end, 'bulanan', null, '2025-05-23')).toMatchObject({ missedStreak: 4, overdueSince: '2025-02-17' });
    expect(reportingState(start, end, 'tidak', null, '2025-05-23')).toMatchObject({ missedStreak: 0, nextDue: null });
  });

  it('gives each check-in to exactly one due date, and agrees with the state computed from the last check-in', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.constantFrom('bulanan' as const, 'dua_mingguan' as const),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 420 }),
        (d, reporting, offsets, todayOffset) => {
          const start = d.toISOString().slice(0, 10);
          const end = addDays(start, 365);
          const today = addDays(start, todayOffset);
          const checkins = offsets.map((o) => addDays(start, o)).filter((c) => c <= today);
          const rows = schedule(start, end, reporting, checkins, today);
          // Windows tile the period without gaps or overlaps.
          rows.forEach((r, i) => i > 0 && expect(r.opens).toBe(addDays(rows[i - 1]!.closes, 1)));
          const last = checkins.length ? [...checkins].sort().at(-1)! : null;
          const state = reportingState(start, end, reporting, last, today);
          const closed = rows.filter((x) => x.status === 'met' || x.status === 'missed');
          let tail = 0;
          for (const r of [...closed].reverse()) {
            if (r.status === 'met') break;
            tail++;
          }
          // A client who has reported in the window still open is not overdue, whatever came before;
          // otherwise the streak read from the last check-in is the run of missed windows at the end.
          const reportedSinceLastClose = last !== null && closed.length > 0 && last > closed.at(-1)!.closes;
          expect(state.missedStreak).toBe(reportedSinceLastClose ? 0 : tail);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('wajib lapor on the office calendar', () => {
  it('moves a due date off a Saturday, a Sunday or a holiday to the next working day', () => {
    // 14 March 2026 is a Saturday; 19-20 March are Nyepi and Idulfitri, 21 a Saturday.
    const holidays = new Set(['2026-03-19', '2026-03-20', '2026-03-23']);
    expect(nextWorkingDay('2026-03-14')).toBe('2026-03-16');
    expect(nextWorkingDay('2026-03-19', holidays)).toBe('2026-03-24');
    expect(nextWorkingDay('2026-03-17', holidays)).toBe('2026-03-17');
    const rows = schedule('2026-01-14', '2026-06-30', 'bulanan', [], '2026-01-20', { holidays });
    expect(rows.slice(0, 3).map((r) => [r.due, r.movedFrom])).toEqual([
      ['2026-02-16', '2026-02-14'],
      ['2026-03-16', '2026-03-14'],
      ['2026-04-14', null],
    ]);
    // The grace days run from the moved date, so the client keeps all of them.
    expect(rows[0]!.closes).toBe('2026-02-23');
    expect(reportingState('2026-01-14', '2026-06-30', 'bulanan', null, '2026-02-23', { holidays }).missedStreak).toBe(0);
    expect(reportingState('2026-01-14', '2026-06-30', 'bulanan', null, '2026-02-24', { holidays })).toMatchObject({
      missedStreak: 1,
      overdueSince: '2026-02-16',
      nextDue: '2026-03-16',
    });
  });

  it('counts a back-registered client from the tracked-from day: earlier due dates are not missed', () => {
    const cal = { from: '2026-03-02' };
    // Supervision from 15 January 2025: fourteen due dates passed before the caseload came into the app.
    expect(reportingState('2025-01-15', '2026-12-31', 'bulanan', null, '2026-03-02').missedStreak).toBe(13);
    expect(reportingState('2025-01-15', '2026-12-31', 'bulanan', null, '2026-03-02', cal)).toMatchObject({ missedStreak: 0, nextDue: '2026-03-16' });
    const rows = schedule('2025-01-15', '2026-12-31', 'bulanan', [], '2026-03-02', cal);
    expect(rows[0]).toMatchObject({ due: '2026-03-16', movedFrom: '2026-03-15', opens: '2026-03-02', status: 'open' });
    expect(rows.filter((r) => r.status === 'missed')).toEqual([]);
  });

  it('keeps windows tiling and agrees with the per-window schedule with weekends, holidays and a tracked-from day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.constantFrom('bulanan' as const, 'dua_mingguan' as const),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 420 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 200 }),
        (d, reporting, offsets, todayOffset, holidayOffsets, fromOffset) => {
          const start = d.toISOString().slice(0, 10);
          const end = addDays(start, 365);
          const today = addDays(start, todayOffset);
          const from = addDays(start, fromOffset);
          const holidays = new Set(holidayOffsets.map((o) => addDays(start, o)));
          const cal = { from, holidays };
          const checkins = offsets.map((o) => addDays(start, o)).filter((c) => c <= today && c >= from);
          const rows = schedule(start, end, reporting, checkins, today, cal);
          // Every due date is a working day on or after the tracked-from day, and none is left out.
          rows.forEach((r) => expect([isDayOff(r.due, holidays), r.due >= from]).toEqual([false, true]));
          expect(rows.length).toBe(dueDates(start, end, reporting).filter((n) => nextWorkingDay(n, holidays) >= from).length);
          // Windows tile the counted period without gaps or overlaps, the first opening on the tracked-from day.
          if (rows.length) expect(rows[0]!.opens).toBe(from);
          rows.forEach((r, i) => i > 0 && expect(r.opens).toBe(addDays(rows[i - 1]!.closes, 1)));
          rows.forEach((r, i) => i > 0 && expect(r.due > rows[i - 1]!.due || r.opens > r.closes).toBe(true));
          const last = checkins.length ? [...checkins].sort().at(-1)! : null;
          const state = reportingState(start, end, reporting, last, today, cal);
          const closed = rows.filter((x) => x.status === 'met' || x.status === 'missed');
          let tail = 0;
          for (const r of [...closed].reverse()) {
            if (r.status === 'met') break;
            tail++;
          }
          const reportedSinceLastClose = last !== null && closed.length > 0 && last > closed.at(-1)!.closes;
          expect(state.passedCount).toBe(rows.filter((r) => r.closes < today).length);
          expect(state.missedStreak).toBe(reportedSinceLastClose ? 0 : tail);
          expect(state.overdueSince).toBe(state.missedStreak > 0 ? closed.at(-state.missedStreak)!.due : null);
          expect(state.nextDue).toBe(rows.find((r) => r.closes >= today)?.due ?? null);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('wajib lapor with dates that are not dates (a damaged record)', () => {
  const GARBAGE = ['x', 'y', '', '0000-00-00', '9999-99-99', '2025-02-30', 'NaN-NaN-NaN', '2025-1-1', '+275760-09-13', '\u0000'];

  it('has no schedule and no overdue state, and always returns', () => {
    for (const reporting of ['bulanan', 'dua_mingguan'] as const) {
      for (const bad of GARBAGE) {
        expect(dueDates(bad, '2026-01-14', reporting)).toEqual([]);
        expect(dueDates('2025-01-15', bad, reporting)).toEqual([]);
        expect(dueDates(bad, bad, reporting)).toEqual([]);
        expect(schedule('x', 'y', reporting, [bad], '2025-03-05')).toEqual([]);
        expect(schedule('2025-01-15', '2026-01-14', reporting, [bad], bad)).toEqual([]);
        expect(reportingState(bad, 'y', reporting, bad, '2025-03-05')).toEqual({ passedCount: 0, missedStreak: 0, overdueSince: null, nextDue: null });
        // A garbage last check-in counts as none: the schedule itself stands.
        expect(reportingState('2025-01-15', '2026-01-14', reporting, bad, '2025-03-05')).toEqual(
          reportingState('2025-01-15', '2026-01-14', reporting, null, '2025-03-05'),
        );
      }
    }
    expect(dueDates('x', 'y', 'tidak')).toEqual([]);
  });

  it('returns for any strings at all, with at most MAX_DUE_DATES due dates', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom('bulanan' as const, 'dua_mingguan' as const), (start, end, reporting) => {
        expect(dueDates(start, end, reporting).length).toBeLessThanOrEqual(MAX_DUE_DATES);
        expect(Array.isArray(schedule(start, end, reporting, [start, end], end))).toBe(true);
      }),
      { numRuns: 500 },
    );
    // The widest real period stays within the bound, and is listed whole.
    expect(dueDates('1900-01-01', '2200-12-31', 'dua_mingguan').length).toBeLessThanOrEqual(MAX_DUE_DATES);
    expect(dueDates('1900-01-01', '2200-12-31', 'dua_mingguan').at(-1)! > '2200-12-16').toBe(true);
  });
});
