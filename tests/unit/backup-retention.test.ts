import { describe, expect, it } from 'vitest';
import { retainBackups, type RetainedBackup } from '../../shared/backups';

const hour = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
/** A scheduled backup every hour for `hours` hours up to `end` (UTC). */
function hourly(end: number, hours: number): RetainedBackup[] {
  return Array.from({ length: hours }, (_, i) => ({ name: `b${i}`, createdAt: at(end - i * hour), reason: 'scheduled' as const }));
}

describe('which backups are kept', () => {
  it('keeps 24 hourly, 14 daily and 12 monthly of a year and a half of hourly backups', () => {
    const end = Date.parse('2025-06-30T16:30:00Z');
    const all = hourly(end, 18 * 31 * 24);
    const { keep, remove } = retainBackups(all, 'WIB');
    const kinds = [...keep.values()];
    expect(kinds.filter((k) => k === 'monthly')).toHaveLength(12);
    expect(kinds.filter((k) => k === 'daily')).toHaveLength(13); // today's newest is already the month's
    expect(kinds.filter((k) => k === 'hourly')).toHaveLength(23); // this hour's newest is the month's too
    expect(keep.size + remove.length).toBe(all.length);
    // The newest is kept, and the monthly ones are the last of each office month (WIB: 17:00 UTC is midnight).
    expect(keep.has('b0')).toBe(true);
    const monthly = all.filter((b) => keep.get(b.name) === 'monthly').map((b) => b.createdAt);
    expect(monthly).toContain('2025-05-31T16:30:00.000Z');
    expect(monthly).not.toContain('2025-05-31T17:30:00.000Z');
  });

  it('turns the day at the office midnight of its zone', () => {
    const two = [
      { name: 'before', createdAt: '2025-03-04T16:59:00.000Z', reason: 'scheduled' as const },
      { name: 'after', createdAt: '2025-03-04T17:01:00.000Z', reason: 'scheduled' as const },
    ];
    const wib = retainBackups(two, 'WIB', { hourly: 0, daily: 2, monthly: 0, perGuardReason: 0 });
    expect(wib.remove).toEqual([]);
    const wit = retainBackups(two, 'WIT', { hourly: 0, daily: 2, monthly: 0, perGuardReason: 0 });
    expect(wit.remove).toEqual(['before']);
  });

  it('keeps manual and before-a-change backups apart from the schedule, the newest of each reason', () => {
    const end = Date.parse('2025-06-30T00:00:00Z');
    const guards: RetainedBackup[] = Array.from({ length: 15 }, (_, i) => ({ name: `m${i}`, createdAt: at(end - i * hour), reason: 'manual' as const }));
    const migration: RetainedBackup = { name: 'mig', createdAt: at(end - 1000 * hour), reason: 'beforeMigration' };
    const { keep, remove } = retainBackups([...guards, migration, ...hourly(end - 30 * 60_000, 3)], 'WIB');
    expect(remove).toEqual(['m12', 'm13', 'm14']);
    expect(keep.get('mig')).toBe('beforeMigration');
    expect(keep.get('m0')).toBe('manual');
    expect(keep.get('b2')).toBe('hourly');
  });

  it('keeps nothing twice and an empty folder stays empty', () => {
    expect(retainBackups([], 'WITA')).toEqual({ keep: new Map(), remove: [] });
  });
});
