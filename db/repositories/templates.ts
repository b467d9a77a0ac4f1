import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connection';
import type { ArticleTemplatesTable } from '../schema';

const current = (db: Db) => db.q.selectFrom('article_templates').selectAll().where('deleted_at', 'is', null);

export const listTemplates = (db: Db) => db.all(current(db).orderBy('is_default', 'desc').orderBy('name'));

export const templateById = (db: Db, id: string) => db.first(current(db).where('id', '=', id));

export const templateByName = (db: Db, name: string) => db.first(current(db).where('name', '=', name));

export function insertTemplate(db: Db, row: Insertable<ArticleTemplatesTable>): void {
  db.run(db.q.insertInto('article_templates').values(row));
}

export function updateTemplate(db: Db, id: string, patch: Updateable<ArticleTemplatesTable>): void {
  db.run(db.q.updateTable('article_templates').set(patch).where('id', '=', id));
}

/** Only one template is the default: clears the flag elsewhere inside the caller's transaction. */
export function clearDefaultTemplate(db: Db, exceptId: string): void {
  db.run(db.q.updateTable('article_templates').set({ is_default: 0 }).where('is_default', '=', 1).where('id', '!=', exceptId));
}
