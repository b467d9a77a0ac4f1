import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb } from '../support/dump';
import { pairedOffices, type Pair } from '../support/offices';
import { listing, postWithEverything } from '../support/rebundle';

/**
 * A receive that fails because of this computer (the disk full, the database read-only or held by
 * another program) says so with its own message, not "paket tidak konsisten"; nothing is written,
 * and the very same bundle goes in once the cause is put right. The failures are SQLite's own.
 */
let p: Pair;
let folder: string;
beforeAll(async () => {
  p = await pairedOffices();
  await postWithEverything(p.post, p.postAdmin);
  // Long text needs pages of its own: the parent's database must grow to take this bundle.
  const me = (await p.post.call('auth.me', {}, p.postAdmin)).user;
  for (let i = 0; i < 8; i++)
    await p.post.call(
      'activities.create',
      { date: '2025-03-01', type: 'pelatihan', title: `Penyuluhan ${i}`, description: 'Materi penyuluhan hukum. '.repeat(300), officerIds: [me.id] },
      p.postAdmin,
    );
  folder = mkdtempSync(join(p.stick, 'paket-'));
  await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder }, p.postAdmin);
}, 60_000);
afterAll(() => p.dispose());

/** Checks the bundle, then tries to receive it while `fault` is in force; returns the refusal after checking nothing changed. */
async function receiveDuring(fault: { on: () => void; off: () => void }) {
  const [seen] = await p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);
  expect(seen).toMatchObject({ status: 'ok', error: null });
  const before = dumpDb(p.parent.db);
  const files = listing(p.parent.ctx.filesDir);
  fault.on();
  let tried;
  try {
    tried = await p.parent.dispatch({ method: 'bundles.apply', input: { paths: [folder], accept: [seen!.sha256!] }, token: p.parentAdmin });
  } finally {
    fault.off();
  }
  expect(dumpDb(p.parent.db)).toBe(before);
  expect(listing(p.parent.ctx.filesDir)).toEqual(files);
  expect(tried.ok).toBe(false);
  return tried.ok ? null : tried.error;
}

describe('a receive that fails because of this computer', () => {
  it('on a full disk (SQLITE_FULL) says storage is full or cannot be written', async () => {
    const raw = p.parent.db.raw;
    const error = await receiveDuring({
      // The database may not grow by a single page: what a full disk does to SQLite.
      on: () => raw.pragma(`max_page_count = ${Number(raw.pragma('page_count', { simple: true }))}`),
      off: () => raw.pragma('max_page_count = 4294967294'),
    });
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: 'bundles.storageFailed' });
  });

  it('on a database that cannot be written (SQLITE_READONLY) says the same', async () => {
    const raw = p.parent.db.raw;
    const error = await receiveDuring({ on: () => raw.pragma('query_only = ON'), off: () => raw.pragma('query_only = OFF') });
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: 'bundles.storageFailed' });
  });

  it('while another program holds the database (SQLITE_BUSY) says it is in use', async () => {
    const raw = p.parent.db.raw;
    const other = new Database(raw.name);
    const timeout = raw.pragma('busy_timeout', { simple: true });
    const error = await receiveDuring({
      on: () => {
        raw.pragma('busy_timeout = 0');
        other.exec('BEGIN IMMEDIATE');
      },
      off: () => {
        other.exec('ROLLBACK');
        other.close();
        raw.pragma(`busy_timeout = ${Number(timeout)}`);
      },
    });
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: 'bundles.databaseBusy' });
  });

  it('takes the same bundle once the cause is put right', async () => {
    const [seen] = await p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);
    expect(await p.parent.call('bundles.apply', { paths: [folder], accept: [seen!.sha256!] }, p.parentAdmin)).toMatchObject({
      applied: [{ officeCode: 'CRP', seq: 1 }],
    });
  });
});
