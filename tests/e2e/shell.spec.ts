import { PARTNER } from '../support/fixtures';
import { expect, setUpOffice, signIn, test } from './fixtures';

test('Ctrl+K finds a partner by part of its name and opens it', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc('partners.create', PARTNER, admin);
  await app.rpc('partners.create', { ...PARTNER, name: 'LBH Rejang Lebong', bidang: ['hukum_kemasyarakatan'], services: ['bantuan_hukum'] }, admin);
  await signIn(page, app);
  await page.keyboard.press('Control+k');
  await page.getByPlaceholder('Cari mitra, klien, PKS… (Ctrl+K)').fill('lbh');
  await page.getByRole('button', { name: /LBH Rejang Lebong/ }).click();
  await expect(page.getByRole('heading', { name: 'LBH Rejang Lebong' })).toBeVisible();
});

test('the interface switches to English and back', async ({ page, app }) => {
  await setUpOffice(app);
  await signIn(page, app);
  await page.getByTestId('user-menu').click();
  await page.getByText('English').click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Partners' })).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByText('Bahasa Indonesia').click();
  await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();
});

test('the admin verifies the audit log and sees who changed what', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc('partners.create', PARTNER, admin);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Log audit' }).click();
  await expect(page.getByTestId('audit-table').getByRole('row', { name: /Tambah.*Mitra/ })).toBeVisible();
  await page.getByRole('button', { name: 'Periksa keutuhan log' }).click();
  await expect(page.getByTestId('audit-verify')).toContainText('Log utuh');
  await page
    .getByTestId('audit-table')
    .getByRole('row', { name: /Tambah.*Mitra/ })
    .click();
  await expect(page.getByRole('dialog')).toContainText('Pondok Pesantren Al-Hikmah');
});
