// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads cannot be
// ES modules) into out/electron. Runtime dependencies stay in node_modules (native addons, data files).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info', external };

await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'out/electron/main.js',
  format: 'esm',
  // Some bundled CommonJS helpers call require(); give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/electron/preload.cjs', format: 'cjs' });
