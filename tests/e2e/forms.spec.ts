import type { Page } from '@playwright/test';
import { ADMIN_PASSWORD, expect, setUpOffice, signIn, test } from './fixtures';

/** Counts the calls of one RPC method the page makes from now on. */
function countCalls(page: Page, method: string): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/rpc' && (r.postData() ?? '').includes(`"${method}"`)) n++;
  });
  return () => n;
}

test('a partner form saves only when asked: Enter in a picker does not, Ctrl+S does; leaving unsaved asks; errors stand on the field', async ({
  page,
  app,
}) => {
  await setUpOffice(app);
  await signIn(page, app);
  const creates = countCalls(page, 'partners.create');

  // An empty register says so and offers the first partner; an unknown address is named as such.
  await page.getByRole('link', { name: 'Mitra', exact: true }).click();
  await expect(page.getByTestId('register-empty')).toContainText('Belum ada mitra.');
  await expect(page.getByText('Tidak ada data yang cocok', { exact: false })).toHaveCount(0);
  await page.getByRole('button', { name: 'Daftarkan mitra pertama' }).click();
  await expect(page.getByRole('heading', { name: 'Mitra baru' })).toBeVisible();

  // Enter in the services field picks, it never submits the half-filled form.
  await page.getByLabel('Nama mitra').fill('Yayasan Harapan Bangsa');
  const services = page.getByRole('textbox', { name: 'Layanan yang ditawarkan' });
  await services.click();
  await services.fill('pelatihan');
  await services.press('ArrowDown');
  await services.press('Enter');
  await services.press('Enter');
  await services.fill('');
  await services.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mitra baru' })).toBeVisible();
  expect(creates()).toBe(0);

  // Simpan stays in view on the long form, at the bottom of the screen.
  const bar = page.getByTestId('form-actions');
  await expect(bar).toBeInViewport();
  const box = (await bar.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);

  // Ctrl+S with a required choice missing: the error is on the field, nothing is sent.
  await page.getByLabel('Nama mitra').press('Control+s');
  await expect(page.getByText('Pilih minimal satu bidang.')).toBeVisible();
  await expect(page.getByText('Terjadi kesalahan')).toHaveCount(0);
  expect(creates()).toBe(0);

  // Leaving with unsaved changes asks; staying keeps what was typed.
  await page.getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByRole('dialog', { name: 'Perubahan belum disimpan' })).toBeVisible();
  await page.getByRole('button', { name: 'Tetap di sini' }).click();
  await expect(page.getByLabel('Nama mitra')).toHaveValue('Yayasan Harapan Bangsa');

  // Ctrl+S saves.
  await page.getByLabel('Kemandirian & Kepribadian').check();
  await page.getByLabel('Nama mitra').press('Control+s');
  await expect(page.getByRole('heading', { name: 'Yayasan Harapan Bangsa' })).toBeVisible();
  expect(creates()).toBe(1);

  // Leaving a form without changes does not ask.
  await page.getByRole('link', { name: 'Mitra', exact: true }).click();
  await page.getByRole('button', { name: 'Tambah mitra' }).click();
  await page.getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();

  await page.goto(`${app.url}#/tidak-ada-di-sini`);
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('the fourth wrong password warns that one attempt is left, and the lockout names its end in WIB', async ({ page, app }) => {
  await setUpOffice(app);
  await page.goto(app.url);
  await page.getByLabel('Nama pengguna').fill('admin');
  const attempt = async () => {
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
  };
  for (let i = 0; i < 3; i++) {
    await attempt();
    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  }
  await attempt();
  await expect(page.getByRole('alert')).toContainText('Tinggal 1 kali percobaan lagi');
  await attempt();
  await expect(page.getByRole('alert')).toHaveText(/^Akun dikunci karena 5 kali salah kata sandi\. Coba lagi setelah pukul \d{2}\.\d{2} WIB\.$/);
  // The right password is refused too while the lock lasts.
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Coba lagi setelah pukul');
});
