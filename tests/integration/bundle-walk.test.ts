import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../db/repositories/syncRows';
import { AGGREGATES, BUNDLE_TABLES, TABLE_OWNER } from '../../electron/services/bundles/tables';
import { securitySettings } from '../../electron/services/settings';
import { PARTNER, signInAs, type TestApp } from '../support/app';
import { agreementWith, CLIENT } from '../support/fixtures';
import { pairedOffices, type Pair } from '../support/offices';
import { PDF, postWithEverything } from '../support/rebundle';

/**
 * Every table a bundle carries (the list is the bundle code's own, so a table added there is walked
 * here too): a record inserted through the services, and then one changed through them, reaches the
 * parent in the next incremental bundle, and the parent's row is the post's row as it arrives.
 */
let p: Pair;
beforeAll(async () => {
  p = await pairedOffices();
}, 60_000);
afterAll(() => p.dispose());

/** The post's rows of `table` (roots by origin, children by their root's origin), keyed and sorted. */
function rowsOf(app: TestApp, table: string): Row[] {
  const a = TABLE_OWNER.get(table)!;
  const sql =
    a.root === table
      ? `SELECT * FROM ${table} WHERE origin = 'CRP'`
      : `SELECT c.* FROM ${table} c JOIN ${a.root} r ON r.${a.key} = c.${a.children.find((c) => c.table === table)!.fk} WHERE r.origin = 'CRP'`;
  return (app.db.raw.prepare(sql).all() as Row[]).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

/** What the parent should hold of the post's row: the bundle's own rules for leaving and arriving (tables.ts). */
function asArriving(table: string, row: Row): Row {
  const a = AGGREGATES.find((g) => g.root === table);
  if (!a) return row;
  let out: Row = a.outgoing?.(row, { includeNik: securitySettings(p.post.ctx).bundlesIncludeNik }) ?? row;
  out = Object.fromEntries(Object.entries(out).filter(([k]) => !(a.omit ?? []).includes(k)));
  return a.arriving ? a.arriving.row(out, 'CRP') : out;
}

const snapshot = (app: TestApp) => new Map(BUNDLE_TABLES.map((t) => [t, JSON.stringify(rowsOf(app, t))]));

/** One incremental bundle from the post, received at the parent, and the parent's receipt read back at the post. */
async function sendIncremental() {
  const folder = mkdtempSync(join(p.stick, 'inc-'));
  await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder }, p.postAdmin);
  const seen = await p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);
  expect(seen.map((s) => [s.status, s.error])).toEqual([['ok', null]]);
  await p.parent.call('bundles.apply', { paths: [folder], accept: [seen[0]!.sha256!] }, p.parentAdmin);
  const receipt = await p.parent.call('bundles.receipt', { officeCode: 'CRP' }, p.parentAdmin);
  await p.post.call('bundles.readReceipt', { base64: receipt.base64 }, p.postAdmin);
}

/** Every bundle table changed at the post since `before`, and the parent holding exactly the post's rows after one incremental bundle. */
async function expectEveryTableReaches(before: Map<string, string> | null) {
  const after = snapshot(p.post);
  // A table this walk leaves alone proves nothing: a new bundle table needs its step here.
  if (before)
    expect(
      BUNDLE_TABLES.filter((t) => after.get(t) === before.get(t)),
      'bundle tables the walk did not change',
    ).toEqual([]);
  await sendIncremental();
  for (const table of BUNDLE_TABLES) {
    const expected = rowsOf(p.post, table)
      .map((r) => asArriving(table, r))
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(rowsOf(p.parent, table), table).toEqual(expected);
  }
}

const minute = (app: TestApp) => (app.clock.now = new Date(app.clock.now.getTime() + 60_000));

