import { parse } from 'csv-parse';
import { isUtf8 } from 'node:buffer';
import { pipeline, Readable } from 'node:stream';
import type { Cell } from '../../shared/imports';
import { SpreadsheetError, type ReadGuard } from './sheet-limits';

/** Text is handed to the parser a slice at a time, so no single step can hold the main thread for long. */
const CHUNK_BYTES = 16 * 1024;
/** Fields a record may have at all; values past `limits.columns` are refused, empty ones ignored up to here. */
const MAX_FIELDS = 1_000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts records, fields and field length in the text before the parser sees it, so a file of
 * blank lines, a million commas or one endless field is refused after the first slice past the
 * limit, not after the parser has built it. A quote toggles "inside a quoted field" (a doubled
 * quote toggles twice), which is all CSV's structure needs.
 */
class CsvScanner {
  private quoted = false;
  private afterCr = false;
  private fields = 1;
  private fieldLength = 0;
  private records = 1;

  constructor(
    private readonly delimiter: number,
    private readonly guard: ReadGuard,
  ) {}

  scan(text: string): void {
    const { rows, cellChars } = this.guard.limits;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      const afterCr = this.afterCr;
      this.afterCr = false;
      if (ch === QUOTE) this.quoted = !this.quoted;
      else if (!this.quoted && ch === this.delimiter) {
        if (++this.fields > MAX_FIELDS) throw new SpreadsheetError('imports.tooManyColumns');
        this.fieldLength = 0;
        continue;
      } else if (!this.quoted && (ch === CR || ch === LF)) {
        this.afterCr = ch === CR;
        // CRLF is one line end; a lone CR or LF is one too.
        if (ch === LF && afterCr) continue;
        if (++this.records > rows) throw new SpreadsheetError('imports.tooManyRows');
        this.fields = 1;
        this.fieldLength = 0;
        continue;
      }
      if (++this.fieldLength > cellChars) throw new SpreadsheetError('imports.cellTooLong');
    }
  }
}

/** `,` unless the first line has more `;` (Excel in Indonesian settings writes `;`). */
function delimiterOf(firstText: string): ';' | ',' {
  const end = firstText.search(/[\r\n]/);
  const line = end === -1 ? firstText : firstText.slice(0, end);
  return (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** UTF-8 (with or without BOM); failing that, Windows-1252, which older Excel writes. Separator , or ; detected. */
export async function readCsv(bytes: Buffer, guard: ReadGuard): Promise<Cell[][]> {
  // The decoder strips a UTF-8 BOM itself.
  const decoder = new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  const first = decoder.decode(bytes.subarray(0, CHUNK_BYTES), { stream: true });
  const delimiter = delimiterOf(first);
  const scanner = new CsvScanner(delimiter.charCodeAt(0), guard);
  function* slices(): Generator<string> {
    let text = first;
    for (let at = CHUNK_BYTES; ; at += CHUNK_BYTES) {
      guard.tick();
      scanner.scan(text);
      if (text) yield text;
      if (at >= bytes.length) break;
      text = decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
    }
    const tail = decoder.decode();
    scanner.scan(tail);
    if (tail) yield tail;
  }
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false });
  // pipeline keeps the backpressure (the next slice waits for the parser) and hands a refusal
  // thrown while slicing to the parser, where the loop below meets it.
  pipeline(Readable.from(slices(), { objectMode: false, highWaterMark: 1 }), parser, () => {});
  const rows: Cell[][] = [];
  for await (const record of parser as AsyncIterable<string[]>) {
    const row: Cell[] = [];
    for (let i = 0; i < record.length; i++) {
      const v = record[i]!;
      guard.cell(row, i, v.trim() === '' ? null : v);
    }
    await guard.push(rows, NaN, row);
  }
  guard.tick();
  return rows;
}
