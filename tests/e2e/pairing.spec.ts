import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../../electron/services/app';
import { SETUP } from '../support/fixtures';
import { expect, signIn, test } from './fixtures';

/** The post's side, in this process: an office set up in its own data folder, giving its key card and fingerprint. */
async function postOffice() {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-post-'));
  const core = createAppCore(dir);
  const call = async (method: string, input: unknown, token: string | null = null) => {
    const r = await core.dispatch({ method, input, token });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  await call('setup.complete', SETUP);
  const token = ((await call('auth.login', { username: 'admin', password: SETUP.admin.password })) as { token: string }).token;
  const card = (await call('keys.card', {}, token)) as { base64: string };
  const own = (await call('keys.own', {}, token)) as { fingerprint: string };
  core.close();
  rmSync(dir, { recursive: true, force: true });
  return { card: Buffer.from(card.base64, 'base64'), fingerprint: own.fingerprint };
}

test('a parent Bapas registers a post by its key card after the fingerprint read over the phone matches', async ({ page, app }) => {
  await app.rpc('setup.complete', { ...SETUP, office: { ...SETUP.office, kind: 'induk', code: 'BKL', name: 'Bapas Kelas I Bengkulu', parentName: '' } });
  const post = await postOffice();
  await signIn(page, app);
  await page.getByRole('link', { name: 'Kunci & pasangan' }).click();
  await expect(page.getByTestId('own-fingerprint')).toHaveText(/^([0-9A-Z]{4} ){4}[0-9A-Z]{4}$/);
  await page.locator('input[type="file"]').setInputFiles({ name: 'kartu-kunci-CRP.json', mimeType: 'application/json', buffer: post.card });
  await expect(page.getByText('Kartu kunci Pos Bapas Curup (CRP), Pos Bapas.')).toBeVisible();
  await page.getByLabel('Sidik jari yang dibacakan kantor tersebut').fill('AAAA BBBB CCCC DDDD EEEE');
  await page.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(page.getByText('Sidik jari tidak cocok.').first()).toBeVisible();
  await expect(page.getByText('Belum ada kantor yang terdaftar.')).toBeVisible();
  await page.getByLabel('Sidik jari yang dibacakan kantor tersebut').fill(post.fingerprint.toLowerCase());
  await page.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(page.getByTestId('registered-offices')).toContainText('Pos Bapas Curup (CRP)');
  await expect(page.getByTestId('registered-offices')).toContainText(post.fingerprint);
});
