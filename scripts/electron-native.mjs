// better-sqlite3 is a native addon, and Electron's ABI differs from Node's. Tests and the web
// preview use the Node build in node_modules; Electron loads its own copy from
// out/electron-native (passed to better-sqlite3 as `nativeBinding`), so `npm start` never breaks
// `npm test`. The copy is fetched with prebuild-install (better-sqlite3's own prebuilt binaries for
// Electron) and, failing that, compiled with node-gyp against Electron's headers.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const outDir = 'out/electron-native';
const stamp = join(outDir, 'version.json');
const wanted = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch });

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(join(outDir, 'better_sqlite3.node'))) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is ready.`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'mitra-native-'));
try {
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join('build', 'Release')}`) });
  const run = (cmd, args) =>
    execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion } });
  try {
    run(process.execPath, [
      require.resolve('prebuild-install/bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
    ]);
  } catch {
    console.log('No prebuilt binary; compiling against Electron headers.');
    run('npx', [
      '--yes',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
  writeFileSync(stamp, wanted);
  console.log(`better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion} in ${outDir}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
