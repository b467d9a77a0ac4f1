import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignKeys, tableColumns } from '../../db/repositories/syncRows';
import { verificationCode } from '../../electron/services/documents/verification';
import { ROW_RULES } from '../../electron/services/bundles/rowRules';
import { aggregateByRoot, BUNDLE_TABLES } from '../../electron/services/bundles/tables';
import type { OpenedBundle } from '../../electron/services/bundles/format';
import { dumpDb } from '../support/dump';
import { PARTNER } from '../support/app';
import { agreementWith, CLIENT } from '../support/fixtures';
import { pairedOffices, type Pair } from '../support/offices';
import { fullBundle, jsonl, linesOf, listing, openAt, postWithEverything, resign, type BundleLine } from '../support/rebundle';

/**
 * What is inside a well-signed bundle is checked as strictly as an officer's input: values, the
 * way the lines are written, and where the rows point. A refused bundle changes nothing.
 */
let p: Pair;
let opened: OpenedBundle;
let good: Buffer;
let own: { partner: string; client: string; agreement: string; admin: string };

beforeAll(async () => {
  p = await pairedOffices();
  await postWithEverything(p.post, p.postAdmin);
  good = await fullBundle(p.post, p.postAdmin);
  opened = await openAt(p.parent, good);
  // The parent's own records, which a post's rows must never point at.
  const partner = await p.parent.call('partners.create', { ...PARTNER, name: 'Mitra Induk' }, p.parentAdmin);
  const client = await p.parent.call('clients.create', { data: { ...CLIENT, registerNumber: 'PB-900/2025' }, statusDate: '2025-01-15' }, p.parentAdmin);
  const agreement = await p.parent.call('agreements.create', agreementWith(partner.id), p.parentAdmin);
  own = { partner: partner.id, client: client.id, agreement: agreement.id, admin: (await p.parent.call('auth.me', {}, p.parentAdmin)).user.id };
}, 60_000);
afterAll(() => p.dispose());

/** Inspects and tries to apply `bytes` at the parent; returns the refusal, after checking nothing changed. */
async function refusal(bytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-rows-'));
  const file = join(dir, 'paket.mlpaket');
  writeFileSync(file, bytes);
  const before = dumpDb(p.parent.db);
  const files = listing(p.parent.ctx.filesDir);
  const [seen] = await p.parent.call('bundles.inspect', { paths: [file] }, p.parentAdmin);
  const tried = await p.parent.dispatch({ method: 'bundles.apply', input: { paths: [file], accept: [seen!.sha256!] }, token: p.parentAdmin });
  expect(tried.ok).toBe(false);
  if (!tried.ok) expect(tried.error.message).toBe(seen!.error?.key);
  expect(dumpDb(p.parent.db)).toBe(before);
  expect(listing(p.parent.ctx.filesDir)).toEqual(files);
  rmSync(dir, { recursive: true, force: true });
  expect(seen!.status).toBe('refused');
  return seen!.error;
}

/** The bundle with one table's first line changed by `edit`. */
const withFirst = (table: string, edit: (l: BundleLine) => void) => {
  const lines = linesOf(opened.entries, table);
  edit(lines[0]!);
  return resign(p.post, p.parent, opened, { [table]: jsonl(lines) });
};
const set = (table: string, patch: Record<string, unknown>) => withFirst(table, (l) => Object.assign(l.row, patch));
const bad = (table: string, field: string, line = 1) => ({ key: 'bundles.badValue', params: { table, line, field } });
const foreign = (table: string, field: string, line = 1) => ({ key: 'bundles.foreignReference', params: { table, line, field } });

