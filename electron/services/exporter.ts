import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportFile } from '../../shared/types';

export interface ExportColumn<T, X> {
  readonly header: string;
  readonly width: number;
  readonly value: (row: T, extra: X) => string | number | null;
}

/**
 * A spreadsheet program runs a cell that starts with = + - @ as a formula, which lets a crafted
 * partner name run commands on the recipient's PC. Such text is prefixed with an apostrophe.
 */
export function neutraliseFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** Writes rows to .xlsx (typed cells, frozen header, filter) or .csv (UTF-8 with BOM for Excel). */
export async function exportTable<T, X>(
  format: 'xlsx' | 'csv',
  baseName: string,
  date: string,
  columns: readonly ExportColumn<T, X>[],
  rows: readonly T[],
  extra: X,
): Promise<ExportFile> {
  const values = rows.map((r) => columns.map((c) => c.value(r, extra)));
  const filename = `${baseName}-${date}.${format}`;
  if (format === 'csv') {
    const text = stringify([columns.map((c) => c.header), ...values.map((v) => v.map((x) => (typeof x === 'string' ? neutraliseFormula(x) : x)))], {
      cast: { number: (n) => String(n) },
    });
    return { filename, mime: 'text/csv', base64: Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64'), rows: rows.length };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mitra Lipas';
  wb.created = new Date(`${date}T00:00:00Z`);
  const ws = wb.addWorksheet(baseName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // Strings are written as text cells, never as formulas, so no neutralising is needed here.
  for (const v of values) ws.addRow(v.map((x) => (x === null ? '' : x)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows: rows.length };
}
