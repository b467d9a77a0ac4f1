import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LATEST_VERSION } from '../../db/migrations/index';
import { registeredOffice } from '../../db/repositories/officeKeys';
import { openBundle, writeBundle, type OpenedBundle } from '../../electron/services/bundles/format';
import { dataEntry } from '../../electron/services/bundles/tables';
import { officeKeys } from '../../electron/services/keys';
import { PARTNER, type TestApp } from './app';
import { agreementWith, CLIENT } from './fixtures';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * A post with at least one record in every bundle table: an office-made service type and
 * institution type, a partner
 * with its status history, a Pokmas group and member, an agreement with its signed scan and a
 * printed version, a client with status history and a check-in, a community-service referral with
 * its status changes and hours, and an activity with a partner, a participant and a file.
 */
export async function postWithEverything(post: TestApp, token: string) {
  await post.call('services.create', { labelId: 'Pelatihan menjahit', labelEn: 'Sewing training' }, token);
  const kind = await post.call('institutionTypes.create', { labelId: 'Sanggar seni', labelEn: 'Art studio' }, token);
  const partner = await post.call('partners.create', { ...PARTNER, institutionType: kind.code, services: [...PARTNER.services, 'pidana_kerja_sosial'] }, token);
  for (const status of ['terverifikasi', 'aktif'] as const) await post.call('partners.setStatus', { id: partner.id, status, date: '2025-03-02' }, token);
  const other = await post.call('partners.create', { ...PARTNER, name: 'Bengkel Las Maju' }, token);
  await post.call(
    'pokmas.create',
    {
      name: 'Pokmas Curup',
      bidang: 'kemandirian_kepribadian',
      memberIds: [partner.id, other.id],
      skNumber: 'W7.PAS.PAS.5-PK.01.05-123',
      skDate: '2025-01-10',
      chairName: 'Ustadz Ridwan',
      chairPhone: '081273456789',
      periodStart: '2025-01-10',
      periodEnd: '2027-01-09',
    },
    token,
  );
  const agreement = await post.call('agreements.create', agreementWith(partner.id), token);
  await post.call('agreements.uploadScan', { id: agreement.id, filename: 'pks.pdf', base64: PDF.toString('base64'), signedOn: '2025-03-05' }, token);
  await post.call('agreements.document', { id: agreement.id, paper: 'A4', format: 'html' }, token);
  const client = await post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, token);
  await post.call('checkins.record', { clientId: client.id, date: '2025-02-15', kind: 'hadir' }, token);
  let r = (
    await post.call(
      'referrals.create',
      {
        clientId: client.id,
        partnerId: partner.id,
        service: 'pidana_kerja_sosial',
        date: '2025-03-05',
        hoursRequired: 8,
        overrideReason: 'Uji paket kiriman lengkap',
      },
      token,
    )
  ).referral;
  for (const status of ['diterima', 'berjalan'] as const)
    r = await post.call('referrals.setStatus', { id: r.id, expectedUpdatedAt: r.updatedAt, status, date: '2025-03-05' }, token);
  await post.call('referrals.addHours', { referralId: r.id, date: '2025-03-05', hours: 4, signedBy: 'Ustadz Ridwan' }, token);
  const activity = await post.call(
    'activities.create',
    {
      date: '2025-03-01',
      type: 'pelatihan',
      title: 'Pelatihan las',
      partnerIds: [partner.id],
      officerIds: [(await post.call('auth.me', {}, token)).user.id],
      participants: [{ clientId: client.id, attended: true, note: '' }],
    },
    token,
  );
  await post.call('activities.addFile', { activityId: activity.id, filename: 'daftar-hadir.pdf', base64: PDF.toString('base64') }, token);
  await post.call('clients.setStatus', { id: client.id, status: 'selesai', date: '2025-03-05', reason: 'Masa bimbingan selesai' }, token);
  // The month's report handed in (a kept version of its figures).
  await post.call('reports.markSent', { period: { kind: 'month', year: 2025, month: 3 } }, token);
  return { partner, agreement, client, referral: r, activity };
}

/** A full bundle of the post, with its files, as the parent receives it. */
export async function fullBundle(post: TestApp, token: string): Promise<Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'mitra-full-'));
  const out = await post.call('bundles.export', { mode: 'full', withFiles: true, folder }, token);
  return readFileSync(join(folder, out.filenames[0]!));
}

/** Opens a bundle with the parent's key, as its import does. */
export const openAt = (parent: TestApp, bytes: Buffer): Promise<OpenedBundle> =>
  openBundle(
    bytes,
    officeKeys(parent.ctx).encryption,
    (code) => {
      const o = registeredOffice(parent.db, code);
      return o ? Buffer.from(o.signing_key, 'base64url') : null;
    },
    LATEST_VERSION,
  );

export type BundleLine = { op: string; row: Record<string, unknown> };
export const linesOf = (entries: ReadonlyMap<string, Buffer>, table: string): BundleLine[] =>
  (entries.get(dataEntry(table))?.toString('utf8') ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as BundleLine);

/**
 * The bundle again with other entries, signed with the post's own key and sealed to the parent:
 * what a compromised but registered post could send. `data` replaces the named tables' files
 * (raw text, so tests can write what JSON.stringify never would); counts follow the lines.
 */
export async function resign(post: TestApp, parent: TestApp, opened: OpenedBundle, data: Readonly<Record<string, string | Buffer>>): Promise<Buffer> {
  const entries = new Map(opened.entries);
  const counts = { ...opened.manifest.counts };
  for (const [table, text] of Object.entries(data)) {
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
    entries.set(dataEntry(table), bytes);
    counts[table] = bytes
      .toString('latin1')
      .split('\n')
      .filter((l) => l !== '').length;
  }
  const { entries: _e, format: _f, formatVersion: _v, ...manifest } = opened.manifest;
  return writeBundle({ ...manifest, counts }, entries, officeKeys(post.ctx).signing.privateKey, Buffer.from(officeKeys(parent.ctx).encryption.publicRaw));
}

export const jsonl = (lines: readonly BundleLine[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

/** The names in a folder, recursively: what an apply may have left behind. */
export function listing(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return [];
  }
}
