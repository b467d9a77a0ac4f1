import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf } from '../../shared/contract';
import { PARENT_SETUP } from '../support/offices';
import { ADMIN_PASSWORD, CURRENT_CLIENT, expect, setUpOffice, signIn, startApp, test, type RunningApp } from './fixtures';

/** Registers `from`'s key card at `to`, with the fingerprint as read over the phone. */
async function register(from: RunningApp, fromToken: string, to: RunningApp, toToken: string) {
  const card = await from.rpc('keys.card', {}, fromToken);
  const { fingerprint } = await from.rpc('keys.own', {}, fromToken);
  await to.rpc('keys.register', { base64: card.base64, fingerprint } satisfies InputOf<'keys.register'>, toToken);
}

test('a post opens, checks, prints and sends its monthly report; the parent’s tracker shows the month arrived', async ({ page, app }) => {
  const postToken = await setUpOffice(app);
  const parent = await startApp();
  const stick = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  try {
    await parent.rpc('setup.complete', PARENT_SETUP);
    const parentToken = (await parent.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    await register(app, postToken, parent, parentToken);
    await register(parent, parentToken, app, postToken);
    await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CURRENT_CLIENT.supervisionStart }, postToken);

    await signIn(page, app);
    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    // A figure opens the records behind it, as many as it says.
    const figure = page.getByTestId('figure-klien_aktif');
    await expect(figure).toHaveText('1');
    await figure.click();
    await expect(page.getByTestId('report-records-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('report-records-table')).toContainText(CURRENT_CLIENT.name);
    await page.keyboard.press('Escape');

    await page.getByTestId('report-print').click();
    const frame = page.frameLocator('[data-testid="document-frame"]');
    await expect(frame.getByText(/^LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN /)).toBeVisible();
    await expect(frame.getByText(/^Kode verifikasi [0-9A-Z]{5}-[0-9A-Z]{5} \(versi 1/)).toBeVisible();
    await page.keyboard.press('Escape');

    const sent = page.getByTestId('report-sent');
    await sent.getByRole('button', { name: 'Tandai sudah dikirim' }).click();
    await expect(sent.getByTestId('report-sent-state')).toContainText('Sudah dikirim: versi 1');

    await app.rpc('bundles.export', { mode: 'incremental', withFiles: true, folder: stick }, postToken);
    const seen = await parent.rpc('bundles.inspect', { paths: [stick] }, parentToken);
    await parent.rpc('bundles.apply', { paths: [stick], accept: seen.map((s) => s.sha256!) }, parentToken);

    await signIn(page, parent);
    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', month: 'numeric' }).format(new Date()));
    await expect(page.getByTestId(`tracker-CRP-${month}`)).toHaveText('✓');
  } finally {
    rmSync(stick, { recursive: true, force: true });
    await parent.close();
  }
});
