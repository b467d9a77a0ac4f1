import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { PARTNER } from '../support/fixtures';
import { PARENT_SETUP } from '../support/offices';
import { ADMIN_PASSWORD, CURRENT_CLIENT, expect, setUpOffice, signIn, startApp, test, type RunningApp } from './fixtures';

/** Registers `from`'s key card at `to`, with the fingerprint as read over the phone. */
async function register(from: RunningApp, fromToken: string, to: RunningApp, toToken: string) {
  const card = await from.rpc('keys.card', {}, fromToken);
  const { fingerprint } = await from.rpc('keys.own', {}, fromToken);
  await to.rpc('keys.register', { base64: card.base64, fingerprint } satisfies InputOf<'keys.register'>, toToken);
}

const call = <M extends Method>(app: RunningApp, method: M, input: InputOf<M>, token: string): Promise<OutputOf<M>> => app.rpc(method, input, token);

test('a post writes a bundle to a USB stick and its parent checks, receives and tracks it', async ({ page, app, browser }) => {
  const postToken = await setUpOffice(app);
  // The Bapas induk: a second web server on its own data folder, driven by a second tab.
  const parent = await startApp();
  const stick = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  try {
    await parent.rpc('setup.complete', PARENT_SETUP);
    const parentToken = (await parent.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    await register(app, postToken, parent, parentToken);
    await register(parent, parentToken, app, postToken);
    await call(app, 'partners.create', PARTNER, postToken);
    await call(app, 'clients.create', { data: CURRENT_CLIENT, statusDate: '2025-01-15' }, postToken);

    // At the post: write the bundle.
    await signIn(page, app);
    await page.getByRole('link', { name: 'Kirim ke induk' }).click();
    await expect(page.getByRole('heading', { name: 'Kirim ke Bapas induk' })).toBeVisible();
    await expect(page.getByTestId('bundle-plan')).toContainText('Dienkripsi untuk Bapas Kelas I Bengkulu (BKL)');
    await expect(page.getByTestId('plan-tables')).toContainText('Mitra');
    await page.getByLabel('Folder tujuan (flashdisk)').fill(stick);
    await page.getByRole('button', { name: 'Tulis paket' }).click();
    const result = page.getByTestId('bundle-result');
    await expect(result).toContainText('Paket nomor 1 tertulis');
    await expect(result.getByTestId('bundle-filename')).toHaveText(/^CRP-0001-\d{4}-\d{2}-\d{2}\.mlpaket$/);
    const history = page.getByTestId('bundle-history');
    await expect(history).toContainText(/CRP-0001-\d{4}-\d{2}-\d{2}\.mlpaket/);
    await expect(history).toContainText('Belum ada tanda terima');
    // The web preview has no file manager: the path is shown to copy instead.
    await result.getByRole('button', { name: 'Buka folder' }).click();
    await expect(page.getByTestId('reveal-path')).toContainText(stick);

    // At the parent: check, receive, and follow up.
    const tab = await browser.newPage();
    await signIn(tab, parent);
    await tab.getByRole('link', { name: 'Terima paket' }).click();
    await tab.getByLabel('Lokasi berkas paket atau folder (satu per baris)').fill(stick);
    await tab.getByRole('button', { name: 'Periksa' }).click();
    const card = tab.getByTestId('bundle-inspection');
    await expect(card).toContainText('Pos Bapas Curup (CRP) — paket nomor 1');
    await expect(card).toContainText('Siap diterima');
    const partnersRow = card.getByTestId('bundle-changes').getByRole('row', { name: /^Mitra \d/ });
    await expect(partnersRow.getByRole('cell')).toHaveText(['Mitra', '1', '0', '0', '0']);
    await expect(card.getByLabel('Terima paket ini')).toBeChecked();
    await tab.getByRole('button', { name: 'Terima 1 paket' }).click();
    await expect(tab.getByText('1 paket diterima.')).toBeVisible();
    // Right after Terima the card says what the bundle brought, not that nothing changed.
    await expect(card).toContainText(/Diterima: \d+ data baru/);
    await expect(card).not.toContainText('tidak ada yang diubah');

    const tracker = tab.getByTestId('tracker-CRP');
    await expect(tracker.getByTestId('tracker-received')).toHaveText('1');
    await expect(tracker).toContainText('Lengkap');
    await expect(tracker.getByRole('button', { name: 'Tanda terima' })).toBeEnabled();

    // Checking the same stick again changes nothing.
    await tab.getByRole('button', { name: 'Periksa' }).click();
    await expect(card).toContainText('Sudah diterima');
    await expect(tab.getByRole('button', { name: /^Terima \d+ paket$/ })).toHaveCount(0);

    // The administrator saves the decrypted contents for a zip tool.
    const unpacked = mkdtempSync(join(tmpdir(), 'mitra-zip-'));
    await card.getByRole('button', { name: 'Simpan isi (.zip)…' }).click();
    await card.getByLabel('Simpan ke folder').fill(unpacked);
    await card.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect(tab.getByText(/^Disimpan: .*CRP-0001-\d{4}-\d{2}-\d{2}\.zip$/)).toBeVisible();
    expect(readdirSync(unpacked)).toEqual([expect.stringMatching(/^CRP-0001-\d{4}-\d{2}-\d{2}\.zip$/)]);
    rmSync(unpacked, { recursive: true, force: true });

    // The post's partner is in the parent's consolidated list, marked with its office.
    await tab.getByRole('link', { name: 'Mitra', exact: true }).click();
    const row = tab.getByTestId('partner-table').getByRole('row', { name: /Pondok Pesantren Al-Hikmah/ });
    await expect(row).toBeVisible();
    await expect(row).toContainText('CRP');
    await tab.getByRole('link', { name: 'Klien', exact: true }).click();
    const client = tab.getByTestId('client-table').getByRole('row', { name: /Budi Santoso/ });
    await expect(client).toContainText('CRP');
    // The post did not allow sending NIKs: the parent holds none.
    await expect(client).not.toContainText('1702');
    await tab.close();
  } finally {
    await parent.close();
    rmSync(stick, { recursive: true, force: true });
  }
});
