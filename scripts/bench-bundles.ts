/**
 * Part three of `npm run bench`: bundles on the large seed (a ten-year post). A full export, its
 * import at a fresh Bapas induk (preview, then apply), and an incremental export of a month of
 * work, each against a floor taken in the same run: the same rows read with plain SQL, written as
 * JSON Lines and zipped, with no signing, no encryption and nothing else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import yazl from 'yazl';
import { createAppCore, type AppCore } from '../electron/services/app';
import { compressionFor } from '../electron/services/bundles/format';
import { BUNDLE_TABLES } from '../electron/services/bundles/tables';
import { SETUP } from '../tests/support/fixtures';
import { PARENT_SETUP } from '../tests/support/offices';
import { verdict } from './bench-util';
import { seed } from './seed';
import { MANUAL } from './bench-util';

const work = mkdtempSync(join(tmpdir(), 'mitra-bench-bundles-'));
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function caller(core: AppCore) {
  const login = await core.dispatch({ method: 'auth.login', input: { username: 'admin', password: SETUP.admin.password }, token: null });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.value as { token: string }).token;
  return async (method: string, input: unknown) => {
    const r = await core.dispatch({ method, input, token });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as never;
  };
}

/** The floor: rows as plain SQL gives them, one JSON line each, zipped. */
async function floor(select: (table: string) => unknown[]): Promise<{ ms: number; bytes: number; rows: number }> {
  const t = performance.now();
  const zip = new yazl.ZipFile();
  let rows = 0;
  for (const table of BUNDLE_TABLES) {
    const all = select(table);
    if (!all.length) continue;
    rows += all.length;
    // Zipped as a bundle zips its data (same deflate level), so the ratio shows what the rest costs.
    zip.addBuffer(Buffer.from(all.map((r) => JSON.stringify(r)).join('\n') + '\n'), `data/${table}.jsonl`, {
      compressionLevel: compressionFor(`data/${table}.jsonl`),
    });
  }
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.outputStream
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', resolve)
      .on('error', reject);
    zip.end();
  });
  return { ms: performance.now() - t, bytes: Buffer.concat(chunks).length, rows };
}

