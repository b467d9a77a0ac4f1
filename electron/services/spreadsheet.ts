import { readCsv } from './csv-reader';
import { ReadGuard, SpreadsheetError, type ImportLimits, type ReadWatch } from './sheet-limits';
import { readXlsx, type Sheet } from './xlsx-reader';

export { IMPORT_LIMITS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, SpreadsheetError, type ReadWatch } from './sheet-limits';
export type { Sheet } from './xlsx-reader';

export type SheetKind = 'xlsx' | 'csv';

/** .xlsx is a zip (PK\x03\x04); anything else must be text to be read as CSV. Legacy .xls and binary files are refused. */
export function sniffSpreadsheet(bytes: Uint8Array): SheetKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const head = bytes.subarray(0, 4096);
  // OLE2 (.xls, .doc) and anything with NUL bytes is not a CSV.
  if (head[0] === 0xd0 && head[1] === 0xcf) return null;
  if (head.includes(0)) return null;
  return 'csv';
}

/**
 * Reads every sheet, row by row, yielding as it goes. `watch.progress` reports rows read and may
 * throw to stop (cancel); every limit (sheet-limits.ts) stops the read with its own refusal the
 * moment it is crossed.
 */
export async function readSpreadsheet(bytes: Buffer, kind: SheetKind, watch: ReadWatch, limits?: ImportLimits): Promise<Sheet[]> {
  const guard = new ReadGuard(watch, limits);
  try {
    return kind === 'xlsx' ? await readXlsx(bytes, guard) : [{ name: 'CSV', rows: await readCsv(bytes, guard) }];
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw new SpreadsheetError('imports.unreadable');
  }
}
