import BetterSqlite3, { type Database } from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/services/app';
import { signedAuditHead, verifyAuditHead } from '../../electron/services/auditAnchor';
import { entryHash } from '../../electron/services/auditChain';
import { officeKeys } from '../../electron/services/keys';
import type { AuditRow } from '../../db/repositories/audit';
import { makeApp, PARTNER, SETUP, setUpOffice, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = makeApp();
  admin = await setUpOffice(app);
  // setup, login and five partners: entries 1 to 7.
  for (let i = 0; i < 5; i++) await app.call('partners.create', { ...PARTNER, name: `Mitra ${i}` }, admin);
});
afterEach(() => app.dispose());

const ANCHOR = () => join(app.dir, 'audit-head.json');
const verifyLog = () => app.call('audit.verify', {}, admin);

/** Closes the app, lets `tamper` edit the database file as someone with the file alone would, and starts the app again. */
async function tamperOffline(tamper: (raw: Database) => void): Promise<void> {
  const dir = app.dir;
  app.close();
  const raw = new BetterSqlite3(join(dir, DB_FILE));
  tamper(raw);
  raw.close();
  app = makeApp(app.clock.now, { dir });
  admin = (await app.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
}

/** The settings head rewritten to the log's last entry, as a careful forger would. */
function rewriteSettingsHead(raw: Database): void {
  const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  if (last) raw.prepare(`UPDATE settings SET value = ? WHERE key = 'audit_head'`).run(JSON.stringify({ seq: last.seq, hash: last.hash }));
  else raw.prepare(`DELETE FROM settings WHERE key = 'audit_head'`).run();
  raw.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(last?.seq ?? 0);
}

describe('the signed audit head', () => {
  it('keeps a normal log intact across writes and restarts, in an owner-only file', async () => {
    expect(await verifyLog()).toEqual({ ok: true, checked: 7, firstBadSeq: null, problem: null });
    await app.call('partners.create', { ...PARTNER, name: 'Mitra Baru' }, admin);
    await tamperOffline(() => undefined);
    expect(await verifyLog()).toEqual({ ok: true, checked: 9, firstBadSeq: null, problem: null });
    const anchored = JSON.parse(readFileSync(ANCHOR(), 'utf8')) as { seq: number };
    expect(anchored.seq).toBe(9);
    if (process.platform !== 'win32') expect(statSync(ANCHOR()).mode & 0o777).toBe(0o600);
  });

  it('detects the newest entries cut off when the head in settings was rewritten along with them', async () => {
    await tamperOffline((raw) => {
      raw.prepare('DELETE FROM audit_log WHERE seq >= 6').run();
      rewriteSettingsHead(raw);
    });
    expect(await verifyLog()).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('detects an emptied log, never "intact, 0 checked"', async () => {
    // While the app runs, another program empties the log and its head.
    const other = new BetterSqlite3(join(app.dir, DB_FILE));
    other.prepare('DELETE FROM audit_log').run();
    rewriteSettingsHead(other);
    other.close();
    app.db.memo.clear(); // the cached settings, as at the next start
    expect(await verifyLog()).toMatchObject({ ok: false, checked: 0, firstBadSeq: 1, problem: 'truncated' });
    // Emptied while the app was closed: the first sign-in after starts a new chain, which is not the signed one.
    await tamperOffline((raw) => {
      raw.prepare('DELETE FROM audit_log').run();
      rewriteSettingsHead(raw);
    });
    expect(await verifyLog()).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('detects a chain rebuilt from an edited entry, with the settings head to match', async () => {
    await tamperOffline((raw) => {
      const row = raw.prepare('SELECT * FROM audit_log WHERE seq = 7').get() as AuditRow;
      const forged = { ...row, after: row.after!.replace('Mitra 4', 'Mitra Palsu') };
      forged.hash = entryHash(forged);
      raw.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE seq = 7').run(forged.after, forged.hash);
      rewriteSettingsHead(raw);
    });
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: 7, problem: 'edited' });
  });

  it('detects an edited, replaced or removed anchor file, and later writes do not paper over it', async () => {
    const good = readFileSync(ANCHOR(), 'utf8');
    const anchored = JSON.parse(good) as { seq: number };
    writeFileSync(ANCHOR(), JSON.stringify({ ...anchored, seq: anchored.seq - 2 }));
    expect(await verifyLog()).toMatchObject({ ok: false, problem: 'anchorTampered' });
    await app.call('partners.create', { ...PARTNER, name: 'Mitra Sesudah' }, admin);
    expect(await verifyLog()).toMatchObject({ ok: false, problem: 'anchorTampered' });
    writeFileSync(ANCHOR(), 'bukan json');
    expect(await verifyLog()).toMatchObject({ ok: false, problem: 'anchorTampered' });
    rmSync(ANCHOR());
    expect(await verifyLog()).toMatchObject({ ok: false, problem: 'anchorMissing' });
    await app.call('partners.create', { ...PARTNER, name: 'Mitra Lagi' }, admin);
    expect(await verifyLog()).toMatchObject({ ok: false, problem: 'anchorMissing' });
  });

  it('is signed with the office key, for another office to check', async () => {
    const head = signedAuditHead(app.ctx);
    expect(head).toMatchObject({ seq: 7, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const publicKey = officeKeys(app.ctx).signing.publicRaw;
    expect(verifyAuditHead(head, publicKey)).toBe(true);
    expect(verifyAuditHead({ ...head, seq: 6 }, publicKey)).toBe(false);
    expect(verifyAuditHead({ ...head, extra: 1 }, publicKey)).toBe(false);
    expect(verifyAuditHead(head, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });
});