describe('an incremental bundle carries every change to every bundle table', () => {
  it('inserts made through the services reach the parent', async () => {
    // The parent has acknowledged what the post had after setup: what follows is only in the next bundle.
    await sendIncremental();
    const before = snapshot(p.post);
    minute(p.post);
    await postWithEverything(p.post, p.postAdmin);
    await signInAs(p.post, p.postAdmin, 'petugas');
    await expectEveryTableReaches(before);
  });

  it('updates made through the services reach the parent', async () => {
    const before = snapshot(p.post);
    minute(p.post);
    minute(p.parent);
    const t = p.postAdmin;
    const me = (await p.post.call('auth.me', {}, t)).user;
    await p.post.call('users.update', { id: me.id, name: me.name, nip: me.nip, position: 'Kepala Pos Bapas', role: 'admin' }, t);
    await p.post.call('services.create', { labelId: 'Pelatihan tata boga', labelEn: 'Catering training' }, t);
    await p.post.call('institutionTypes.create', { labelId: 'Rumah singgah', labelEn: 'Halfway house' }, t);
    const partners = (await p.post.call('partners.list', {}, t)).rows;
    const partner = await p.post.call('partners.get', { id: partners.find((r) => r.name !== 'Bengkel Las Maju')!.id }, t);
    await p.post.call('partners.setStatus', { id: partner.id, status: 'nonaktif', date: '2025-03-05', note: 'Tutup sementara' }, t);
    const group = (await p.post.call('pokmas.list', {}, t))[0]!;
    await p.post.call(
      'pokmas.update',
      { id: group.id, expectedUpdatedAt: group.updatedAt, data: { name: 'Pokmas Curup Bersatu', bidang: 'kemandirian_kepribadian', memberIds: [partner.id] } },
      t,
    );
    const agreement = (await p.post.call('agreements.list', {}, t))[0]!;
    const renewed = await p.post.call('agreements.renew', { id: agreement.id, startDate: '2026-03-05', termMonths: 12, signDate: '2025-03-05' }, t);
    await p.post.call('agreements.uploadScan', { id: renewed.id, filename: 'pks-2.pdf', base64: PDF.toString('base64'), signedOn: '2025-03-05' }, t);
    await p.post.call('agreements.document', { id: renewed.id, paper: 'F4', format: 'html' }, t);
    const first = (await p.post.call('clients.list', {}, t)).rows[0]!;
    const client = await p.post.call('clients.get', { id: first.id }, t);
    await p.post.call('clients.update', { id: client.id, expectedUpdatedAt: client.updatedAt, data: { ...CLIENT, phone: '0812-0000-1111' } }, t);
    const second = await p.post.call(
      'clients.create',
      { data: { ...CLIENT, registerNumber: 'PB-002/2025', nik: '1702091503850002' }, statusDate: '2025-01-15' },
      t,
    );
    await p.post.call('checkins.record', { clientId: second.id, date: '2025-03-01', kind: 'hadir' }, t);
    const referral = (await p.post.call('referrals.list', {}, t))[0]!;
    await p.post.call('referrals.addHours', { referralId: referral.id, date: '2025-03-05', hours: 4, signedBy: 'Ustadz Ridwan' }, t);
    const detail = await p.post.call('referrals.get', { id: referral.id }, t);
    await p.post.call(
      'referrals.setStatus',
      { id: detail.id, expectedUpdatedAt: detail.updatedAt, status: 'selesai', date: '2025-03-05', outcome: 'bimbingan_selesai' },
      t,
    );
    await p.post.call('referrals.document', { id: referral.id, paper: 'A4', format: 'html' }, t);
    const activity = (await p.post.call('activities.list', {}, t))[0]!;
    const full = await p.post.call('activities.get', { id: activity.id }, t);
    await p.post.call(
      'activities.update',
      {
        id: full.id,
        expectedUpdatedAt: full.updatedAt,
        data: {
          date: '2025-03-01',
          type: 'pelatihan',
          title: 'Pelatihan las lanjutan',
          partnerIds: partners.map((r) => r.id),
          officerIds: [me.id],
          participants: [
            { clientId: client.id, attended: false, note: 'Sakit' },
            { clientId: second.id, attended: true, note: '' },
          ],
        },
      },
      t,
    );
    await p.post.call(
      'activities.addFile',
      { activityId: full.id, filename: 'foto.pdf', base64: Buffer.concat([PDF, Buffer.from('%2\n')]).toString('base64') },
      t,
    );
    // The March report, changed by the edits above, handed in again: the correction is a new version beside the first.
    expect((await p.post.call('reports.markSent', { period: { kind: 'month', year: 2025, month: 3 } }, t)).version).toBe(2);
    await expectEveryTableReaches(before);
  });

  it('archives, restores and decisions made through the services reach the parent', async () => {
    minute(p.post);
    const t = p.postAdmin;
    const partners = (await p.post.call('partners.list', {}, t)).rows;
    await p.post.call('partners.archive', { id: partners[0]!.id }, t);
    await p.post.call('partners.restore', { id: partners[0]!.id }, t);
    await p.post.call('partners.archive', { id: partners[1]!.id }, t);
    const group = (await p.post.call('pokmas.list', {}, t))[0]!;
    await p.post.call('pokmas.archive', { id: group.id }, t);
    const agreements = await p.post.call('agreements.list', {}, t);
    await p.post.call('agreements.cancel', { id: agreements[0]!.id, date: '2025-03-05', reason: 'Mitra berhenti beroperasi' }, t);
    const petugas = (await p.post.call('users.list', {}, t)).find((u) => u.role === 'petugas')!;
    await p.post.call('users.setActive', { id: petugas.id, active: false }, t);
    const second = (await p.post.call('clients.list', {}, t)).rows.find((r) => r.registerNumber === 'PB-002/2025')!;
    await p.post.call('clients.setStatus', { id: second.id, status: 'dicabut', date: '2025-03-05', reason: 'Pembebasan bersyarat dicabut' }, t);
    await expectEveryTableReaches(null);
  });
});

