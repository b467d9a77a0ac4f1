import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf } from '../../shared/contract';
import { agreementWith, PARTNER } from '../support/fixtures';
import { PARENT_SETUP } from '../support/offices';
import { ADMIN_PASSWORD, expect, setUpOffice, signIn, startApp, test, type RunningApp } from './fixtures';

/** Registers `from`'s key card at `to`, with the fingerprint as read over the phone. */
async function register(from: RunningApp, fromToken: string, to: RunningApp, toToken: string) {
  const card = await from.rpc('keys.card', {}, fromToken);
  const { fingerprint } = await from.rpc('keys.own', {}, fromToken);
  await to.rpc('keys.register', { base64: card.base64, fingerprint } satisfies InputOf<'keys.register'>, toToken);
}

test('at the parent, a post’s partner and its PKS open read-only, naming the post', async ({ page, app }) => {
  const postToken = await setUpOffice(app);
  const parent = await startApp();
  const stick = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  try {
    // The Bapas induk serves Kota Bengkulu; the post's partner lies in Rejang Lebong, outside it.
    await parent.rpc('setup.complete', { ...PARENT_SETUP, office: { ...PARENT_SETUP.office, coverage: ['17.71'] } });
    const parentToken = (await parent.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    await register(app, postToken, parent, parentToken);
    await register(parent, parentToken, app, postToken);
    const partner = await app.rpc('partners.create', PARTNER, postToken);
    await app.rpc('agreements.create', agreementWith(partner.id), postToken);
    await app.rpc('bundles.export', { mode: 'incremental', withFiles: true, folder: stick }, postToken);
    const seen = await parent.rpc('bundles.inspect', { paths: [stick] }, parentToken);
    await parent.rpc('bundles.apply', { paths: [stick], accept: seen.map((s) => s.sha256!) }, parentToken);

    await signIn(page, parent);
    await page.getByRole('link', { name: 'Mitra', exact: true }).click();
    await page.getByRole('cell', { name: PARTNER.name }).click();
    await expect(page.getByRole('heading', { name: PARTNER.name })).toBeVisible();
    await expect(page.getByTestId('owner-notice')).toContainText('Data milik Pos Bapas Curup; ubah di pos');
    // Its wilayah is named though the parent does not serve it.
    await expect(page.getByText('Kabupaten Rejang Lebong')).toBeVisible();
    for (const action of ['Ubah', 'Ubah status', 'Arsipkan', 'Buat PKS']) await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0);

    // The post's draft PKS: no editing, signing or cancelling here either.
    // (A draft waits for its number until it is signed.)
    await page.getByRole('cell', { name: 'Nomor diberikan saat ditandatangani' }).click();
    await expect(page.getByTestId('agreement-status')).toBeVisible();
    await expect(page.getByTestId('owner-notice')).toContainText('Data milik Pos Bapas Curup; ubah di pos');
    for (const action of ['Ubah', 'Tandai ditandatangani', 'Batalkan PKS', 'Unggah scan'])
      await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pratinjau dokumen' })).toBeVisible();

    // Typed in by its address, the partner's form names the post and offers no Simpan.
    await page.goto(`${parent.url}#/mitra/${partner.id}/ubah`);
    await expect(page.getByTestId('owner-notice')).toContainText('Data milik Pos Bapas Curup; ubah di pos');
    await expect(page.getByRole('button', { name: 'Simpan' })).toBeDisabled();
  } finally {
    rmSync(stick, { recursive: true, force: true });
    await parent.close();
  }
});
