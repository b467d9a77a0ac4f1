import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairedOffices, type Pair } from '../support/offices';
import { PDF } from '../support/rebundle';

/**
 * The size limit of "Kirim ke induk" is decided by the bundle as written, not by the plan's
 * estimate: a bundle whose estimate is just under the limit but which is over it when sealed is
 * refused with its real size, and the office can then split it or leave the attachments out.
 */
let p: Pair;
const LIMIT = 1024 * 1024;
let counter = 0;
/** Bytes that do not compress (so the estimate counts them as they are), the same on every run. */
function noise(n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let at = 0; at < n; at += 32) createHash('sha256').update(`noise-${counter++}`).digest().copy(out, at);
  return out;
}

beforeAll(async () => {
  p = await pairedOffices();
}, 60_000);
afterAll(() => p.dispose());

describe('an export over the e-mail size limit', () => {
  it('is refused with its real size when only the estimate was under the limit, and goes out split once chosen', async () => {
    const t = p.postAdmin;
    const me = (await p.post.call('auth.me', {}, t)).user;
    const activity = await p.post.call('activities.create', { date: '2025-03-01', type: 'pelatihan', title: 'Dokumentasi', officerIds: [me.id] }, t);
    const addFile = (n: number) =>
      p.post.call('activities.addFile', { activityId: activity.id, filename: 'lampiran.pdf', base64: Buffer.concat([PDF, noise(n)]).toString('base64') }, t);
    const plan = () => p.post.call('bundles.plan', { mode: 'incremental', withFiles: true, limitMb: 1 }, t);
    // Many attachments, then smaller ones until the estimate is within a few hundred bytes under the limit.
    for (let i = 0; i < 60; i++) await addFile(16_000);
    let estimate = (await plan()).estimatedBytes;
    while (LIMIT - estimate >= 400) {
      await addFile(Math.max(0, LIMIT - estimate - 600));
      estimate = (await plan()).estimatedBytes;
    }
    const planned = await plan();
    expect(planned).toMatchObject({ overLimit: false, limitBytes: LIMIT });
    expect(planned.estimatedBytes).toBeLessThanOrEqual(LIMIT);

    const folder = mkdtempSync(join(p.stick, 'kirim-'));
    const refused = await p.post.fail('bundles.export', { mode: 'incremental', withFiles: true, limitMb: 1, folder }, t);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'bundles.chooseOverLimit', params: { limitBytes: LIMIT } });
    expect(Number(refused.params!.bytes)).toBeGreaterThan(LIMIT);
    // Refused before anything was written or numbered.
    expect(readdirSync(folder)).toEqual([]);
    expect(await p.post.call('bundles.exports', {}, t)).toEqual([]);

    const split = await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, limitMb: 1, folder, overLimit: 'split' }, t);
    expect(split).toMatchObject({ seq: 1, size: refused.params!.bytes, filesLeftOut: false });
    expect(split.filenames).toHaveLength(2);
  }, 60_000);
});