describe('the verification register', () => {
  it('travels in an incremental bundle: the parent verifies a code printed after the last full export', async () => {
    const pair = await pairedOffices();
    try {
      const t = pair.postAdmin;
      const partner = await pair.post.call('partners.create', PARTNER, t);
      // Signed first: its number is given at signing and printed on the copy.
      const draft = await pair.post.call('agreements.create', agreementWith(partner.id), t);
      const agreement = await pair.post.call('agreements.sign', { id: draft.id, signedOn: '2025-03-05' }, t);
      const full = mkdtempSync(join(pair.stick, 'full-'));
      await pair.post.call('bundles.export', { mode: 'full', withFiles: true, folder: full }, t);
      const receive = async (folder: string) => {
        const seen = await pair.parent.call('bundles.inspect', { paths: [folder] }, pair.parentAdmin);
        await pair.parent.call('bundles.apply', { paths: [folder], accept: seen.map((s) => s.sha256!) }, pair.parentAdmin);
        const receipt = await pair.parent.call('bundles.receipt', { officeCode: 'CRP' }, pair.parentAdmin);
        await pair.post.call('bundles.readReceipt', { base64: receipt.base64 }, t);
      };
      await receive(full);
      const printed = await pair.post.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, t);
      expect(await pair.parent.call('documents.verify', { code: printed.code }, pair.parentAdmin)).toMatchObject({ found: false });
      const inc = mkdtempSync(join(pair.stick, 'inc-'));
      const out = await pair.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: inc }, t);
      expect(out.seq).toBe(2);
      await receive(inc);
      const atPost = await pair.post.call('documents.verify', { code: printed.code }, t);
      const atParent = await pair.parent.call('documents.verify', { code: printed.code }, pair.parentAdmin);
      expect(atParent).toMatchObject({ found: true, kind: 'pks', entityId: agreement.id, number: agreement.officeNumber, version: 1, latestVersion: 1 });
      // Genuine and the latest version; the content is compared where the letterhead it was printed on is kept.
      expect(atPost).toMatchObject({ standing: 'current', matchesCurrent: true, printedAtOffice: null });
      const { standing: _s, matchesCurrent: _m, printedAtOffice: _o, ...same } = atPost as Extract<typeof atPost, { found: true }>;
      expect(atParent).toEqual({ ...same, standing: 'elsewhere', matchesCurrent: null, printedAtOffice: 'Pos Bapas Curup' });

      // A draft waits for its number until it is signed; its printed copy (no number) travels too.
      const second = await pair.post.call('agreements.create', agreementWith(partner.id), t);
      const draftCopy = await pair.post.call('agreements.document', { id: second.id, paper: 'A4', format: 'html' }, t);
      const inc2 = mkdtempSync(join(pair.stick, 'inc2-'));
      await pair.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: inc2 }, t);
      await receive(inc2);
      expect(await pair.parent.call('documents.verify', { code: draftCopy.code }, pair.parentAdmin)).toMatchObject({
        found: true,
        entityId: second.id,
        number: '',
        standing: 'elsewhere',
      });
    } finally {
      pair.dispose();
    }
  });
});
