import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Method } from '../../shared/contract';
import { SETUP } from '../support/app';
import { dumpDb } from '../support/dump';
import { agreementWith, CLIENT, PARTNER } from '../support/fixtures';
import { pairedOffices, type Pair } from '../support/offices';
import { listing, PDF, postWithEverything } from '../support/rebundle';

let p: Pair;
beforeEach(async () => {
  p = await pairedOffices();
});
afterEach(() => p.dispose());

const { statusDate: _statusDate, ...PARTNER_FIELDS } = PARTNER;

/** The post's records of every kind, brought to the parent by one bundle; a draft agreement too, for the draft-only writes. */
async function postRecordsAtParent() {
  const made = await postWithEverything(p.post, p.postAdmin);
  const draft = await p.post.call('agreements.create', { ...agreementWith(made.partner.id), number: { mode: 'manual', value: 'DRAF/CRP/1' } }, p.postAdmin);
  const [group] = await p.post.call('pokmas.list', {}, p.postAdmin);
  const folder = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder }, p.postAdmin);
  const seen = await p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);
  await p.parent.call('bundles.apply', { paths: [folder], accept: seen.map((s) => s.sha256!) }, p.parentAdmin);
  rmSync(folder, { recursive: true, force: true });
  const at = async <M extends Method>(method: M, id: string) => p.parent.call(method, { id } as never, p.parentAdmin);
  return {
    partner: await at('partners.get', made.partner.id),
    group: await at('pokmas.get', group!.id),
    agreement: await at('agreements.get', made.agreement.id),
    draft: await at('agreements.get', draft.id),
    client: await at('clients.get', made.client.id),
    referral: await at('referrals.get', made.referral.id),
    activity: await at('activities.get', made.activity.id),
  };
}

/**
 * Methods of the record registers that write nothing another office keeps: they make this
 * office's own records (whose references are checked by the walk below), read, print or export.
 * Every other restricted method of those registers must be in the walk.
 */
const NOT_A_WRITE_TO_ANOTHER_OFFICE = new Set<string>([
  'partners.create',
  'partners.duplicates',
  'partners.export',
  'pokmas.create',
  'agreements.previewNumber',
  'agreements.updateSettings',
  'agreements.document',
  'agreements.export',
  'clients.create',
  'clients.checkNik',
  'clients.export',
  'referrals.check',
  'referrals.document',
  'referrals.export',
  'referrals.suggest',
  'checkins.overdueExport',
  'activities.export',
]);
const REGISTERS = ['partners.', 'pokmas.', 'agreements.', 'clients.', 'referrals.', 'checkins.', 'activities.'];

