/**
 * Part two of `npm run bench`: the client side on a ten-year office (the large seed: 10,000
 * clients, 30,000 referrals, 50,000 activities, 200,000 attendance rows, 300,000 check-ins), each
 * figure against the same SQL run directly on better-sqlite3 in the same run, and a 10,000-row
 * .xlsx import timed from opening the file to the committed report.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SETUP } from '../tests/support/fixtures';
import { header, line, measure, verdict } from './bench-util';
import { seed } from './seed';

const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-clients-'));
const t0 = performance.now();
const core = await seed(dir, 'large');
console.log(`\nClients: large seed built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
try {
  const call = async (method: string, input: unknown) => {
    const r = await core.dispatch({ method, input, token });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as never;
  };
  const login = await core.dispatch({ method: 'auth.login', input: { username: 'admin', password: SETUP.admin.password }, token: null });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.value as { token: string }).token;
  const raw = core.db.raw;
  const runs = 500;

  // Search by part of a name, and by part of a NIK (the kecamatan and birth digits).
  const searchSql = raw.prepare(
    `SELECT c.*, u.name AS pk_name FROM clients c LEFT JOIN users u ON u.id = c.pk_user_id WHERE c.deleted_at IS NULL AND c.search_text LIKE ? ESCAPE '\\' ORDER BY c.name_key LIMIT 50`,
  );
  const searchFloor = await measure(() => searchSql.all('%santoso%'), runs);
  const searchName = await measure(() => call('clients.list', { q: 'santoso' }), runs);
  const nikFloor = await measure(() => searchSql.all('%170209%'), runs);
  const searchNik = await measure(() => call('clients.list', { q: '170209' }), runs);

  // A list page: active parole clients by end of supervision.
  const pageSql = raw.prepare(
    `SELECT c.*, u.name AS pk_name FROM clients c LEFT JOIN users u ON u.id = c.pk_user_id WHERE c.deleted_at IS NULL AND c.status = 'aktif' AND c.program = 'pb' ORDER BY c.supervision_end, c.name_key, c.id LIMIT 50`,
  );
  const pageFloor = await measure(() => pageSql.all(), runs);
  const page = await measure(() => call('clients.list', { status: 'aktif', program: 'pb', sort: 'supervisionEnd', limit: 50 }), runs);
  const partnerId = (raw.prepare(`SELECT partner_id FROM referrals GROUP BY partner_id ORDER BY count(*) DESC LIMIT 1`).get() as { partner_id: string })
    .partner_id;
  const refSql = raw.prepare(
    `SELECT r.*, c.name, p.name FROM referrals r JOIN clients c ON c.id = r.client_id JOIN partners p ON p.id = r.partner_id WHERE r.partner_id = ? ORDER BY r.date DESC LIMIT 50`,
  );
  const refFloor = await measure(() => refSql.all(partnerId), runs);
  const refPage = await measure(() => call('referrals.list', { partnerId, limit: 50 }), runs);
  const month = new Date().toISOString().slice(0, 7);
  const actSql = raw.prepare(`SELECT * FROM activities WHERE deleted_at IS NULL AND date >= ? AND date <= ? ORDER BY date DESC LIMIT 50`);
  const actFloor = await measure(() => actSql.all(`${month}-01`, `${month}-31`), runs);
  const actPage = await measure(() => call('activities.list', { month, limit: 50 }), runs);

  // The timeline of the client with the most history.
  const busy = (raw.prepare(`SELECT client_id FROM activity_participants GROUP BY client_id ORDER BY count(*) DESC LIMIT 1`).get() as { client_id: string })
    .client_id;
  const tl = [
    raw.prepare(`SELECT * FROM clients WHERE id = ?`),
    raw.prepare(`SELECT * FROM client_status_changes WHERE client_id = ?`),
    raw.prepare(`SELECT * FROM referral_status_changes s JOIN referrals r ON r.id = s.referral_id WHERE r.client_id = ?`),
    raw.prepare(`SELECT * FROM checkins WHERE client_id = ?`),
    raw.prepare(`SELECT * FROM activity_participants x JOIN activities a ON a.id = x.activity_id WHERE x.client_id = ?`),
  ];
  const timelineFloor = await measure(() => tl.forEach((s) => s.all(busy)), runs);
  const timeline = await measure(() => call('clients.get', { id: busy }), runs);

  // The overdue list, from every active client with a reporting duty.
  const overdueSql = raw.prepare(
    `SELECT id, name, register_number, supervision_start, supervision_end, reporting, last_checkin FROM clients WHERE status = 'aktif' AND reporting != 'tidak' AND deleted_at IS NULL`,
  );
  const overdueFloor = await measure(() => overdueSql.all(), 200);
  const overdue = await measure(() => call('checkins.overdue', {}), 200);
  const overdueCount = ((await call('checkins.overdue', {})) as unknown[]).length;

  console.log(
    `${(raw.prepare(`SELECT count(*) n FROM clients WHERE status = 'aktif'`).get() as { n: number }).n} active clients, ${overdueCount} overdue; ${runs} runs each\n`,
  );
  header();
  line('raw floor: search LIKE on name', searchFloor, searchFloor);
  line('clients.list, partial name', searchName, searchFloor);
  line('raw floor: search LIKE on NIK digits', nikFloor, nikFloor);
  line('clients.list, partial NIK', searchNik, nikFloor);
  line('raw floor: clients page (filter + sort)', pageFloor, pageFloor);
  line('clients.list page', page, pageFloor);
  line('raw floor: referrals of a partner', refFloor, refFloor);
  line('referrals.list page', refPage, refFloor);
  line('raw floor: activities of a month', actFloor, actFloor);
  line('activities.list page', actPage, actFloor);
  line('raw floor: timeline queries', timelineFloor, timelineFloor);
  line('clients.get with timeline (audited view)', timeline, timelineFloor);
  line('raw floor: active clients with reporting', overdueFloor, overdueFloor);
  line('checkins.overdue', overdue, overdueFloor);
  console.log('');
  verdict('client search by partial name under 20 ms (p95)', searchName.p95 < 20, `${searchName.p95.toFixed(2)} ms`);
  verdict('client search by partial NIK under 20 ms (p95)', searchNik.p95 < 20, `${searchNik.p95.toFixed(2)} ms`);
  const worstPage = Math.max(page.p95, refPage.p95, actPage.p95);
  verdict('list pages (50 rows, filtered, sorted) under 20 ms (p95)', worstPage < 20, `${worstPage.toFixed(2)} ms worst`);
  verdict('client timeline under 30 ms (p95)', timeline.p95 < 30, `${timeline.p95.toFixed(2)} ms`);
  verdict('overdue list under 50 ms (p95)', overdue.p95 < 50, `${overdue.p95.toFixed(2)} ms`);

  // A 10,000-row spreadsheet, from opening the file to the committed report.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Klien');
  ws.addRow(['No. Register', 'Nama', 'NIK', 'Tempat/Tgl Lahir', 'Jenis Kelamin', 'Program', 'Tgl Mulai Bimbingan', 'Tgl Akhir Bimbingan']);
  for (let i = 0; i < 10_000; i++) {
    ws.addRow([
      `IMP-${i}/2026`,
      `Klien Impor ${i}`,
      `170209${String((i % 28) + 1).padStart(2, '0')}0590${String((i % 9999) + 1).padStart(4, '0')}`,
      'Curup, 5 Maret 1990',
      'L',
      'PB',
      '5 Januari 2026',
      '4 Januari 2027',
    ]);
  }
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const rawInsert =
    raw.prepare(`INSERT INTO clients (id, register_number, name, name_key, search_text, sex, program, supervision_start, supervision_end, reporting_from, reporting, status, status_date, created_at, updated_at, origin)
    VALUES (?, ?, ?, ?, ?, 'L', 'pb', '2026-01-05', '2027-01-04', '2026-01-05', 'bulanan', 'aktif', '2026-01-05', 'x', 'x', 'X')`);
  const f0 = performance.now();
  raw.transaction(() => {
    for (let i = 0; i < 10_000; i++) rawInsert.run(`floor-${i}`, `FLOOR-${i}`, `Floor ${i}`, `floor ${i}`, `floor ${i}`);
  })();
  const floorMs = performance.now() - f0;
  raw.prepare(`DELETE FROM clients WHERE id LIKE 'floor-%'`).run();
  const i0 = performance.now();
  const opened = (await call('imports.open', { filename: 'bench.xlsx', base64: xlsx.toString('base64') })) as { jobId: string };
  const settle = async () => {
    for (;;) {
      const s = (await call('imports.status', { jobId: opened.jobId })) as { phase: string };
      if (s.phase !== 'reading' && s.phase !== 'checking') return s;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await settle();
  const cols = (await call('imports.columns', { jobId: opened.jobId, sheet: 0 })) as { headerRow: number; mapping: object };
  await call('imports.check', { jobId: opened.jobId, sheet: 0, headerRow: cols.headerRow, mapping: cols.mapping });
  const checked = (await settle()) as unknown as { counts: { new: number; error: number } };
  const c0 = performance.now();
  await call('imports.commit', { jobId: opened.jobId });
  const importMs = performance.now() - i0;
  console.log(
    `\nImport of a 10,000-row .xlsx: ${(importMs / 1000).toFixed(2)} s from opening to committed (commit ${((performance.now() - c0) / 1000).toFixed(2)} s; ${checked.counts.new} new, ${checked.counts.error} refused); raw floor (10,000 bare inserts in one transaction) ${floorMs.toFixed(0)} ms, ratio ${(importMs / floorMs).toFixed(0)}x`,
  );
  verdict('import of 10,000 rows under 10 s', importMs < 10_000, `${(importMs / 1000).toFixed(2)} s`);
} finally {
  core.close();
  rmSync(dir, { recursive: true, force: true });
}
