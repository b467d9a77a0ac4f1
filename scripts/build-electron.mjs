// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads cannot be
// ES modules) into out/electron. Every runtime dependency stays external and is loaded from
// node_modules (native addons, data files); esbuild only bundles our own code.
//
// Usage: node scripts/build-electron.mjs [--outdir=out/electron]
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || join('out', 'electron');
// esbuild also keeps subpaths of these external (e.g. csv-stringify/sync).
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info', external };

await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: join(outdir, 'main.js'),
  format: 'esm',
  // Some bundled CommonJS helpers call require(); give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: join(outdir, 'preload.cjs'), format: 'cjs' });
