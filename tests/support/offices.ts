import { mkdtempSync, rmSync } from 'node:fs';
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

/** Registers `from`'s key card at `to` (an admin reads the fingerprint aloud; here it is copied). */
export async function registerAt(from: TestApp, fromToken: string, to: TestApp, toToken: string): Promise<void> {
  const card = (await from.call('keys.card', {}, fromToken)).base64;
  const { fingerprint } = await from.call('keys.own', {}, fromToken);
  await to.call('keys.register', { base64: card, fingerprint }, toToken);
}

/** A second Pos Bapas of the same Bapas induk, set up and paired with it; returns the post and its admin's token. */
export async function addPost(pair: Pair, code: string, name: string): Promise<{ readonly post: TestApp; readonly admin: string }> {
  const post = makeApp(pair.post.clock.now);
  await post.call('setup.complete', { ...SETUP, office: { ...SETUP.office, code, name } });
  const admin = (await post.call('auth.login', { username: 'admin', password: SETUP.admin.password })).token;
  await registerAt(post, admin, pair.parent, pair.parentAdmin);
  await registerAt(pair.parent, pair.parentAdmin, post, admin);
  return { post, admin };
}

/** The post's incremental bundle written to a folder and received at the parent (checked, then applied). */
export async function sendUp(post: TestApp, postToken: string, parent: TestApp, parentToken: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  try {
    await post.call('bundles.export', { mode: 'incremental', withFiles: false, folder }, postToken);
    const seen = await parent.call('bundles.inspect', { paths: [folder] }, parentToken);
    if (!seen.every((s) => s.status === 'ok')) throw new Error(`bundle not accepted: ${JSON.stringify(seen.map((s) => s.status))}`);
    await parent.call('bundles.apply', { paths: [folder], accept: seen.map((s) => s.sha256!) }, parentToken);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
