import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeApp, SETUP, type TestApp } from './app';

export const PARENT_SETUP = { ...SETUP, office: { ...SETUP.office, kind: 'induk' as const, code: 'BKL', name: 'Bapas Kelas I Bengkulu', parentName: '' } };

export interface Pair {
  readonly post: TestApp;
  readonly parent: TestApp;
  readonly postAdmin: string;
  readonly parentAdmin: string;
  /** A folder standing in for the USB stick. */
  readonly stick: string;
  dispose(): void;
}

/** A Pos Bapas and its Bapas induk, each in its own data folder, paired by key cards and fingerprints. */
export async function pairedOffices(): Promise<Pair> {
  const post = makeApp();
  const parent = makeApp();
  await post.call('setup.complete', SETUP);
  await parent.call('setup.complete', PARENT_SETUP);
  const postAdmin = (await post.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
  const parentAdmin = (await parent.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
  const register = async (from: TestApp, fromToken: string, to: TestApp, toToken: string) => {
    const card = (await from.call('keys.card', {}, fromToken)).base64;
    const { fingerprint } = await from.call('keys.own', {}, fromToken);
    await to.call('keys.register', { base64: card, fingerprint }, toToken);
  };
  await register(post, postAdmin, parent, parentAdmin);
  await register(parent, parentAdmin, post, postAdmin);
  const stick = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  return {
    post,
    parent,
    postAdmin,
    parentAdmin,
    stick,
    dispose() {
      post.dispose();
      parent.dispose();
    },
  };
}
