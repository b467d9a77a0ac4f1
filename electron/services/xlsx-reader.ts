import ExcelJS from 'exceljs';
import { pipeline, Readable, Transform } from 'node:stream';
import yauzl from 'yauzl';
import type { Cell } from '../../shared/imports';
import { SpreadsheetError, type ReadGuard } from './sheet-limits';

export interface Sheet {
  readonly name: string;
  readonly rows: Cell[][];
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

/** The parts of ExcelJS's streaming reader used here, fed one entry at a time in the order they depend on each other. */
interface ReaderParts {
  workbookRels?: unknown;
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> & { name?: string } }>;
}

const SHEET = /^xl\/worksheets\/sheet(\d{1,4})\.xml$/;
const NEEDED = new Set(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']);

/**
 * The zip's directory, read without inflating anything: too many entries, or parts that would
 * unpack (by their own headers) past the limit, are refused here. yauzl then holds each entry to
 * the size its header gave while inflating, so a header that lies is cut off too.
 */
async function listEntries(bytes: Buffer, guard: ReadGuard): Promise<{ zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
  const entries = new Map<string, yauzl.Entry>();
  let count = 0;
  let unpacked = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (++count > guard.limits.zipEntries) return reject(new SpreadsheetError('imports.tooLargeUnpacked'));
      if (NEEDED.has(name) || SHEET.test(name)) {
        if (entries.has(name) || entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
          return reject(new SpreadsheetError('imports.unreadable'));
        }
        unpacked += entry.uncompressedSize;
        if (unpacked > guard.limits.unpackedBytes) return reject(new SpreadsheetError('imports.tooLargeUnpacked'));
        entries.set(name, entry);
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
  return { zip, entries };
}

/** An entry's inflated bytes, with the deadline and the officer's cancel checked on every chunk. */
async function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry, guard: ReadGuard): Promise<Readable> {
  const raw = await zip.openReadStreamPromise(entry);
  const watched = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        guard.tick();
        done(null, chunk);
      } catch (e) {
        done(e as Error);
      }
    },
  });
  pipeline(raw, watched, () => {});
  return watched;
}

/**
 * Reads every sheet row by row. The zip is read from memory, entry by entry, in the order the
 * parts depend on each other (relations, workbook, shared strings, styles, then the sheets), so
 * nothing is ever written to disk: ExcelJS's own reader follows the zip's order and writes a sheet
 * that comes before the shared strings (as ExcelJS itself and many tools write them) to a temp
 * file — a copy of the clients' data in a shared folder.
 */
export async function readXlsx(bytes: Buffer, guard: ReadGuard): Promise<Sheet[]> {
  const { zip, entries } = await listEntries(bytes, guard);
  try {
    const workbook = entries.get('xl/workbook.xml');
    if (!workbook) throw new SpreadsheetError('imports.unreadable');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ReaderParts;
    const open = (name: string) => entryStream(zip, entries.get(name)!, guard);
    if (entries.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(await open('xl/_rels/workbook.xml.rels'));
    else reader.workbookRels = [];
    await reader._parseWorkbook(await open('xl/workbook.xml'));
    // With sharedStrings 'cache' this yields nothing: it fills reader.sharedStrings.
    if (entries.has('xl/sharedStrings.xml')) for await (const nothing of reader._parseSharedStrings(await open('xl/sharedStrings.xml'))) void nothing;
    else reader.sharedStrings = [];
    if (entries.has('xl/styles.xml')) await reader._parseStyles(await open('xl/styles.xml'));

    const sheetNames = [...entries.keys()].filter((n) => SHEET.test(n)).sort((a, b) => Number(SHEET.exec(a)![1]) - Number(SHEET.exec(b)![1]));
    const sheets: Sheet[] = [];
    for (const name of sheetNames) {
      const sheetNo = SHEET.exec(name)![1]!;
      for (const { value: ws } of reader._parseWorksheet(await open(name), sheetNo)) {
        const rows: Cell[][] = [];
        for await (const row of ws) {
          const kept: Cell[] = [];
          // `values` is sparse, indexed by column from 1: only cells that hold something are visited.
          (row.values as unknown[]).forEach((v, col) => guard.cell(kept, col - 1, cellOf(v)));
          await guard.push(rows, row.number, kept);
        }
        sheets.push({ name: ws.name ?? `Sheet ${sheets.length + 1}`, rows });
      }
    }
    guard.tick();
    return sheets;
  } finally {
    zip.close();
  }
}
