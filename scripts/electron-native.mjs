// better-sqlite3 is a native addon and Electron's ABI differs from Node's. Tests and the web
// preview keep using the Node build in node_modules; Electron loads its own copy from
// out/electron-native (handed to better-sqlite3 as `nativeBinding`; packaged builds carry it as an
// extra resource), so `npm start` never breaks `npm test`.
//
// How the copy is made, in order:
//  1. prebuild-install, better-sqlite3's own dependency: downloads the binary that the
//     better-sqlite3 maintainers publish for every Electron ABI with each release (seconds, no
//     compiler needed);
//  2. node-gyp (the Node.js project's builder) against Electron's headers, for an Electron too new
//     to have a published binary yet (needs a C++ toolchain).
// @electron/rebuild wraps the same two steps, but its current major needs Node 22.12 and this
// project supports Node 20.
//
// Both tools also read npm_config_* variables (npm sets them from .npmrc for every script), and a
// `nodedir` there silently builds against Node's headers instead of Electron's. Those variables
// are removed for the children, and the result is checked for Electron's ABI before it is kept.
//
// Usage: node scripts/electron-native.mjs [--platform=win32] [--arch=x64]
// (defaults: this machine; node-gyp cannot cross-compile, prebuild-install can).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addonAbi, addonFits, electronAbi } from './electron-abi.mjs';

const project = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(project, 'package.json'));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) || fallback;
const platform = arg('platform', process.platform);
const arch = arg('arch', process.arch);

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const abi = electronAbi(project);
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const outDir = join(project, 'out', 'electron-native');
const target = join(outDir, 'better_sqlite3.node');
const stamp = join(outDir, 'version.json');
const wanted = JSON.stringify({ electron: electronVersion, abi, betterSqlite3: sqliteVersion, platform, arch });

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(target) && addonFits(target, abi)) {
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}, ${platform}-${arch}) is ready.`);
  process.exit(0);
}
// A copy for another version or ABI must not outlive a failed build: Electron would load it.
rmSync(target, { force: true });
rmSync(stamp, { force: true });

/** npm_config_* settings that would redirect either tool to other headers or another runtime. */
const REDIRECTING = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|platform|target_platform|devdir|build_from_source|node_gyp)$/i;
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !REDIRECTING.test(key)));

const work = mkdtempSync(join(tmpdir(), 'mitra-native-'));
const built = join(work, 'build', 'Release', 'better_sqlite3.node');
const attempts = [];
const run = (args) => execFileSync(process.execPath, args, { cwd: work, stdio: 'inherit', env });

/** Runs one way of producing the binary; true when it left a binary for Electron's ABI. */
function attempt(name, args) {
  try {
    rmSync(join(work, 'build'), { recursive: true, force: true });
    run(args);
  } catch (e) {
    attempts.push(`${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return false;
  }
  if (!existsSync(built)) {
    attempts.push(`${name}: finished without producing build/Release/better_sqlite3.node`);
    return false;
  }
  if (!addonFits(built, abi)) {
    attempts.push(`${name}: produced a binary for ABI ${addonAbi(built)}, not Electron's ${abi}`);
    return false;
  }
  return true;
}

try {
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => !/^[\\/](build|prebuilds)([\\/]|$)/.test(src.slice(sqliteDir.length)) });
  const fromSqlite = createRequire(join(sqliteDir, 'package.json'));
  const ok =
    attempt('prebuild-install', [
      fromSqlite.resolve('prebuild-install/bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--platform=${platform}`,
      `--arch=${arch}`,
      '--verbose',
    ]) ||
    (platform === process.platform &&
      attempt('node-gyp', [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
        // Electron's headers kept apart from Node's (the same folder @electron/rebuild uses).
        `--devdir=${join(homedir(), '.electron-gyp')}`,
      ]));
  if (!ok) {
    console.error(
      [
        `Could not make better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}, ${platform}-${arch}):`,
        ...attempts.map((a) => `  - ${a}`),
        'prebuild-install needs access to github.com; node-gyp needs electronjs.org (headers) and a C++ toolchain.',
        'The Node build in node_modules is untouched, so `npm test` and the web preview still work.',
      ].join('\n'),
    );
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(built, target);
  writeFileSync(stamp, wanted);
  console.log(`better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion} (ABI ${abi}, ${platform}-${arch}) in ${outDir}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
