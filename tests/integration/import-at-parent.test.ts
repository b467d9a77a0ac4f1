import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportStatus } from '../../shared/types';
import { CLIENT } from '../support/fixtures';
import { pairedOffices, type Pair } from '../support/offices';

let p: Pair;
beforeEach(async () => {
  p = await pairedOffices();
});
afterEach(() => p.dispose());

const HEADERS = ['No. Register', 'Nama', 'NIK', 'Jenis Kelamin', 'Program', 'Tgl Mulai Bimbingan', 'Tgl Akhir Bimbingan'];

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Klien');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Opens, checks and (when every row passed) commits a spreadsheet at the parent, through the import service. */
async function importAtParent(bytes: Buffer) {
  const { parent, parentAdmin: token } = p;
  const settle = async (jobId: string): Promise<ImportStatus> => {
    for (;;) {
      const s = await parent.call('imports.status', { jobId }, token);
      if (s.phase !== 'reading' && s.phase !== 'checking') return s;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const { jobId } = await parent.call('imports.open', { filename: 'klien-induk.xlsx', base64: bytes.toString('base64') }, token);
  await settle(jobId);
  const cols = await parent.call('imports.columns', { jobId, sheet: 0 }, token);
  await parent.call('imports.check', { jobId, sheet: 0, headerRow: cols.headerRow, mapping: cols.mapping }, token);
  const checked = await settle(jobId);
  const rows = (await parent.call('imports.rows', { jobId }, token)).rows;
  const committed = checked.counts?.error === 0 ? await parent.call('imports.commit', { jobId }, token) : null;
  return { checked, rows, committed };
}

/** The post's client PB-001/2025 at the parent, with its NIK when `withNik`. */
async function postClientAtParent(withNik: boolean) {
  const client = await p.post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, p.postAdmin);
  if (withNik) {
    const settings = await p.post.call('settings.get', {}, p.postAdmin);
    await p.post.call('settings.update', { security: { ...settings.security, bundlesIncludeNik: true } }, p.postAdmin);
  }
  const folder = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder }, p.postAdmin);
  const seen = await p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);
  await p.parent.call('bundles.apply', { paths: [folder], accept: seen.map((s) => s.sha256!) }, p.parentAdmin);
  rmSync(folder, { recursive: true, force: true });
  return p.parent.call('clients.get', { id: client.id }, p.parentAdmin);
}

const clientsAtParent = () =>
  p.parent.db.raw.prepare('SELECT origin, register_number AS register, name, nik FROM clients ORDER BY origin, register_number').all() as {
    origin: string;
    register: string;
    name: string;
    nik: string | null;
  }[];

const ROW = (register: string, name: string, nik: string) => [register, name, nik, 'L', 'PB', '15/01/2025', '14/01/2026'];

describe('a spreadsheet import at a Bapas induk', () => {
  it('matches only the parent’s own clients: a post’s register number is a new client of the parent, the post’s client is left as it was', async () => {
    const post = await postClientAtParent(false);
    await p.parent.call(
      'clients.create',
      { data: { ...CLIENT, registerNumber: 'PB-004/2025', name: 'Rudi', nik: '' }, statusDate: '2025-01-15' },
      p.parentAdmin,
    );
    const { checked, rows } = await importAtParent(
      await workbook([ROW('PB-001/2025', 'Budi Santoso Bin Ahmad', CLIENT.nik), ROW('PB-004/2025', 'Rudi Hartono', '1702091208920003')]),
    );
    expect(rows.map((r) => [r.registerNumber, r.action, r.errors])).toEqual([
      ['PB-001/2025', 'new', []],
      ['PB-004/2025', 'update', []],
    ]);
    expect(checked.phase).toBe('checked');
    expect(clientsAtParent()).toEqual([
      { origin: 'BKL', register: 'PB-001/2025', name: 'Budi Santoso Bin Ahmad', nik: CLIENT.nik },
      { origin: 'BKL', register: 'PB-004/2025', name: 'Rudi Hartono', nik: '1702091208920003' },
      { origin: 'CRP', register: 'PB-001/2025', name: CLIENT.name, nik: null },
    ]);
    expect((await p.parent.call('clients.get', { id: post.id }, p.parentAdmin)).updatedAt).toBe(post.updatedAt);
  });

  it('does not count a NIK held by a post’s active client as taken at the parent', async () => {
    await postClientAtParent(true);
    expect(clientsAtParent()).toEqual([{ origin: 'CRP', register: 'PB-001/2025', name: CLIENT.name, nik: CLIENT.nik }]);
    const check = await p.parent.call('clients.checkNik', { nik: CLIENT.nik, excludeId: null, sex: 'L', birthDate: CLIENT.birthDate }, p.parentAdmin);
    expect(check.takenBy).toBeNull();
    const { rows, committed } = await importAtParent(
      await workbook([ROW('BKL-001/2025', 'Budi Santoso', CLIENT.nik), ROW('PB-001/2025', 'Budi S.', CLIENT.nik)]),
    );
    // Two rows of the same file naming one NIK are still one too many, whoever else holds it.
    expect(rows.map((r) => [r.registerNumber, r.action, r.errors.map((e) => e.key)])).toEqual([
      ['BKL-001/2025', 'new', []],
      ['PB-001/2025', 'error', ['imports.duplicateNikInFile']],
    ]);
    expect(committed).toBeNull();
    const alone = await importAtParent(await workbook([ROW('PB-001/2025', 'Budi S.', CLIENT.nik)]));
    expect(alone.rows.map((r) => [r.action, r.errors])).toEqual([['new', []]]);
    expect(alone.committed?.phase).toBe('committed');
    expect(clientsAtParent()).toEqual([
      { origin: 'BKL', register: 'PB-001/2025', name: 'Budi S.', nik: CLIENT.nik },
      { origin: 'CRP', register: 'PB-001/2025', name: CLIENT.name, nik: CLIENT.nik },
    ]);
  });
});
