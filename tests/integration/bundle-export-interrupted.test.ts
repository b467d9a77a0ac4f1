import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/services/app';
import { AppError } from '../../shared/errors';
import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { PARTNER, SETUP } from '../support/app';
import { pairedOffices, type Pair } from '../support/offices';

let p: Pair;
let reopened: AppCore | null = null;
beforeEach(async () => {
  p = await pairedOffices();
});
afterEach(() => {
  reopened?.close();
  reopened = null;
  p.dispose();
});

/** Runs an export of the post in a child process that SIGKILLs itself at `moment`, as a power cut would. */
function exportKilled(moment: 'afterWrite' | 'beforeWrite'): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/export-crasher.ts', p.post.dir, p.stick, moment], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`exporter exited with ${code}: ${out}`))));
  });
}

/** The post started again on its data folder after the power cut. */
async function restartPost() {
  reopened = createAppCore(p.post.dir);
  const core = reopened;
  const call = async <M extends Method>(method: M, input: InputOf<M>, token: string | null): Promise<OutputOf<M>> => {
    const r = await core.dispatch({ method, input, token });
    if (!r.ok) throw AppError.fromData(r.error);
    return r.value as OutputOf<M>;
  };
  const { token } = await call('auth.login', { username: 'admin', password: SETUP.admin.password }, null);
  return { call, token };
}

describe('an export cut off by a power failure', () => {
  it('found whole on the stick at the next start: recorded, and the next export takes the next number', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    p.post.close();
    await exportKilled('afterWrite');
    expect(readdirSync(p.stick).filter((n) => n.endsWith('.mlpaket'))).toHaveLength(1);

    const post = await restartPost();
    const [first] = await post.call('bundles.exports', {}, post.token);
    expect(first).toMatchObject({ seq: 1, state: 'done' });
    await post.call('partners.create', { ...PARTNER, name: 'Bengkel Las Sinar Jaya' }, post.token);
    const second = await post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: p.stick }, post.token);
    expect(second.seq).toBe(2);

    // The parent takes both: no number was used twice.
    const seen = await p.parent.call('bundles.inspect', { paths: [p.stick] }, p.parentAdmin);
    expect(seen.map((s) => [s.seq, s.status])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
    ]);
    const { applied } = await p.parent.call('bundles.apply', { paths: [p.stick], accept: seen.map((s) => s.sha256!) }, p.parentAdmin);
    expect(applied.map((a) => a.seq)).toEqual([1, 2]);
  });

  it('never written: the number is abandoned at the next start and not handed out again', async () => {
    await p.post.call('partners.create', PARTNER, p.postAdmin);
    p.post.close();
    await exportKilled('beforeWrite');
    expect(readdirSync(p.stick)).toEqual([]);

    const post = await restartPost();
    expect(await post.call('bundles.exports', {}, post.token)).toMatchObject([{ seq: 1, state: 'abandoned' }]);
    const next = await post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: p.stick }, post.token);
    expect(next.seq).toBe(2);
    const [seen] = await p.parent.call('bundles.inspect', { paths: [p.stick] }, p.parentAdmin);
    // The parent sees the gap, and that this bundle carries what the lost one would have.
    expect(seen).toMatchObject({ seq: 2, status: 'ok', oddities: [{ kind: 'gap', missing: [1], covered: true }] });
    await p.parent.call('bundles.apply', { paths: [p.stick], accept: [seen!.sha256!] }, p.parentAdmin);
    const partners = await p.parent.call('partners.list', { q: PARTNER.name }, p.parentAdmin);
    expect(partners.total).toBe(1);
  });
});