describe('one writer per record at a Bapas induk', () => {
  it('refuses every write to a post’s record, naming the post, and changes nothing', async () => {
    const r = await postRecordsAtParent();
    // The detail pages learn whose the record is from the main process.
    for (const record of Object.values(r)) expect(record.ownedBy).toEqual({ code: 'CRP', name: 'Pos Bapas Curup' });

    const walk: Partial<Record<Method, unknown>> = {
      'partners.update': { id: r.partner.id, expectedUpdatedAt: r.partner.updatedAt, data: { ...PARTNER_FIELDS, name: 'Diubah di induk' } },
      'partners.setStatus': { id: r.partner.id, status: 'nonaktif', date: '2025-03-05' },
      'partners.archive': { id: r.partner.id },
      'partners.restore': { id: r.partner.id },
      'pokmas.update': {
        id: r.group.id,
        expectedUpdatedAt: r.group.updatedAt,
        data: { name: 'Diubah di induk', bidang: r.group.bidang, memberIds: [r.partner.id] },
      },
      'pokmas.archive': { id: r.group.id },
      'pokmas.restore': { id: r.group.id },
      // A PKS with a post's partner is the post's to draft and sign.
      'agreements.create': agreementWith(r.partner.id),
      'agreements.update': { id: r.draft.id, expectedUpdatedAt: r.draft.updatedAt, data: agreementWith(r.partner.id).data },
      'agreements.sign': { id: r.draft.id, signedOn: '2025-03-05' },
      'agreements.cancel': { id: r.agreement.id, date: '2025-03-05', reason: 'Dibatalkan di induk' },
      'agreements.renew': { id: r.agreement.id, signDate: '2026-03-05', startDate: '2026-03-05', termMonths: 12 },
      'agreements.uploadScan': { id: r.draft.id, filename: 'pks.pdf', base64: PDF.toString('base64'), signedOn: '2025-03-05' },
      'clients.update': { id: r.client.id, expectedUpdatedAt: r.client.updatedAt, data: { ...CLIENT, name: 'Diubah di induk' } },
      'clients.setStatus': { id: r.client.id, status: 'aktif', date: '2025-03-06', reason: 'Dibuka kembali di induk' },
      // What happens to a post's client is recorded at the post: no referral, check-in or attendance for it here.
      'referrals.create': { clientId: r.client.id, partnerId: r.partner.id, service: 'pelatihan_keterampilan', date: '2025-03-05' },
      'referrals.setStatus': { id: r.referral.id, expectedUpdatedAt: r.referral.updatedAt, status: 'dihentikan', date: '2025-03-05', note: 'Di induk' },
      'referrals.addHours': { referralId: r.referral.id, date: '2025-03-05', hours: 2, signedBy: 'Ustadz Ridwan' },
      'checkins.record': { clientId: r.client.id, date: '2025-03-05', kind: 'hadir' },
      'activities.create': {
        date: '2025-03-05',
        type: 'pelatihan',
        title: 'Pelatihan di induk',
        partnerIds: [],
        officerIds: [],
        participants: [{ clientId: r.client.id, attended: true, note: '' }],
      },
      'activities.update': {
        id: r.activity.id,
        expectedUpdatedAt: r.activity.updatedAt,
        data: { date: '2025-03-01', type: 'pelatihan', title: 'Diubah di induk', partnerIds: [], officerIds: [], participants: [] },
      },
      'activities.addFile': { activityId: r.activity.id, filename: 'foto.pdf', base64: PDF.toString('base64') },
    };

    // Every restricted method of the registers is either walked here or makes only this office's records.
    const restricted = (Object.keys(contract) as Method[]).filter(
      (m) => REGISTERS.some((prefix) => m.startsWith(prefix)) && contract[m].access !== 'any' && contract[m].access !== 'public',
    );
    expect(restricted.filter((m) => !(m in walk) && !NOT_A_WRITE_TO_ANOTHER_OFFICE.has(m))).toEqual([]);

    const db = dumpDb(p.parent.db);
    const files = listing(p.parent.dir);
    for (const [method, input] of Object.entries(walk)) {
      const e = await p.parent.fail(method as Method, input, p.parentAdmin);
      expect({ method, code: e.code, message: e.message, params: e.params }).toEqual({
        method,
        code: 'FORBIDDEN',
        message: 'records.otherOffice',
        params: { office: 'Pos Bapas Curup' },
      });
    }
    expect(dumpDb(p.parent.db)).toBe(db);
    expect(listing(p.parent.dir)).toEqual(files);
  });

  it('lets the parent keep its own records beside the posts’: its own client referred to a post’s partner, its own group and activity naming a post’s partner', async () => {
    const r = await postRecordsAtParent();
    const own = await p.parent.call('clients.create', { data: { ...CLIENT, registerNumber: 'BKL-001/2025' }, statusDate: '2025-01-15' }, p.parentAdmin);
    expect(own.ownedBy).toBeNull();
    // The post's partner works under the post's PKS (signed there, covering no service, so an admin sets that aside in writing).
    const { referral } = await p.parent.call(
      'referrals.create',
      { clientId: own.id, partnerId: r.partner.id, service: 'pelatihan_keterampilan', date: '2025-03-05', overrideReason: 'PKS ditandatangani di pos' },
      p.parentAdmin,
    );
    expect(referral).toMatchObject({ partnerName: PARTNER.name, agreementId: r.agreement.id, ownedBy: null });
    const group = await p.parent.call(
      'pokmas.create',
      { name: 'Pokmas Bengkulu', bidang: 'kemandirian_kepribadian', memberIds: [r.partner.id] },
      p.parentAdmin,
    );
    expect(group.members.map((m) => m.id)).toEqual([r.partner.id]);
    const activity = await p.parent.call(
      'activities.create',
      {
        date: '2025-03-05',
        type: 'pelatihan',
        title: 'Rapat mitra',
        partnerIds: [r.partner.id],
        officerIds: [],
        participants: [{ clientId: own.id, attended: true, note: '' }],
      },
      p.parentAdmin,
    );
    expect(activity.ownedBy).toBeNull();
    // The post's partner itself is untouched by any of it.
    expect((await p.parent.call('partners.get', { id: r.partner.id }, p.parentAdmin)).updatedAt).toBe(r.partner.updatedAt);
  });

  it('lists only its own clients as ended and not closed: a post closes its own', async () => {
    await postRecordsAtParent();
    // A client still open at the post, sent up, beside one of the parent's own.
    const open = await p.post.call(
      'clients.create',
      { data: { ...CLIENT, registerNumber: 'PB-009/2025', nik: '1702091503850002' }, statusDate: '2025-01-15' },
      p.postAdmin,
    );
    const folder = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
    await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder }, p.postAdmin);
    const seen = await p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);
    await p.parent.call('bundles.apply', { paths: [folder], accept: seen.map((x) => x.sha256!) }, p.parentAdmin);
    rmSync(folder, { recursive: true, force: true });
    const own = await p.parent.call('clients.create', { data: { ...CLIENT, registerNumber: 'BKL-001/2025' }, statusDate: '2025-01-15' }, p.parentAdmin);
    p.parent.clock.now = new Date('2026-02-01T03:00:00Z'); // both supervisions ended on 14 January 2026
    const { token } = await p.parent.call('auth.login', { username: 'admin', password: SETUP.admin.password });
    const ended = await p.parent.call('clients.ended', {}, token);
    expect(ended.map((c) => c.clientId)).toEqual([own.id]);
    expect(ended.map((c) => c.clientId)).not.toContain(open.id);
    // The post lists its own.
    p.post.clock.now = p.parent.clock.now;
    const atPost = await p.post.call('auth.login', { username: 'admin', password: SETUP.admin.password });
    expect((await p.post.call('clients.ended', {}, atPost.token)).map((c) => c.clientId)).toEqual([open.id]);
  });
});
