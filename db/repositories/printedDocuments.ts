import type { Insertable } from 'kysely';
import type { Db } from '../connection';
import type { PrintedDocumentsTable } from '../schema';
/** The kinds of printed document that carry a verification code (printed_documents.kind). */
export type DocKind = PrintedDocumentsTable['kind'];

export const documentByContent = (db: Db, kind: DocKind, entityId: string, sha256: string) =>
  db.first(db.q.selectFrom('printed_documents').selectAll().where('kind', '=', kind).where('entity_id', '=', entityId).where('content_sha256', '=', sha256));

export function latestVersion(db: Db, kind: DocKind, entityId: string): number {
  return (
    db.first(
      db.q
        .selectFrom('printed_documents')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('kind', '=', kind)
        .where('entity_id', '=', entityId),
    )?.v ?? 0
  );
}

export const documentByCode = (db: Db, code: string) =>
  db.first(
    db.q
      .selectFrom('printed_documents as d')
      .leftJoin('users as u', 'u.id', 'd.printed_by')
      .selectAll('d')
      .select('u.name as printed_by_name')
      .where('d.code', '=', code),
  );

export function insertPrintedDocument(db: Db, row: Insertable<PrintedDocumentsTable>): void {
  db.run(db.q.insertInto('printed_documents').values(row));
}

/** The printed versions of these records (e.g. a client's referral letters). */
export const documentsOfEntities = (db: Db, kind: DocKind, entityIds: readonly string[]) =>
  entityIds.length === 0
    ? []
    : db.all(
        db.q
          .selectFrom('printed_documents')
          .select(['entity_id', 'title', 'number', 'code', 'version', 'created_at'])
          .where('kind', '=', kind)
          .where('entity_id', 'in', entityIds as string[]),
      );
