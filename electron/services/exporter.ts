import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportFile } from '../../shared/types';
import { isIsoDate } from '../../shared/validate';

/**
 * What a column holds, so the file types it right: `date` takes YYYY-MM-DD and becomes a real
 * Excel date shown dd/mm/yyyy; `phone` takes +62... and is written as text the way people read it
 * (0812-3456-7890), never as a number Excel would strip the 0 from; `text` (the default) and
 * `number` as they are.
 */
export type ExportKind = 'text' | 'number' | 'date' | 'phone';

export interface ExportColumn<T, X> {
  readonly header: string;
  /** The narrowest the column is drawn (characters); wider when its values are. */
  readonly width: number;
  readonly value: (row: T, extra: X) => string | number | null;
  readonly kind?: ExportKind;
}

/** The block above the table: which office, which list, with which filter, printed when and by whom. */
export interface ExportHeading {
  /** Kop lines above the office line (a report's sheets carry the letterhead). */
  readonly letterhead?: readonly string[];
  readonly office: string;
  readonly title: string;
  /** The filter in words ("Status: Aktif; Kabupaten/Kota: Kabupaten Lebong"), or "Semua data". */
  readonly filter: string;
  /** Already formatted in the office's zone: "5 Maret 2025 10.00 WIB". */
  readonly printedAt: string;
  readonly printedBy: string;
}

export interface ExportOptions {
  readonly heading?: ExportHeading | null;
  /** CSV only: `;` (default) is what Excel set to Indonesian reads as columns; `,` for other programs. */
  readonly separator?: ';' | ',';
}

/**
 * A spreadsheet program runs a cell that starts with = + - @ as a formula, which lets a crafted
 * partner name run commands on the recipient's PC. Such text is prefixed with an apostrophe.
 */
export function neutraliseFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** +6281234567890 -> 0812-3456-7890; a landline (+6273221234) as its digits, 073221234: its area code's length is not guessed. */
export function nationalPhone(v: string): string {
  if (!/^\+62\d+$/.test(v)) return v;
  const n = `0${v.slice(3)}`;
  return n.startsWith('08') ? `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`.replace(/-$/, '') : n;
}

const NUMBER_HEADER = 'No.';
const DATE_FORMAT = 'dd/mm/yyyy';

type Cell = string | number | Date | null;

function cellOf(kind: ExportKind, v: string | number | null): Cell {
  if (v === null || v === '') return null;
  if (kind === 'date' && typeof v === 'string' && isIsoDate(v)) return new Date(`${v}T00:00:00Z`);
  if (kind === 'phone' && typeof v === 'string') return nationalPhone(v);
  return v;
}

