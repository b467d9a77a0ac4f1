import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import type { HolidaysTable } from '../schema';

export const allHolidays = (db: Db) =>
  db.all(db.q.selectFrom('holidays as h').leftJoin('users as u', 'u.id', 'h.created_by').selectAll('h').select('u.name as by_name').orderBy('h.date'));

/** The dates alone, read once per call and kept until a holiday changes: the overdue list asks for every client. */
export function holidayDates(db: Db): ReadonlySet<string> {
  const cached = db.memo.get('holidays') as ReadonlySet<string> | undefined;
  if (cached) return cached;
  const dates = new Set(db.all(db.q.selectFrom('holidays').select('date')).map((r) => r.date));
  db.memo.set('holidays', dates);
  return dates;
}

export const holidayOn = (db: Db, date: string) => db.first(db.q.selectFrom('holidays').selectAll().where('date', '=', date));

export function insertHoliday(db: Db, row: Insertable<HolidaysTable>): void {
  db.run(db.q.insertInto('holidays').values(row));
  db.memo.delete('holidays');
}

export function deleteHoliday(db: Db, date: string): void {
  db.run(db.q.deleteFrom('holidays').where('date', '=', date));
  db.memo.delete('holidays');
}
