import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, DB_FILE } from '../../electron/services/app';
import { PARTNER, SETUP } from '../support/fixtures';
import { ADMIN_PASSWORD, expect, startApp, test } from './fixtures';

/**
 * A data folder whose database file was swapped for garbage, with a good backup beside it: the
 * app opens the recovery screen (never a crash or a raw message), and restoring the latest good
 * backup from it brings the office back: sign in, and the backup's records are there.
 */
async function preparedFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-e2e-'));
  const core = createAppCore(dir);
  const rpc = async (method: string, input: unknown, token: string | null = null) => {
    const r = await core.dispatch({ method, input, token });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as { token: string };
  };
  await rpc('setup.complete', SETUP);
  const { token } = await rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
  await rpc('partners.create', { ...PARTNER, name: 'Sanggar Dari Cadangan' }, token);
  await rpc('backups.create', {}, token);
  core.close();
  writeFileSync(join(dir, DB_FILE), Buffer.alloc(32 * 1024, 0x5a));
  return dir;
}

test('a garbage database opens the recovery screen, and restoring the latest good backup brings the office back', async ({ page }) => {
  const app = await startApp({ dataDir: await preparedFolder() });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Basis data tidak dapat dibuka' })).toBeVisible();
    await expect(page.getByText('tidak berisi basis data lagi')).toBeVisible();
    await expect(page.getByText(/Cadangan terakhir yang baik dibuat pada/)).toBeVisible();
    await page.getByRole('button', { name: 'Simpan salinan data yang masih terbaca' }).click();
    await expect(page.getByRole('alert')).toContainText('Tidak ada data yang masih dapat dibaca');

    await page.getByRole('button', { name: 'Pulihkan cadangan terakhir yang baik' }).click();
    await expect(page.getByText('Pemulihan selesai.')).toBeVisible();
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();
    await page.goto(`${app.url}#/mitra`);
    await expect(page.getByText('Sanggar Dari Cadangan')).toBeVisible();
  } finally {
    await app.close();
  }
});
