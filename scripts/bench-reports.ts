/**
 * Part five of `npm run bench`: the reports (Laporan) on the large seed (10,000 clients, 30,000
 * referrals, 50,000 activities, 300,000 check-ins), through the service layer (the dispatch the
 * renderer's calls reach):
 * - the monthly report, every section and indicator (`reports.compute` of last month);
 * - the year report with its monthly table, computed as the printed year report does
 *   (`reports.compute` of the year, then of each of its twelve months, then the annex rows);
 * - the monthly report's PDF (`reports.document`), only where a Chromium exists;
 * - at a Bapas induk holding three posts' large seeds (built as bench-posts.ts builds it), the
 *   consolidated monthly report (scope: every office).
 * Each report beside a floor measured in the same run: a representative subset of the same
 * aggregates written as plain SQL on better-sqlite3 (see `floorOf`). The floor does not compute
 * phases, outcomes, miss streaks or the due dates of wajib lapor (those need the office calendar),
 * so the ratio overstates the service's overhead; it shows what the bare reads cost.
 */
import type { Database } from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppCore, DB_FILE } from '../electron/services/app';
import { monthlyRows } from '../electron/services/reportDocument';
import { chromiumPdfPrinter, HEADLESS_CHROMIUM_ARGS } from '../electron/web/chromium-pdf';
import { chromiumExecutable } from '../electron/web/chromium-path';
import type { Period } from '../shared/periods';
import type { ReportResult, ReportScope } from '../shared/reports';
import { reportWithAnnex } from '../electron/services/reportCompute';
import { PARENT_SETUP } from '../tests/support/offices';
import { caller, copyPost, POSTS } from './bench-parent';
import { header, line, measure, verdict } from './bench-util';
import { seed } from './seed';
import { MANUAL } from './bench-util';

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 20);
const MONTH_TARGET = 100;
const YEAR_TARGET = 500;
const PARENT_TARGET = 300;

/**
 * The floor: plain SQL for a representative subset of the report's aggregates over [from, to]:
 * section 1 partners by status; 2 agreements in force at the end; 3 active clients at the end by
 * programme and sex, new clients by programme, ended by reason; 4 referrals made by status and
 * clients referred; 5 activities by type and their participants; 6 check-ins by kind; 7 kerja
 * sosial hours done.
 */
