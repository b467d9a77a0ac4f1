import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run lint` relies on scripts/electron-lint.mjs failing on a finding nobody explained. */
const lint = (folder?: string) => spawnSync(process.execPath, ['scripts/electron-lint.mjs', ...(folder ? [folder] : [])], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'mitra-eneg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('electronegativity gate', () => {
  it('passes on the app with every accepted finding explained', () => {
    const result = lint();
    expect(result.stderr).not.toMatch(/unexplained|could not parse/);
    expect(result.status).toBe(0);
  });

  it('fails on an unsafe window and on a file it cannot parse', () => {
    writeFileSync(
      join(dir, 'window.ts'),
      "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    writeFileSync(join(dir, 'broken.ts'), 'const = ;\n');
    const result = lint(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('NODE_INTEGRATION_JS_CHECK window.ts');
    expect(result.stderr).toContain('CONTEXT_ISOLATION_JS_CHECK window.ts');
    expect(result.stderr).toMatch(/could not parse .*broken\.ts/);
  });
});
