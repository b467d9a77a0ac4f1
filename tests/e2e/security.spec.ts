import { expect, setUpOffice, signIn, test } from './fixtures';

test('five wrong passwords lock the account, even against the right one', async ({ page, app }) => {
  await setUpOffice(app);
  await page.goto(app.url);
  await page.getByLabel('Nama pengguna').fill('admin');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('Kata sandi').fill(`salah-${i}-sekali`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert')).toContainText(i < 5 ? 'Nama pengguna atau kata sandi salah.' : 'Akun dikunci');
  }
  await page.getByLabel('Kata sandi').fill('rahasia-kantor-1');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Akun dikunci karena 5 kali salah kata sandi');
  await expect(page.getByRole('heading', { name: 'Beranda' })).toHaveCount(0);
});

test('an operator does not see user management and is refused when opening it directly', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc(
    'users.create',
    { name: 'Budi Operator', nip: '', position: 'Operator', username: 'budi', role: 'operator', password: 'sandi-budi-123', passwordConfirm: 'sandi-budi-123' },
    admin,
  );
  await signIn(page, app, 'budi', 'sandi-budi-123');
  await expect(page.getByRole('link', { name: 'Mitra' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Log audit' })).toHaveCount(0);
  await page.goto(`${app.url}#/pengguna`);
  await expect(page.getByTestId('forbidden')).toContainText('Akses ditolak');
});

test('an idle session locks and asks for the password without losing the open form', async ({ page, app }) => {
  await setUpOffice(app);
  await page.clock.install();
  await signIn(page, app);
  await page.getByRole('link', { name: 'Mitra' }).click();
  await page.getByRole('button', { name: 'Tambah mitra' }).click();
  await page.getByLabel('Nama mitra').fill('Bengkel Las Sejahtera');
  await page.clock.fastForward('16:00');
  await expect(page.getByRole('dialog', { name: 'Sesi terkunci' })).toBeVisible();
  await page.getByRole('dialog').getByLabel('Kata sandi').fill('salah-sandi-1');
  await page.getByRole('dialog').getByRole('button', { name: 'Buka kunci' }).click();
  await expect(page.getByRole('dialog').getByText('Kata sandi salah.')).toBeVisible();
  await page.getByRole('dialog').getByLabel('Kata sandi').fill('rahasia-kantor-1');
  await page.getByRole('dialog').getByRole('button', { name: 'Buka kunci' }).click();
  await expect(page.getByRole('dialog', { name: 'Sesi terkunci' })).toHaveCount(0);
  await expect(page.getByLabel('Nama mitra')).toHaveValue('Bengkel Las Sejahtera');
});
