import type { Cell } from '../../shared/imports';

/**
 * Every file an office hands over is treated as hostile: each limit below is checked while the file
 * is read, before the memory or time it would cost is spent, and each has its own refusal.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export const IMPORT_LIMITS = {
  /** Rows in a sheet, counting the title and header rows above the data. */
  rows: MAX_IMPORT_ROWS + 20,
  /** Columns that may hold a value; empty (formatted) cells further right are ignored. */
  columns: 200,
  /** Excel's own limit for one cell. */
  cellChars: 32_767,
  /** Row slots and cells kept in memory across all sheets. */
  cells: 3_000_000,
  /** Characters kept in memory across all sheets. */
  chars: 50_000_000,
  /** Reading the whole file. */
  ms: 120_000,
  /** Entries in an .xlsx zip (a workbook has a few dozen). */
  zipEntries: 2_000,
  /** What the parts of an .xlsx that are read may unpack to, together. */
  unpackedBytes: 200 * 1024 * 1024,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

export type SpreadsheetErrorKey =
  | 'imports.notSpreadsheet'
  | 'imports.unreadable'
  | 'imports.cancelled'
  | 'imports.tooManyRows'
  | 'imports.tooManyColumns'
  | 'imports.cellTooLong'
  | 'imports.tooManyCells'
  | 'imports.tooMuchText'
  | 'imports.tooSlow'
  | 'imports.tooLargeUnpacked';

export class SpreadsheetError extends Error {
  constructor(readonly key: SpreadsheetErrorKey) {
    super(key);
  }
}

/** How a read reports progress (and is stopped: `progress` throws when the officer cancelled) and tells the time. */
export interface ReadWatch {
  progress(rows: number): void;
  now(): number;
}

/** Blank rows between numbered rows share one array: a sparse sheet costs a slot per row, not an array. */
const BLANK_ROW: Cell[] = Object.freeze([]) as unknown as Cell[];

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Counts what a read keeps and the time it takes, refusing the file the moment a limit is crossed. */
export class ReadGuard {
  private cells = 0;
  private chars = 0;
  private rowsRead = 0;
  private readonly deadline: number;

  constructor(
    private readonly watch: ReadWatch,
    readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {
    this.deadline = watch.now() + limits.ms;
  }

  /** Called between chunks of input: the deadline, and the officer's cancel. */
  tick(): void {
    if (this.watch.now() > this.deadline) throw new SpreadsheetError('imports.tooSlow');
    this.watch.progress(this.rowsRead);
  }

  /** Puts a cell's value at `col` (0-based) of `row`, if it has one. */
  cell(row: Cell[], col: number, value: Cell): void {
    if (value === null) return;
    if (col >= this.limits.columns) throw new SpreadsheetError('imports.tooManyColumns');
    if (typeof value === 'string') {
      if (value.length > this.limits.cellChars) throw new SpreadsheetError('imports.cellTooLong');
      this.chars += value.length;
      if (this.chars > this.limits.chars) throw new SpreadsheetError('imports.tooMuchText');
    }
    row[col] = value;
  }

  /**
   * Adds row `number` (1-based, as the file numbers it; NaN when it does not) to `rows`. Blank rows
   * before it are kept blank so row numbers match Excel's; a number past the limit is refused
   * before any of them is made.
   */
  async push(rows: Cell[][], number: number, row: Cell[]): Promise<void> {
    const n = Number.isSafeInteger(number) && number > rows.length ? number : rows.length + 1;
    if (n > this.limits.rows) throw new SpreadsheetError('imports.tooManyRows');
    this.cells += n - rows.length - 1 + Math.max(1, row.length);
    if (this.cells > this.limits.cells) throw new SpreadsheetError('imports.tooManyCells');
    while (rows.length < n - 1) rows.push(BLANK_ROW);
    // Gaps left by empty cells read as null, like the cells the file left out.
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    rows.push(row);
    if (++this.rowsRead % 500 === 0) {
      this.tick();
      await yieldNow();
    }
  }

  get rows(): number {
    return this.rowsRead;
  }
}
