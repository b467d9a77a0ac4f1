// Which runtime a native addon was compiled for. A binary built against the wrong headers loads
// nowhere but fails only when Electron starts, so the Electron copy of better-sqlite3 is checked
// here instead of being trusted because a build command exited with 0.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The NODE_MODULE_VERSION an addon was built for, read from its registration symbol
 * (`node_register_module_v<N>`; the name is in the export table of ELF, PE and Mach-O files alike),
 * 'napi' for a Node-API addon (loadable by any runtime), or null when neither is present.
 */
export function addonAbi(file) {
  const text = readFileSync(file).toString('latin1');
  const match = /node_register_module_v(\d+)/.exec(text);
  if (match) return Number(match[1]);
  return /napi_register_module_v\d/.test(text) ? 'napi' : null;
}

/** The NODE_MODULE_VERSION of the installed Electron, from the file its npm package ships. */
export function electronAbi(projectDir) {
  const require = createRequire(resolve(projectDir, 'package.json'));
  const electronDir = join(require.resolve('electron/package.json'), '..');
  try {
    return Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim());
  } catch {
    // Older Electron packages lack the file; node-abi (used by prebuild-install) knows the table.
    const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
    const fromSqlite = createRequire(require.resolve('better-sqlite3/package.json'));
    const fromPrebuild = createRequire(fromSqlite.resolve('prebuild-install/package.json'));
    return Number(fromPrebuild('node-abi').getAbi(version, 'electron'));
  }
}

/** True when `file` can be loaded by a runtime with NODE_MODULE_VERSION `abi`. */
export function addonFits(file, abi) {
  const found = addonAbi(file);
  return found === 'napi' || found === abi;
}
