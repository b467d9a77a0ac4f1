import { AppError } from '../../../shared/errors';
import { formatPlaceDate } from '../../../shared/format';
import type { ExportFile } from '../../../shared/types';
import { isIsoDate } from '../../../shared/validate';
import { recordChange } from '../audit';
import type { Actor, AppContext } from '../context';
import { kopOf } from '../documents/kop';
import type { DocumentModel, DocumentPhoto, Paper, Signatory } from '../documents/model';
import { exportTable, type ExportColumn, type ExportKind } from '../exporter';
import { exportHeading } from '../exportHeading';
import { renderFile } from '../printing';
import { logoImage, officeSettings, officeToday } from '../settings';

export type BookFormat = 'html' | 'docx' | 'pdf' | 'xlsx';

/** "2025-03-05" -> "05-03-2025": a register's date cell, narrow enough never to wrap. */
export const cellDate = (d: string | null | undefined) => (d && isIsoDate(d) ? `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}` : '-');
export const dash = (s: string | null | undefined) => (s == null || s.trim() === '' ? '-' : s);

/** One column of a book: how it prints, and how (if at all) it goes into the .xlsx. */
export interface BookColumn<T> {
  readonly label: string;
  /** Percent of the printed text width (the "No." column takes `Book.noWidth`). */
  readonly width: number;
  readonly nowrap?: boolean;
  readonly print: (row: T) => string;
  /** The spreadsheet cell; `null` leaves the column out of the sheet (a column signed by hand). Default: the printed text. */
  readonly sheet?: ((row: T) => string | number | null) | null;
  readonly kind?: ExportKind;
  readonly sheetWidth?: number;
  /** Only in the sheet (a date printed in another column, kept as a real date cell). */
  readonly sheetOnly?: boolean;
}

export interface Book<T> {
  /** The file's name, e.g. "register-klien". */
  readonly file: string;
  readonly title: readonly string[];
  /** The .xlsx heading's title line. */
  readonly sheetTitle: string;
  /** The filter in words ("Label: value"), null for a filter not set: printed as fields and in the sheet's heading. */
  readonly filter: readonly (string | null)[];
  /** Label/value lines printed after the filter (a client's identity on the card, an activity's particulars). */
  readonly fields?: readonly { readonly label: string; readonly value: string }[];
  readonly paragraphs?: readonly string[];
  readonly orientation: 'portrait' | 'landscape';
  readonly noWidth?: number;
  readonly columns: readonly BookColumn<T>[];
  readonly rows: readonly T[];
  readonly empty: string;
  readonly headings?: readonly { readonly before: number; readonly label: string }[];
  readonly struck?: readonly number[];
  readonly rowMm?: number;
  readonly photos?: { readonly heading: string; readonly items: readonly DocumentPhoto[] };
  /** Who signs; the head of the office unless said otherwise. */
  readonly signatory?: Signatory;
  readonly footerNote: string;
  /** What the audit entry names: the kind of record and which one ('*' for a list). */
  readonly audit: { readonly entity: string; readonly entityId: string; readonly filter: unknown; readonly nikMasked?: boolean };
}

/** The head of the office, signing where an office signs its books. */
export function headSignatory(ctx: AppContext): Signatory {
  const office = officeSettings(ctx)!;
  return {
    role: office.headPosition || `Kepala ${office.name}`,
    organisation: '',
    name: office.headName || '……………………………',
    nip: office.headNip,
    position: '',
    materai: false,
  };
}

/** "Label: value" parts as printed fields. */
const fieldsOf = (filter: readonly (string | null)[]) =>
  filter
    .filter((p): p is string => p !== null && p !== '')
    .map((p) => {
      const at = p.indexOf(': ');
      return at < 0 ? { label: 'Keterangan', value: p } : { label: p.slice(0, at), value: p.slice(at + 2) };
    });

/** A book as the list layout of the document engine: kop, title, its filter, the table, place and date, the signature. */
export function bookModel<T>(ctx: AppContext, book: Book<T>, paper: Paper): DocumentModel {
  const office = officeSettings(ctx)!;
  const logo = logoImage(ctx);
  return {
    paper,
    orientation: book.orientation,
    layout: 'list',
    logo: logo && { mime: logo.mime, base64: logo.base64, width: logo.width, height: logo.height },
    ...kopOf(office),
    title: book.title,
    numbers: [],
    dateLine: formatPlaceDate(office.city, officeToday(ctx)),
    paragraphs: book.paragraphs ?? [],
    fields: [...fieldsOf(book.filter), ...(book.fields ?? [])],
    table: {
      columns: [
        { label: 'No.', width: book.noWidth ?? 5 },
        ...book.columns.filter((c) => !c.sheetOnly).map((c) => ({ label: c.label, width: c.width, nowrap: c.nowrap ?? false })),
      ],
      rows: book.rows.map((r, i) => [String(i + 1), ...book.columns.filter((c) => !c.sheetOnly).map((c) => c.print(r))]),
      empty: book.empty,
      ...(book.headings?.length ? { headings: book.headings } : {}),
      ...(book.struck?.length ? { struck: book.struck } : {}),
      ...(book.rowMm ? { rowMm: book.rowMm } : {}),
    },
    ...(book.photos ? { photos: book.photos } : {}),
    sections: [],
    closing: [],
    signatures: [book.signatory ?? headSignatory(ctx)],
    footerNote: book.footerNote,
  };
}

/**
 * A book printed or exported: the document (HTML, DOCX, PDF) through the same engine as the PKS,
 * or the .xlsx of the same rows with the heading block. A book is a list reprinted whenever its
 * records change, so it is not registered with a verification code (as the Pokmas list is not);
 * but names leave the app with it, so every print and export is on record like the other exports.
 */
export async function deliverBook<T>(ctx: AppContext, actor: Actor, book: Book<T>, paper: Paper, format: BookFormat): Promise<ExportFile> {
  if (format === 'pdf' && !ctx.printPdf) throw new AppError('UNAVAILABLE', 'documents.pdfUnavailable');
  let file: ExportFile;
  if (format === 'xlsx') {
    const columns: ExportColumn<T, null>[] = book.columns
      .filter((c) => c.sheet !== null)
      .map((c) => ({ header: c.label, width: c.sheetWidth ?? 18, value: c.sheet ?? c.print, ...(c.kind ? { kind: c.kind } : {}) }));
    const heading = exportHeading(ctx, actor, book.sheetTitle, [...book.filter, ...(book.fields ?? []).map((f) => `${f.label}: ${f.value}`)]);
    file = await exportTable('xlsx', book.file, officeToday(ctx), columns, book.rows, null, { heading });
  } else {
    file = await renderFile(ctx, bookModel(ctx, book, paper), `${book.file}-${paper}`, format, book.rows.length);
  }
  ctx.db.tx(() =>
    recordChange(ctx, actor, {
      action: 'export',
      entity: book.audit.entity,
      entityId: book.audit.entityId,
      after: { book: book.file, format, paper, rows: book.rows.length, filter: book.audit.filter, ...(book.audit.nikMasked ? { nikMasked: true } : {}) },
      sync: false,
    }),
  );
  return file;
}

/** Refused before any work when the office is not set up (the kop and the signatory come from its settings). */
export function requireOffice(ctx: AppContext): void {
  if (!officeSettings(ctx)) throw new AppError('SETUP_REQUIRED', 'setup.required');
}
