// Runs electronegativity over the Electron code and fails on any finding not explained below.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Findings reviewed and accepted, each with its reason. Key: CHECK or CHECK@file. */
const EXPLAINED = {
  // The static check looks for a <meta> CSP or a webRequest hook. Ours is a response header set by
  // the app:// protocol handler on every file (electron/main/protocol.ts, asserted in
  // tests/electron/wiring.test.ts), which also covers the loopback web preview.
  CSP_GLOBAL_CHECK: 'CSP sent as a response header by the app:// handler',
  // Only http(s) links reach openExternal, from the window-open handler; never file: or custom schemes.
  'OPEN_EXTERNAL_JS_CHECK@main/window.ts': 'only http(s) URLs are opened, in the system browser',
  // The preload exposes exactly one function that forwards an RPC envelope (electron/preload/preload.ts,
  // asserted in tests/electron/wiring.test.ts); ipcRenderer itself is never exposed.
  'PRELOAD_JS_CHECK@main/window.ts': 'the preload exposes one invoke function only',
};

/** Splits one CSV line, honouring quoted fields that contain commas. */
const fields = (line) => [...line.matchAll(/\s*("(?:[^"]|"")*"|[^,]*)\s*(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').trim());

const dir = mkdtempSync(join(tmpdir(), 'mitra-eneg-'));
const out = join(dir, 'findings.csv');
try {
  const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  execFileSync('node_modules/.bin/electronegativity', ['-i', 'electron', '-r', '-v', 'false', '-e', electronVersion, '-o', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const rows = readFileSync(out, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => /^\s*[A-Z_]+\s*,/.test(l));
  const open = rows.filter((row) => {
    const [check, , , file] = fields(row);
    return !(EXPLAINED[check] || EXPLAINED[`${check}@${file}`]);
  });
  const accepted = rows.length - open.length;
  if (open.length) {
    console.error(`electronegativity: ${open.length} unexplained finding(s):\n${open.join('\n')}`);
    process.exit(1);
  }
  console.log(`electronegativity: no unexplained findings (${accepted} reviewed and explained in scripts/electron-lint.mjs).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