describe('the rows of a bundle', () => {
  it('have a rule for every column of every bundle table, and every reference points into a bundle table', () => {
    for (const table of BUNDLE_TABLES) {
      expect(Object.keys(ROW_RULES[table]?.columns ?? {}).sort(), table).toEqual(
        tableColumns(p.parent.db, table)
          .map((c) => c.name)
          .sort(),
      );
      for (const fk of foreignKeys(p.parent.db, table)) expect(aggregateByRoot.has(fk.table), `${table}.${fk.column}`).toBe(true);
    }
    for (const table of BUNDLE_TABLES) expect(linesOf(opened.entries, table).length, table).toBeGreaterThan(0);
  });

  it('refuse impossible dates, garbage dates and wrongly shaped JSON, naming table, line and field', async () => {
    expect(await refusal(await set('agreements', { start_date: '0000-00-00', end_date: '9999-99-99' }))).toEqual(bad('agreements', 'start_date'));
    expect(await refusal(await set('agreements', { end_date: '2025-02-30' }))).toEqual(bad('agreements', 'end_date'));
    expect(await refusal(await set('clients', { last_checkin: 'garbage' }))).toEqual(bad('clients', 'last_checkin'));
    expect(await refusal(await set('clients', { supervision_start: 'x', supervision_end: 'y' }))).toEqual(bad('clients', 'supervision_start'));
    expect(await refusal(await set('clients', { supervision_end: '2024-01-01' }))).toEqual(bad('clients', 'supervision_end'));
    expect(await refusal(await set('agreements', { office_signatory: '{"name":1}' }))).toEqual(bad('agreements', 'office_signatory'));
    expect(await refusal(await set('agreements', { partner_signatory: 'null' }))).toEqual(bad('agreements', 'partner_signatory'));
    expect(await refusal(await set('agreements', { articles: '[{"heading":"Pasal 1"}]' }))).toEqual(bad('agreements', 'articles'));
    expect(await refusal(await set('agreements', { legal_bases: '"UU 22/2022"' }))).toEqual(bad('agreements', 'legal_bases'));
    expect(await refusal(await set('activities', { officers: '{"id":1}' }))).toEqual(bad('activities', 'officers'));
    expect(await refusal(await set('partners', { bidang: '["kemandirian_kepribadian","olahraga"]' }))).toEqual(bad('partners', 'bidang'));
  });

  it('refuse bad enums, numbers out of range, overlong text, forged derived columns and a forged verification code', async () => {
    expect(await refusal(await set('clients', { status: 'bebas' }))).toEqual(bad('clients', 'status'));
    expect(await refusal(await set('users', { role: 'superadmin' }))).toEqual(bad('users', 'role'));
    expect(await refusal(await set('work_hours', { hours: 40 }))).toEqual(bad('work_hours', 'hours'));
    expect(await refusal(await set('activity_participants', { attended: 2 }))).toEqual(bad('activity_participants', 'attended'));
    expect(await refusal(await set('partners', { notes: 'x'.repeat(4001) }))).toEqual(bad('partners', 'notes'));
    expect(await refusal(await set('partners', { search_text: 'kata lain' }))).toEqual(bad('partners', 'search_text'));
    expect(await refusal(await set('printed_documents', { code: 'AAAAA-AAAAA' }))).toEqual(bad('printed_documents', 'code'));
    // A printed report's number is the key its verification reads back: anything else is refused.
    expect(await refusal(await set('printed_documents', { kind: 'laporan', number: 'November 2026' }))).toEqual(bad('printed_documents', 'number'));
    expect(await refusal(await set('printed_documents', { kind: 'laporan', number: 'month/2026/13 own' }))).toEqual(bad('printed_documents', 'number'));
    expect(await refusal(await set('users', { password_hash: 'scrypt$x' }))).toEqual(bad('users', 'password_hash'));
  });

  it('refuse a kept report whose figures were altered, are not the app’s own JSON, or whose period is not whole', async () => {
    const [kept] = linesOf(opened.entries, 'report_versions');
    const figures = JSON.parse(String(kept!.row.figures)) as { code: string; value: number | null }[];
    const altered = JSON.stringify(figures.map((f) => (f.code === 'klien_baru' ? { ...f, value: 99 } : f)));
    // Altered figures with the hash of the original: the hash is the figures' own.
    expect(await refusal(await set('report_versions', { figures: altered }))).toEqual(bad('report_versions', 'figures_sha256'));
    const rehashed = (text: string) => ({ figures: text, figures_sha256: createHash('sha256').update(text).digest('hex') });
    // Parsed strictly, even with a matching hash: the same figures spelled with spaces, an unknown field, an unbounded list.
    expect(await refusal(await set('report_versions', rehashed(JSON.stringify(figures, null, 1))))).toEqual(bad('report_versions', 'figures'));
    expect(await refusal(await set('report_versions', rehashed(JSON.stringify(figures.map((f) => ({ ...f, extra: 1 }))))))).toEqual(
      bad('report_versions', 'figures'),
    );
    expect(
      await refusal(await set('report_versions', rehashed(JSON.stringify(Array.from({ length: 301 }, (_, i) => ({ ...figures[0]!, code: `x${i}` })))))),
    ).toEqual(bad('report_versions', 'figures'));
    expect(await refusal(await set('report_versions', { period_to: '2025-03-30' }))).toEqual(bad('report_versions', 'period_to'));
  });

  it('are read strictly: a number in a text column, a key named twice and bytes that are not UTF-8 are refused', async () => {
    expect(await refusal(await set('partners', { notes: 5 }))).toEqual(bad('partners', 'notes'));
    expect(await refusal(await set('partners', { capacity: '5' }))).toEqual(bad('partners', 'capacity'));
    expect(await refusal(await set('partners', { capacity: 2.5 }))).toEqual(bad('partners', 'capacity'));
    const [first, ...rest] = jsonl(linesOf(opened.entries, 'partners')).split('\n');
    const twice = first!.replace('"name":', '"name":"Mitra Palsu","name":');
    expect(await refusal(await resign(p.post, p.parent, opened, { partners: [twice, ...rest].join('\n') }))).toEqual({
      key: 'bundles.duplicateKey',
      params: { table: 'partners', line: 1 },
    });
    const text = Buffer.from(jsonl(linesOf(opened.entries, 'partners')));
    const at = text.indexOf('Pondok');
    const broken = Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at)]);
    expect(await refusal(await resign(p.post, p.parent, opened, { partners: broken }))).toEqual({ key: 'bundles.badText', params: { table: 'partners' } });
  });

  it('may point only at the sending post’s own records', async () => {
    expect(await refusal(await set('referrals', { client_id: own.client }))).toEqual(foreign('referrals', 'client_id'));
    expect(await refusal(await set('activity_participants', { client_id: own.client }))).toEqual(foreign('activity_participants', 'client_id'));
    expect(await refusal(await set('pokmas_members', { partner_id: own.partner }))).toEqual(foreign('pokmas_members', 'partner_id'));
    expect(await refusal(await set('agreements', { previous_id: own.agreement }))).toEqual(foreign('agreements', 'previous_id'));
    expect(await refusal(await set('activities', { officers: JSON.stringify([own.admin]) }))).toEqual(foreign('activities', 'officers'));
    expect(await refusal(await set('clients', { pk_user_id: own.admin }))).toEqual(foreign('clients', 'pk_user_id'));
    // A verification code for the parent's agreement, made exactly as the app makes codes: still refused.
    const forged = await withFirst('printed_documents', (l) => {
      l.row.entity_id = own.agreement;
      l.row.code = verificationCode(String(l.row.id), String(l.row.content_sha256));
    });
    expect(await refusal(forged)).toEqual(foreign('printed_documents', 'entity_id'));
  });

  it('leave no attachment behind when the database refuses the bundle, and store them when it is accepted', async () => {
    // Two active clients with one register number: every row keeps its rules, the database's unique index refuses the second.
    const clients = linesOf(opened.entries, 'clients');
    const twin = { ...clients[0]!, row: { ...clients[0]!.row, id: '01958e2a-0000-7000-8000-0000000000c2', status: 'aktif', deleted_at: null } };
    clients[0]!.row.status = 'aktif';
    const dir = mkdtempSync(join(tmpdir(), 'mitra-rows-'));
    writeFileSync(join(dir, 'paket.mlpaket'), await resign(p.post, p.parent, opened, { clients: jsonl([...clients, twin]) }));
    const before = dumpDb(p.parent.db);
    const [twice] = await p.parent.call('bundles.inspect', { paths: [dir] }, p.parentAdmin);
    expect(twice!.status).toBe('ok');
    expect(await p.parent.fail('bundles.apply', { paths: [dir], accept: [twice!.sha256!] }, p.parentAdmin)).toMatchObject({ message: 'bundles.inconsistent' });
    expect(dumpDb(p.parent.db)).toBe(before);
    expect(listing(p.parent.ctx.filesDir)).toEqual([]);

    writeFileSync(join(dir, 'paket.mlpaket'), good);
    const [seen] = await p.parent.call('bundles.inspect', { paths: [dir] }, p.parentAdmin);
    expect(seen).toMatchObject({ status: 'ok', error: null });
    await p.parent.call('bundles.apply', { paths: [dir], accept: [seen!.sha256!] }, p.parentAdmin);
    const shas = [...opened.entries.keys()].filter((n) => n.startsWith('files/')).map((n) => n.slice(6));
    expect(shas.length).toBeGreaterThan(0);
    expect(listing(p.parent.ctx.filesDir)).toEqual(expect.arrayContaining(shas));
  });
});