function floorOf(raw: Database) {
  const q = [
    raw.prepare(`SELECT status, count(*) FROM partners WHERE deleted_at IS NULL GROUP BY status`),
    raw.prepare(`SELECT count(*) FROM agreements WHERE deleted_at IS NULL AND start_date <= @to AND end_date >= @to`),
    raw.prepare(
      `SELECT program, sex, count(*) FROM clients WHERE deleted_at IS NULL AND (status = 'aktif' OR status_date > @to)
       AND supervision_start <= @to AND supervision_end >= @to GROUP BY program, sex`,
    ),
    raw.prepare(`SELECT program, count(*) FROM clients WHERE deleted_at IS NULL AND supervision_start BETWEEN @from AND @to GROUP BY program`),
    raw.prepare(`SELECT status, count(*) FROM clients WHERE deleted_at IS NULL AND status <> 'aktif' AND status_date BETWEEN @from AND @to GROUP BY status`),
    raw.prepare(`SELECT status, count(*), count(DISTINCT client_id) FROM referrals WHERE deleted_at IS NULL AND date BETWEEN @from AND @to GROUP BY status`),
    raw.prepare(
      `SELECT a.type, count(DISTINCT a.id), count(x.client_id) FROM activities a LEFT JOIN activity_participants x ON x.activity_id = a.id
       WHERE a.deleted_at IS NULL AND a.date BETWEEN @from AND @to GROUP BY a.type`,
    ),
    raw.prepare(`SELECT kind, count(*) FROM checkins WHERE deleted_at IS NULL AND date BETWEEN @from AND @to GROUP BY kind`),
    raw.prepare(`SELECT count(*), total(hours) FROM work_hours WHERE deleted_at IS NULL AND date BETWEEN @from AND @to`),
  ];
  return (from: string, to: string) => q.map((s) => s.all({ from, to }));
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const work = mkdtempSync(join(tmpdir(), 'mitra-bench-reports-'));
const t0 = performance.now();
(await seed(join(work, 'post'), 'large')).close();
console.log(`\nReports: large seed built in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} runs each (the year: a quarter of them)`);

const today = new Date().toISOString().slice(0, 10);
const y = Number(today.slice(0, 4));
const m = Number(today.slice(5, 7));
// Last month: the report an office hands in now.
const monthPeriod = m === 1 ? { kind: 'month', year: y - 1, month: 12 } : { kind: 'month', year: y, month: m - 1 };
const mFrom = `${monthPeriod.year}-${String(monthPeriod.month).padStart(2, '0')}-01`;
const mTo = new Date(Date.UTC(monthPeriod.year, monthPeriod.month, 0)).toISOString().slice(0, 10);
const yearPeriod = { kind: 'year', year: monthPeriod.year };
const months = Array.from({ length: 12 }, (_, i) => ({ kind: 'month', year: monthPeriod.year, month: i + 1 }));
const monthRange = (i: number) => [
  `${monthPeriod.year}-${String(i + 1).padStart(2, '0')}-01`,
  new Date(Date.UTC(monthPeriod.year, i + 1, 0)).toISOString().slice(0, 10),
];
const scope = { kind: 'all' };

const chromePath = chromiumExecutable();
const browser =
  chromePath && existsSync(chromePath)
    ? await (await import('@playwright/test')).chromium.launch({ executablePath: chromePath, args: [...HEADLESS_CHROMIUM_ARGS] })
    : null;
const core = createAppCore(join(work, 'post'), { ...MANUAL, ...(browser ? { printPdf: chromiumPdfPrinter(browser) } : {}) });
try {
  const call = await caller(core);
  const floor = floorOf(core.db.raw);
  // As reports.document and reports.export compute a year report: the year and its months in one pass.
  const yearReport = () => {
    const { report, months: each } = reportWithAnnex(core.ctx, yearPeriod as Period, scope as ReportScope);
    return [report, monthlyRows(each)];
  };
  const yearFloor = () => [
    floor(`${monthPeriod.year}-01-01`, `${monthPeriod.year}-12-31`),
    ...months.map((_, i) => floor(...(monthRange(i) as [string, string]))),
  ];

  const monthF = await measure(() => floor(mFrom, mTo), RUNS);
  const monthS = await measure(() => call('reports.compute', { period: monthPeriod, scope }), RUNS);
  const yearF = await measure(yearFloor, Math.max(5, RUNS / 4));
  const yearS = await measure(async () => yearReport(), Math.max(5, RUNS / 4));
  const pdf = browser ? await measure(() => call('reports.document', { period: monthPeriod, scope, paper: 'A4', format: 'pdf' }), 10) : null;
  const figures = ((await call('reports.compute', { period: monthPeriod, scope })) as ReportResult).figures.length;

  console.log('');
  header();
  line(`monthly report (${figures} indicators)`, monthS, monthF);
  line('year report + monthly table (one pass)', yearS, yearF);
  if (pdf) console.log(`${'monthly report as PDF (Chromium, 10 runs)'.padEnd(44)} ${pdf.p50.toFixed(3).padStart(9)} ${pdf.p95.toFixed(3).padStart(9)}`);
  else console.log('monthly report as PDF: not timed, no Chromium on this machine (set CHROMIUM_PATH)');
  console.log('');
  verdict(`monthly report under ${MONTH_TARGET} ms (p95)`, monthS.p95 < MONTH_TARGET, `${ms(monthS.p95)} (${(monthS.p95 / monthF.p95).toFixed(1)}x floor)`);
  verdict(
    `year report with its monthly table under ${YEAR_TARGET} ms (p95)`,
    yearS.p95 < YEAR_TARGET,
    `${ms(yearS.p95)} (${(yearS.p95 / yearF.p95).toFixed(1)}x floor)`,
  );
} finally {
  core.close();
}

// The Bapas induk holding three posts' large seeds: the consolidated monthly report.
const parent = createAppCore(join(work, 'parent'), MANUAL);
try {
  await parent.dispatch({ method: 'setup.complete', input: PARENT_SETUP, token: null });
  const call = await caller(parent);
  const c0 = performance.now();
  POSTS.forEach((code, k) => copyPost(parent.db.raw, join(work, 'post', DB_FILE), code, `f${k}`));
  console.log(`\nBapas induk with ${POSTS.length} posts: rows copied in ${((performance.now() - c0) / 1000).toFixed(1)} s\n`);
  const floor = floorOf(parent.db.raw);
  const f = await measure(() => floor(mFrom, mTo), RUNS);
  const s = await measure(() => call('reports.compute', { period: monthPeriod, scope }), RUNS);
  // Beranda's trends: three indicators over twelve months, the total and each office's.
  const trends = { months: 12, codes: ['klien_aktif', 'rujukan_layanan', 'wl_kepatuhan'], perOffice: true };
  const offices = POSTS.length + 1;
  const tf = await measure(() => months.forEach((_, i) => Array.from({ length: offices + 1 }, () => floor(...(monthRange(i) as [string, string])))), 5);
  const ts = await measure(() => call('reports.series', { ...trends, until: { year: monthPeriod.year, month: monthPeriod.month } }), 5);
  header();
  line('consolidated monthly report, 3 posts', s, f);
  line(`Beranda trends, 12 months x ${offices + 1} lines`, ts, tf);
  console.log('');
  verdict(
    `consolidated monthly report under ${PARENT_TARGET} ms (p95) at three posts`,
    s.p95 < PARENT_TARGET,
    `${ms(s.p95)} (${(s.p95 / f.p95).toFixed(1)}x floor)`,
  );
} finally {
  parent.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
}
