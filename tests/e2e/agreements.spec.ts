import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { PARTNER } from '../support/fixtures';
import { expect, pick, setUpOffice, signIn, test } from './fixtures';

test('an officer drafts an agreement from the standard pasal, files the signed scan and renews it', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc('partners.create', { ...PARTNER, status: 'aktif' }, admin);
  await signIn(page, app);
  await page.getByRole('link', { name: 'PKS', exact: true }).click();
  await page.getByRole('button', { name: 'Buat PKS' }).click();
  await pick(page, /^Mitra/, /Pondok Pesantren Al-Hikmah/);
  await expect(page.getByTestId('number-preview')).toContainText(/Nomor berikutnya: 001\/PKS\/CRP\/[IVX]+\/\d{4}/);
  await pick(page, 'Layanan yang dicakup', 'Bimbingan keagamaan', 'keagamaan');
  await page.keyboard.press('Escape');
  const office = page.getByText('Penanda tangan kantor (PIHAK PERTAMA)').locator('..');
  await office.getByLabel('Nama').fill('Drs. Hendra Saputra');
  await office.getByLabel('Jabatan').fill('Kepala Bapas Kelas I Bengkulu');
  const partner = page.getByText('Penanda tangan mitra (PIHAK KEDUA)').locator('..');
  await partner.getByLabel('Nama').fill('KH. Ahmad Fauzi');
  await partner.getByLabel('Jabatan').fill('Pimpinan Pondok Pesantren');
  await expect(page.getByText('Pasal 9')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan' }).click();

  await expect(page.getByRole('heading', { name: /^001\/PKS\/CRP\// })).toBeVisible();
  await expect(page.getByTestId('agreement-status')).toHaveText('Draf');
  await expect(page.getByText('Pasal 8Keadaan Kahar')).toBeVisible();
  // Filing the signed scan (checked by content) turns the draft aktif.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'pks-ditandatangani.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.getByRole('button', { name: 'Unggah scan' }).click();
  await expect(page.getByTestId('agreement-status')).toHaveText('Aktif');
  await expect(page.getByRole('button', { name: 'pks-ditandatangani.pdf' })).toBeVisible();

  // Print preview of the document inside the app, and the Word file from the same model.
  await page.getByRole('button', { name: 'Pratinjau dokumen' }).click();
  const frame = page.frameLocator('[data-testid="document-frame"]');
  await expect(frame.getByText('PERJANJIAN KERJA SAMA', { exact: true })).toBeVisible();
  await expect(frame.getByText(/Pada hari ini \w+ tanggal/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^PKS-001_PKS_CRP_[IVX]+_\d{4}-F4\.docx$/);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  expect((await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).toContain('Keadaan Kahar');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Perpanjang' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Perpanjang' }).click();
  await expect(page.getByRole('heading', { name: /^00[12]\/PKS\/CRP\// })).toBeVisible();
  await expect(page.getByTestId('agreement-status')).toHaveText('Draf');
  await expect(page.getByText('Perpanjangan dari')).toBeVisible();

  await page.getByRole('link', { name: 'PKS', exact: true }).click();
  await expect(page.getByTestId('agreement-table').getByRole('row')).toHaveCount(3);
});
