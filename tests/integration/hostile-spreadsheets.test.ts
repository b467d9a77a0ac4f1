import ExcelJS from 'exceljs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import type { HostileCase, HostileOutcome } from '../support/hostile-import';

/**
 * Each hostile file goes to the real services in a child process with a 256 MB heap, its own empty
 * temp folder and a time limit: the file must be refused with its own reason, the process must
 * keep answering (its event loop never held for long), and nothing may appear in the temp folder.
 */
const CHILD_LIMIT_MS = 40_000;
const MAX_GAP_MS = 1_500;
const CASE_TIMEOUT_MS = 2 * CHILD_LIMIT_MS + 10_000;

let work: string;
const running = new Set<ChildProcess>();
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mitra-hostile-'));
});
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

let n = 0;
async function runChild(spec: Omit<HostileCase, 'appDir'>): Promise<HostileOutcome & { tempAfterExit: string[] }> {
  const dir = join(work, `case-${++n}`);
  const childTmp = join(dir, 'tmp');
  const appDir = join(dir, 'app');
  mkdirSync(childTmp, { recursive: true });
  mkdirSync(appDir);
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=256', '--import', 'tsx', 'tests/support/hostile-import.ts', JSON.stringify({ ...spec, appDir })],
    // tsx keeps a cache in the temp folder unless told not to; TMP/TEMP for Windows.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: childTmp, TMP: childTmp, TEMP: childTmp, TSX_DISABLE_CACHE: '1' } },
  );
  running.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | string>((resolve, reject) => {
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child did not finish within ${CHILD_LIMIT_MS} ms`));
    }, CHILD_LIMIT_MS);
    child.on('error', reject);
    child.on('exit', (c, signal) => {
      running.delete(child);
      clearTimeout(limit);
      resolve(c ?? String(signal));
    });
  });
  if (code !== 0) throw new Error(`the child failed (${code}): ${err.slice(-2000)}`);
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as HostileOutcome), tempAfterExit: readdirSync(childTmp) };
}

function expectCalmAndClean(o: HostileOutcome & { tempAfterExit: string[] }) {
  expect(o.tempSeen).toEqual([]);
  expect(o.tempAtEnd).toEqual([]);
  expect(o.tempAfterExit).toEqual([]);
  expect(o.maxGapMs).toBeLessThan(MAX_GAP_MS);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A workbook written by hand, sheet first (as ExcelJS and other tools write them), so a reader that
 * follows the zip's order would meet the sheet before the parts it needs.
 */
function handWritten(sheetXml: string | Readable, extra: [string, string][] = []): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const sheet = typeof sheetXml === 'string' ? Readable.from([Buffer.from(sheetXml)]) : sheetXml;
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', { compressionLevel: 9 });
  const parts: [string, string][] = [
    ...extra,
    [
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ['xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Klien" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
  ];
  for (const [name, text] of parts) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const sheetOf = (rows: string) => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

async function clientWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Klien');
  ws.addRow(['No. Register', 'Nama', 'Jenis Kelamin', 'Program', 'Tgl Mulai Bimbingan', 'Tgl Akhir Bimbingan', 'Alamat']);
  for (let i = 0; i < rows; i++) ws.addRow([`PB-${i}/2025`, `Klien ${i}`, 'L', 'PB', '2025-01-01', '2025-12-31', `Jl. Merdeka ${i}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function save(name: string, bytes: Buffer | string): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(name: string, bytes: Buffer | string) {
  const o = await runChild({ action: 'read', file: save(name, bytes), filename: name });
  expectCalmAndClean(o);
  return [o.phase, o.error];
}

describe('hostile spreadsheets are refused before they cost memory, time or disk', { timeout: CASE_TIMEOUT_MS }, () => {
  it('a normal workbook of 10,000 clients is read, leaving nothing in the temp folder', async () => {
    const o = await runChild({ action: 'read', file: save('normal.xlsx', await clientWorkbook(10_000)) });
    expectCalmAndClean(o);
    expect([o.phase, o.error]).toEqual(['ready', null]);
  });

  it('a read cancelled at once stops, leaving nothing in the temp folder', async () => {
    const o = await runChild({ action: 'cancel', file: save('cancel.xlsx', await clientWorkbook(30_000)) });
    expectCalmAndClean(o);
    expect(o.phase).toBe('cancelled');
  });

  it('an .xlsx whose only row is numbered 2,000,000,000', async () => {
    expect(await refusal('row.xlsx', await handWritten(sheetOf(`<row r="2000000000">${inline('A2000000000', 'x')}</row>`)))).toEqual([
      'failed',
      'imports.tooManyRows',
    ]);
  });

  it('an .xlsx with a value in the last column (XFD), and one with 16,384 columns', async () => {
    expect(await refusal('xfd.xlsx', await handWritten(sheetOf(`<row r="1">${inline('XFD1', 'x')}</row>`)))).toEqual(['failed', 'imports.tooManyColumns']);
    const wide = Array.from({ length: 16_384 }, (_, i) => `<c r="${colName(i + 1)}1"><v>${i}</v></c>`).join('');
    expect(await refusal('wide.xlsx', await handWritten(sheetOf(`<row r="1">${wide}</row>`)))).toEqual(['failed', 'imports.tooManyColumns']);
  });

  it('an .xlsx zip bomb: a sheet unpacking to 400 MB from a few hundred KB', async () => {
    const row = `<row>${inline('A1', 'bom')}</row>`;
    const total = 400 * 1024 * 1024;
    const chunk = Buffer.from(row.repeat(Math.floor((64 * 1024) / row.length)));
    const bomb = Readable.from(
      (function* () {
        yield Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`);
        for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
        yield Buffer.from('</sheetData></worksheet>');
      })(),
    );
    const bytes = await handWritten(bomb);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal('bomb.xlsx', bytes)).toEqual(['failed', 'imports.tooLargeUnpacked']);
  });

  it('an .xlsx with a 10 MB cell', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Klien').addRow(['No. Register', 'x'.repeat(10 * 1024 * 1024)]);
    expect(await refusal('cell.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).toEqual(['failed', 'imports.cellTooLong']);
  });

  it('an .xlsx repeating one long shared string in every cell', async () => {
    const strings: [string, string] = ['xl/sharedStrings.xml', `<sst xmlns="${MAIN}"><si><t>${'x'.repeat(32_000)}</t></si></sst>`];
    const rows = Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join('');
    expect(await refusal('strings.xlsx', await handWritten(sheetOf(rows), [strings]))).toEqual(['failed', 'imports.tooMuchText']);
  });

  it('a .csv of 100,000 rows of 40 one-letter cells', async () => {
    const row = `${'a,'.repeat(39)}a\n`;
    expect(await refusal('cells.csv', row.repeat(100_000))).toEqual(['failed', 'imports.tooManyCells']);
  });

  it('a .csv of 20 MB of blank lines', async () => {
    expect(await refusal('blank.csv', '\n'.repeat(20 * 1024 * 1024 - 1))).toEqual(['failed', 'imports.tooManyRows']);
  });

  it('a .csv of a million commas, and one of a single 19 MB field', async () => {
    expect(await refusal('commas.csv', `No. Register,Nama\n${','.repeat(1_000_000)}\n`)).toEqual(['failed', 'imports.tooManyColumns']);
    expect(await refusal('field.csv', `"${'x'.repeat(19 * 1024 * 1024)}"\n`)).toEqual(['failed', 'imports.cellTooLong']);
  });
});

describe('bundle files are read only when they are regular files', { timeout: CASE_TIMEOUT_MS }, () => {
  it('a FIFO named as a bundle, or found as *.mlpaket in a chosen folder, is refused at once', async () => {
    const folder = join(work, 'stick');
    mkdirSync(folder);
    const fifo = join(work, 'paket.mlpaket');
    execFileSync('mkfifo', [fifo]);
    execFileSync('mkfifo', [join(folder, 'kiriman.mlpaket')]);
    const o = await runChild({ action: 'inspect', paths: [fifo, folder] });
    expect(o.refusals).toEqual(['bundles.notRegularFile', 'bundles.notRegularFile']);
    expect(o.maxGapMs).toBeLessThan(MAX_GAP_MS);
  });
});

/** 1 → A, 16384 → XFD. */
function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
