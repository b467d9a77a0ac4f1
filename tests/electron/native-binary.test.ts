import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addonAbi, addonFits, electronAbi } from '../../scripts/electron-abi.mjs';

/** scripts/electron-native.mjs keeps a better-sqlite3 binary only when it fits Electron's ABI. */
const dir = mkdtempSync(join(tmpdir(), 'mitra-abi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('native binary check', () => {
  it('reads the ABI of the Node build the tests use', () => {
    expect(addonAbi(nodeBuild)).toBe(Number(process.versions.modules));
  });

  it('knows the installed Electron ABI and refuses the Node build for it', () => {
    const abi = electronAbi('.');
    expect(abi).toBe(Number(readFileSync(join(dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8')));
    expect(abi).not.toBe(Number(process.versions.modules));
    expect(addonFits(nodeBuild, abi)).toBe(false);
    expect(addonFits(nodeBuild, Number(process.versions.modules))).toBe(true);
  });

  it('accepts a Node-API addon for any runtime and rejects a file that is no addon', () => {
    const napi = join(dir, 'napi.node');
    writeFileSync(napi, Buffer.from('\0\0napi_register_module_v1\0'));
    expect(addonAbi(napi)).toBe('napi');
    expect(addonFits(napi, 145)).toBe(true);
    const junk = join(dir, 'junk.node');
    writeFileSync(junk, 'not an addon');
    expect(addonAbi(junk)).toBeNull();
    expect(addonFits(junk, 145)).toBe(false);
  });
});
