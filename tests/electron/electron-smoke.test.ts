import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Starts the real desktop app where an Electron binary is installed and the app is built
 * (`npm run build && node scripts/electron-native.mjs`). Build machines without internet cannot
 * download Electron; there the test says so and skips, and the wiring is covered against a fake
 * module by the other tests in this folder.
 */
function electronBinary(): string | null {
  try {
    // The electron package exports the path of its binary, once its install script downloaded it.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = ['out/electron/main.js', 'out/electron/preload.cjs', 'out/renderer/index.html', 'out/electron-native/better_sqlite3.node'].every((f) =>
  existsSync(f),
);
const reason = !binary
  ? 'no Electron binary is installed (npm could not download it here; run `npm install` where github.com is reachable)'
  : !built
    ? 'the app is not built for Electron (run `npm run build && node scripts/electron-native.mjs`)'
    : null;
if (reason) console.log(`Electron smoke test skipped: ${reason}.`);

describe('desktop app', () => {
  it.skipIf(reason !== null)('opens the first screen in a sandboxed window that reaches the services', { timeout: 60_000 }, async () => {
    const { _electron } = await import('@playwright/test');
    // A fresh profile: never the developer's own data, and no clash with a running copy's lock.
    const profile = mkdtempSync(join(tmpdir(), 'mitra-electron-'));
    const app = await _electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${profile}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      await expect.poll(() => page.url()).toMatch(/^app:\/\/mitra\//);
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as { mitra: object }).mitra))).toEqual(['invoke']);
      // The first screen comes from the services over IPC: the setup wizard on a fresh profile.
      await page
        .getByText(/Penyiapan awal Mitra Lipas/)
        .first()
        .waitFor();
      expect(await app.evaluate(({ app }) => app.getPath('userData'))).toBe(profile);
      expect(existsSync(join(profile, 'data', 'mitra-lipas.sqlite'))).toBe(true);
    } finally {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
