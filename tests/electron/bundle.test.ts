import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What the Electron bundles load at run time: checked on a fresh build in a temporary folder. */
let outdir: string;
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'mitra-bundle-'));
  execFileSync(process.execPath, ['scripts/build-electron.mjs', `--outdir=${outdir}`], { stdio: 'pipe' });
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('Electron bundles', () => {
  it('main is an ES module that loads only Electron, Node builtins and declared dependencies', () => {
    const main = readFileSync(join(outdir, 'main.js'), 'utf8');
    const imported = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const allowed = new Set(['electron', ...Object.keys(dependencies)]);
    const outside = imported.filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && !allowed.has(packageOf(s)));
    expect(outside).toEqual([]);
    // The native addon is loaded from node_modules (or the Electron build), never inlined.
    expect(imported).toContain('better-sqlite3');
    expect(imported).toContain('electron');
    expect(main).not.toMatch(/^(const|let|var) \w+ = require\("[^"]+"\)/m);
  });

  it('the preload is CommonJS that requires nothing but electron', () => {
    const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});
