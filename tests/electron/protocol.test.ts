import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { makeFakeElectron, type FakeElectron } from './fake-electron';

const fake: FakeElectron = makeFakeElectron();
vi.mock('electron', () => fake);

let root: string;
beforeEach(() => {
  Object.assign(fake, makeFakeElectron());
  vi.resetModules();
  // The renderer folder sits next to a secret, as out/renderer sits inside the app.
  const base = mkdtempSync(join(tmpdir(), 'mitra-proto-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), 'secret');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mitra Lipas</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
});
afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

async function serve() {
  const { handleAppProtocol, registerAppScheme } = await import('../../electron/main/protocol');
  registerAppScheme();
  handleAppProtocol(root);
  return (url: string) => fake.protocol.handlers.get('app')!({ url });
}

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme that fetch() may use', async () => {
    await serve();
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with the CSP header and the right content types', async () => {
    const get = await serve();
    const index = await get('app://mitra/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Mitra Lipas');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await get('app://mitra/')).status).toBe(200);
    expect((await get('app://mitra/assets/app.js?v=1')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://mitra/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('refuses paths outside the renderer folder, other hosts and missing files, still with the CSP', async () => {
    const get = await serve();
    for (const url of [
      'app://mitra/../../etc/passwd',
      'app://mitra/../secret.txt',
      'app://mitra/%2e%2e/secret.txt',
      'app://mitra/..%2fsecret.txt',
      'app://mitra/assets/..%5c..%5csecret.txt',
      'app://evil/index.html',
      'app://mitra/nope.js',
      'app://mitra/assets/',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('secret');
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers a path whose percent-encoding does not decode with 400, never an exception', async () => {
    const get = await serve();
    for (const url of ['app://mitra/%E0%A4%A', 'app://mitra/%zz', 'app://mitra/assets/%', 'app://mitra/%00']) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
