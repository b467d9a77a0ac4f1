import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../connection';
import type { UsersTable } from '../schema';

export type UserRow = Selectable<UsersTable>;

export const userById = (db: Db, id: string) => db.first(db.q.selectFrom('users').selectAll().where('id', '=', id));
export const userByUsername = (db: Db, username: string) => db.first(db.q.selectFrom('users').selectAll().where('username', '=', username));
/** The office's own officers; a Bapas induk also holds its posts' officers (without passwords), for names on their records. */
export const listUsers = (db: Db, origin: string) => db.all(db.q.selectFrom('users').selectAll().where('origin', '=', origin).orderBy('name'));
export const countUsers = (db: Db) => db.first(db.q.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
export const countActiveAdmins = (db: Db) =>
  db.first(
    db.q
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1),
  )?.n ?? 0;

export function insertUser(db: Db, row: Insertable<UsersTable>): void {
  db.run(db.q.insertInto('users').values(row));
}

export function updateUser(db: Db, id: string, patch: Updateable<UsersTable>): void {
  db.run(db.q.updateTable('users').set(patch).where('id', '=', id));
}

/**
 * Counts one wrong password in SQL (not from a row read earlier), so attempts that finish together
 * each count; returns the new count and the lock as they stand after this write.
 */
export const addFailedLogin = (db: Db, id: string) =>
  db.first(
    db.q
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning(['failed_logins', 'locked_until']),
  );