const t0 = performance.now();
const post = await seed(join(work, 'post'), 'large');
console.log(`\nBundles: large seed built in ${secs(performance.now() - t0)}`);
const parent = createAppCore(join(work, 'parent'), MANUAL);
try {
  await parent.dispatch({ method: 'setup.complete', input: PARENT_SETUP, token: null });
  const atPost = await caller(post);
  const atParent = await caller(parent);
  const pair = async (from: typeof atPost, to: typeof atPost) => {
    const card = (await from('keys.card', {})) as { base64: string };
    const own = (await from('keys.own', {})) as { fingerprint: string };
    await to('keys.register', { base64: card.base64, fingerprint: own.fingerprint });
  };
  await pair(atPost, atParent);
  await pair(atParent, atPost);
  const raw = post.db.raw;
  const rowCount = BUNDLE_TABLES.reduce((s, t) => s + (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0);

  // Full export.
  const fullFloor = await floor((t) => raw.prepare(`SELECT * FROM ${t}`).all());
  const stick = mkdtempSync(join(work, 'usb-'));
  const e0 = performance.now();
  const full = (await atPost('bundles.export', { mode: 'full', folder: stick })) as { filenames: string[]; size: number };
  const exportMs = performance.now() - e0;
  console.log(
    `Full export: ${rowCount.toLocaleString('en')} rows, ${(full.size / 1024 / 1024).toFixed(1)} MB sealed: ${secs(exportMs)}; floor (SQL + JSON Lines + zip) ${secs(fullFloor.ms)}, ratio ${(exportMs / fullFloor.ms).toFixed(2)}x`,
  );

  // Import at the parent: the preview (a dry run of the whole apply, rolled back), then the apply.
  const paths = [join(stick, full.filenames[0]!)];
  const i0 = performance.now();
  const seen = (await atParent('bundles.inspect', { paths })) as { sha256: string; status: string }[];
  const previewMs = performance.now() - i0;
  if (seen[0]!.status !== 'ok') throw new Error(`bundle refused: ${JSON.stringify(seen[0])}`);
  const a0 = performance.now();
  await atParent('bundles.apply', { paths, accept: [seen[0]!.sha256] });
  const applyMs = performance.now() - a0;
  const importMs = previewMs + applyMs;
  // A second floor for the import: the same rows with plain prepared INSERTs in one transaction
  // into a fresh database of the same schema, with the same page cache as the apply (what writing
  // them costs at the least).
  const bare = createAppCore(join(work, 'bare'), MANUAL);
  bare.db.raw.pragma('cache_size = -131072');
  const byTable = BUNDLE_TABLES.map((t) => [t, raw.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]] as const);
  const w0 = performance.now();
  bare.db.raw.transaction(() => {
    for (const [t, rows] of byTable) {
      if (!rows.length) continue;
      const cols = Object.keys(rows[0]!);
      const insert = bare.db.raw.prepare(`INSERT OR IGNORE INTO ${t} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
      for (const r of rows) insert.run(cols.map((c) => r[c]));
    }
  })();
  const insertFloorMs = performance.now() - w0;
  bare.close();
  console.log(
    `Import at the parent: ${secs(importMs)} = preview ${secs(previewMs)} (decrypt, verify, parse, classify) + apply ${secs(applyMs)} (re-read and compare the file, write in one transaction); ratio to the floor ${(importMs / fullFloor.ms).toFixed(2)}x; bare inserts of the same rows ${secs(insertFloorMs)}, apply ratio ${(applyMs / insertFloorMs).toFixed(2)}x`,
  );
  const receipt = (await atParent('bundles.receipt', { officeCode: SETUP.office.code })) as { base64: string };
  await atPost('bundles.readReceipt', { base64: receipt.base64 });

  // A month of work at the post, through the services: check-ins, client and partner edits.
  const clients = raw.prepare(`SELECT id FROM clients WHERE status = 'aktif' AND reporting != 'tidak' LIMIT 400`).all() as { id: string }[];
  const today = new Date().toISOString().slice(0, 10);
  for (const c of clients) await atPost('checkins.record', { clientId: c.id, date: today, kind: 'hadir' });
  const partners = raw.prepare(`SELECT id FROM partners WHERE deleted_at IS NULL LIMIT 30`).all() as { id: string }[];
  for (const p of partners) await atPost('partners.archive', { id: p.id });
  const changed = raw.prepare('SELECT count(DISTINCT entity_id) AS n FROM change_log WHERE seq > (SELECT max(change_to) FROM bundle_exports)').get() as {
    n: number;
  };
  const incFloor = await floor((t) => {
    const key = t === 'service_types' ? 'code' : 'id';
    const cols = (raw.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name);
    if (!cols.includes(key)) return [];
    return raw.prepare(`SELECT * FROM ${t} WHERE ${key} IN (SELECT entity_id FROM change_log WHERE seq > (SELECT max(change_to) FROM bundle_exports))`).all();
  });
  const stick2 = mkdtempSync(join(work, 'usb-'));
  const n0 = performance.now();
  const inc = (await atPost('bundles.export', { mode: 'incremental', folder: stick2 })) as { size: number };
  const incMs = performance.now() - n0;
  console.log(
    `Incremental export of a month (${changed.n} records changed): ${incMs.toFixed(0)} ms, ${(inc.size / 1024).toFixed(0)} KB; floor ${incFloor.ms.toFixed(0)} ms, ratio ${(incMs / incFloor.ms).toFixed(2)}x`,
  );
  // The same month received at the parent: the check (with the list of what it replaces) and the apply.
  const incPaths = [stick2];
  const r0 = performance.now();
  const incSeen = (await atParent('bundles.inspect', { paths: incPaths })) as { sha256: string; status: string; replacedTotal?: number }[];
  const incPreviewMs = performance.now() - r0;
  if (incSeen[0]!.status !== 'ok') throw new Error(`bundle refused: ${JSON.stringify(incSeen[0])}`);
  const r1 = performance.now();
  await atParent('bundles.apply', { paths: incPaths, accept: [incSeen[0]!.sha256] });
  const incApplyMs = performance.now() - r1;
  console.log(
    `Incremental import of the month: ${(incPreviewMs + incApplyMs).toFixed(0)} ms = preview ${incPreviewMs.toFixed(0)} ms + apply ${incApplyMs.toFixed(0)} ms${incSeen[0]!.replacedTotal === undefined ? '' : ` (${incSeen[0]!.replacedTotal} records replaced)`}`,
  );
  verdict('full export under 5 s', exportMs < 5000, secs(exportMs));
  verdict('import under 10 s (preview and apply)', importMs < 10_000, secs(importMs));
  verdict('incremental export of a month under 500 ms', incMs < 500, `${incMs.toFixed(0)} ms`);
} finally {
  post.close();
  parent.close();
  rmSync(work, { recursive: true, force: true });
}
