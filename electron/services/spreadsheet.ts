import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { Cell } from '../../shared/imports';

/** Every file an office hands over is treated as hostile: size, type by content, and rows are bounded. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
const MAX_COLUMNS = 200;

export type SheetKind = 'xlsx' | 'csv';
export interface Sheet {
  readonly name: string;
  readonly rows: Cell[][];
}

export class SpreadsheetError extends Error {
  constructor(readonly key: 'imports.notSpreadsheet' | 'imports.tooManyRows' | 'imports.unreadable' | 'imports.cancelled') {
    super(key);
  }
}

/** .xlsx is a zip (PK\x03\x04); anything else must be text to be read as CSV. Legacy .xls and binary files are refused. */
export function sniffSpreadsheet(bytes: Uint8Array): SheetKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const head = bytes.subarray(0, 4096);
  // OLE2 (.xls, .doc) and anything with NUL bytes is not a CSV.
  if (head[0] === 0xd0 && head[1] === 0xcf) return null;
  if (head.includes(0)) return null;
  return 'csv';
}

/** A cell as text, number or date, whatever ExcelJS made of it (rich text, formulas, links). */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in o) return cellOf(o.result);
    if (Array.isArray(o.richText)) return cellOf(o.richText.map((r) => r.text).join(''));
    if ('text' in o) return cellOf(o.text);
  }
  return null;
}

/** Gives the event loop a turn, so the app keeps answering while a large file is read. */
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/**
 * Reads every sheet, row by row, yielding as it goes. `onRow` reports progress and may throw to
 * stop (cancel); more than MAX_IMPORT_ROWS rows in a sheet stops with a clear error.
 */
export async function readSpreadsheet(bytes: Buffer, kind: SheetKind, onRow: (count: number) => void): Promise<Sheet[]> {
  try {
    return kind === 'xlsx' ? await readXlsx(bytes, onRow) : [{ name: 'CSV', rows: await readCsv(bytes, onRow) }];
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw new SpreadsheetError('imports.unreadable');
  }
}

async function readXlsx(bytes: Buffer, onRow: (count: number) => void): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: Sheet[] = [];
  let count = 0;
  for await (const ws of reader) {
    const rows: Cell[][] = [];
    for await (const row of ws) {
      if (rows.length >= MAX_IMPORT_ROWS + 20) throw new SpreadsheetError('imports.tooManyRows');
      const values = (row.values as unknown[]).slice(1, MAX_COLUMNS + 1).map(cellOf);
      // Rows come numbered; blank rows in between are kept as blank so row numbers match Excel's.
      while (rows.length < row.number - 1) rows.push([]);
      rows.push(values);
      if (++count % 500 === 0) {
        onRow(count);
        await yieldNow();
      }
    }
    sheets.push({ name: (ws as unknown as { name?: string }).name ?? `Sheet ${sheets.length + 1}`, rows });
  }
  onRow(count);
  return sheets;
}

/** UTF-8 (with or without BOM); failing that, Windows-1252, which older Excel writes. Separator , or ; detected. */
async function readCsv(bytes: Buffer, onRow: (count: number) => void): Promise<Cell[][]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = Readable.from([text]).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: 1_000_000 }));
  const rows: Cell[][] = [];
  for await (const record of parser as AsyncIterable<string[]>) {
    if (rows.length >= MAX_IMPORT_ROWS + 20) throw new SpreadsheetError('imports.tooManyRows');
    rows.push(record.slice(0, MAX_COLUMNS).map((v) => (v.trim() === '' ? null : v)));
    if (rows.length % 500 === 0) {
      onRow(rows.length);
      await yieldNow();
    }
  }
  onRow(rows.length);
  return rows;
}
