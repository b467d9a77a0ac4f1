import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT, PARTNER } from '../support/fixtures';
import { pairedOffices, type Pair } from '../support/offices';

let p: Pair;
beforeEach(async () => {
  p = await pairedOffices();
  // The Bapas induk serves Kota Bengkulu itself; its post serves Rejang Lebong, Kepahiang and Lebong.
  const { office } = await p.parent.call('settings.get', {}, p.parentAdmin);
  await p.parent.call('settings.update', { office: { ...office, coverage: ['17.71'] } }, p.parentAdmin);
});
afterEach(() => p.dispose());

async function sendUp() {
  const folder = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder }, p.postAdmin);
  const seen = await p.parent.call('bundles.inspect', { paths: [folder] }, p.parentAdmin);
  const applied = seen.every((s) => s.status === 'ok')
    ? await p.parent.call('bundles.apply', { paths: [folder], accept: seen.map((s) => s.sha256!) }, p.parentAdmin)
    : null;
  rmSync(folder, { recursive: true, force: true });
  return { seen, applied };
}

describe('coverage at a Bapas induk', () => {
  it('receives and lists a post’s partner and client outside the parent’s coverage, with their wilayah named, and filters by it', async () => {
    const partner = await p.post.call('partners.create', { ...PARTNER, districtCode: '17.02.09' }, p.postAdmin);
    const client = await p.post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, p.postAdmin);
    const first = await sendUp();
    expect(first.seen.map((s) => [s.status, s.oddities])).toEqual([['ok', []]]);

    const atParent = await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin);
    expect(atParent).toMatchObject({ regencyCode: '17.02', regencyName: 'Kabupaten Rejang Lebong', districtName: 'Curup', ownedBy: { code: 'CRP' } });
    expect((await p.parent.call('clients.get', { id: client.id }, p.parentAdmin)).regencyName).toBe('Kabupaten Rejang Lebong');
    const listed = await p.parent.call('partners.list', { regencyCode: '17.02' }, p.parentAdmin);
    expect(listed.rows.map((r) => [r.name, r.regencyName])).toEqual([[PARTNER.name, 'Kabupaten Rejang Lebong']]);
    expect((await p.parent.call('clients.list', { regencyCode: '17.02' }, p.parentAdmin)).rows.map((r) => r.id)).toEqual([client.id]);

    // The list's kabupaten filter offers the posts' wilayah beside the parent's own coverage...
    expect((await p.parent.call('wilayah.inRecords', {}, p.parentAdmin)).map((r) => r.code)).toEqual(['17.02', '17.71']);
    // ...while the coverage, where the parent registers its own records, stays its own.
    expect((await p.parent.call('wilayah.coverage', {}, p.parentAdmin)).map((r) => r.code)).toEqual(['17.71']);
    const own = await p.parent.fail('partners.create', { ...PARTNER, name: 'Bengkel Las Maju' }, p.parentAdmin);
    expect(own.fields).toEqual({ regencyCode: 'v.outsideCoverage' });

    // Later bundles with the post's changes keep passing.
    await p.post.call('partners.setStatus', { id: partner.id, status: 'terverifikasi', date: '2025-03-05' }, p.postAdmin);
    const second = await sendUp();
    expect(second.seen.map((s) => [s.status, s.oddities])).toEqual([['ok', []]]);
    expect((await p.parent.call('partners.get', { id: partner.id }, p.parentAdmin)).status).toBe('terverifikasi');
  });
});