/** CSV has no cell types: dates as dd/mm/yyyy text, formulas neutralised (a phone starts with 0, so keeps no apostrophe). */
const csvText = (c: Cell): string | number => {
  if (c === null) return '';
  if (c instanceof Date) {
    const iso = c.toISOString();
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return typeof c === 'string' ? neutraliseFormula(c) : c;
};

/** Characters a value takes on screen, for the column width. */
const lengthOf = (c: Cell) =>
  c === null
    ? 0
    : c instanceof Date
      ? 10
      : Math.max(
          ...String(c)
            .split('\n')
            .map((l) => l.length),
        );

/**
 * Writes rows to .xlsx or .csv. Every file leads with a "No." column; an .xlsx carries the heading
 * block (office, list, filter, printed at and by) above a frozen, filterable header row, real dates
 * and columns as wide as their values (within reason). A .csv is UTF-8 with a BOM, `;`-separated
 * unless asked otherwise, with the heading left out so the file stays one table.
 */
export async function exportTable<T, X>(
  format: 'xlsx' | 'csv',
  baseName: string,
  date: string,
  columns: readonly ExportColumn<T, X>[],
  rows: readonly T[],
  extra: X,
  options: ExportOptions = {},
): Promise<ExportFile> {
  const headers = [NUMBER_HEADER, ...columns.map((c) => c.header)];
  const values: Cell[][] = rows.map((r, i) => [i + 1, ...columns.map((c) => cellOf(c.kind ?? 'text', c.value(r, extra)))]);
  const filename = `${baseName}-${date}.${format}`;
  if (format === 'csv') {
    const text = stringify([headers, ...values.map((v) => v.map(csvText))], {
      delimiter: options.separator ?? ';',
      cast: { number: (n) => String(n) },
    });
    return { filename, mime: 'text/csv', base64: Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64'), rows: rows.length };
  }
  const wb = workbook(date);
  addSheet(wb, { name: baseName, columns, rows, extra, heading: options.heading ?? null });
  return xlsxFile(wb, filename, rows.length);
}

/** One sheet of a workbook with several (a report's sections). */
export interface SheetSpec<T, X> {
  readonly name: string;
  readonly columns: readonly ExportColumn<T, X>[];
  readonly rows: readonly T[];
  readonly extra: X;
  readonly heading: ExportHeading | null;
  /** The "No." cell of a row; by default 1, 2, 3…; null leaves it empty (a breakdown under its figure). */
  readonly number?: (row: T, index: number) => number | null;
}

/** An .xlsx of several sheets, each laid out as `exportTable` lays out its one. */
export async function exportSheets<T, X>(baseName: string, date: string, sheets: readonly SheetSpec<T, X>[]): Promise<ExportFile> {
  const wb = workbook(date);
  for (const sheet of sheets) addSheet(wb, sheet);
  return xlsxFile(
    wb,
    `${baseName}-${date}.xlsx`,
    sheets.reduce((n, s) => n + s.rows.length, 0),
  );
}

function workbook(date: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mitra Lipas';
  wb.created = new Date(`${date}T00:00:00Z`);
  return wb;
}

async function xlsxFile(wb: ExcelJS.Workbook, filename: string, rows: number): Promise<ExportFile> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows };
}

/** Sheet names: at most 31 characters, none of : \\ / ? * [ ]. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

function addSheet<T, X>(wb: ExcelJS.Workbook, spec: SheetSpec<T, X>): void {
  const { columns, rows, extra, heading } = spec;
  const kinds: ExportKind[] = ['number', ...columns.map((c) => c.kind ?? 'text')];
  const headers = [NUMBER_HEADER, ...columns.map((c) => c.header)];
  const values: Cell[][] = rows.map((r, i) => [spec.number ? spec.number(r, i) : i + 1, ...columns.map((c) => cellOf(c.kind ?? 'text', c.value(r, extra)))]);
  const headingLines = heading
    ? [...(heading.letterhead ?? []), heading.office, heading.title, `Filter: ${heading.filter}`, `Dicetak ${heading.printedAt} oleh ${heading.printedBy}`]
    : [];
  // One blank row between the heading and the table, so Excel's own filter sees only the table.
  const headerRow = heading ? headingLines.length + 2 : 1;
  const ws = wb.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: headerRow }] });
  headingLines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    const at = i - (heading?.letterhead?.length ?? 0);
    cell.font = at < 0 ? { bold: true } : at < 2 ? { bold: true, size: at === 1 ? 14 : 12 } : { italic: true };
  });
  const header = ws.getRow(headerRow);
  header.values = headers;
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
    c.border = { bottom: { style: 'thin' } };
  });
  // Strings are written as text cells, never as formulas, so no neutralising is needed here.
  for (const v of values) ws.addRow(v);
  kinds.forEach((kind, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(headers[i]!.length, ...values.map((v) => lengthOf(v[i] ?? null)));
    // As wide as the longest value, never narrower than the header nor wider than the column's own cap.
    const cap = i === 0 ? 8 : Math.max(columns[i - 1]!.width, 12);
    col.width = Math.min(cap, Math.max(5, longest + 2));
    if (kind === 'date') col.numFmt = DATE_FORMAT;
    // Phones stay text when someone edits the cell, so Excel never turns 0812... into 812....
    if (kind === 'phone') col.numFmt = '@';
    if (longest + 2 > cap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: headers.length } };
}
