import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { ADMIN_PASSWORD, expect, pick, test } from './fixtures';
import { SETUP } from '../support/fixtures';

test('a new office sets up, signs in, registers a partner, finds, edits and exports it', async ({ page, app }) => {
  await page.goto(app.url);

  // Setup wizard: nothing else is reachable before it is finished.
  await expect(page.getByRole('heading', { name: 'Penyiapan awal Mitra Lipas' })).toBeVisible();
  await page.getByLabel('Nama kantor').fill(SETUP.office.name);
  await page.getByLabel('Kode kantor').fill('crp');
  await page.getByLabel('Nama Bapas induk').fill(SETUP.office.parentName ?? '');
  await page.getByLabel('Kantor Wilayah').fill(SETUP.office.kanwil);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  // Leaving a required field empty names the problem on the field and stays on the step.
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('Wajib diisi.').first()).toBeVisible();
  await page.getByLabel('Alamat kantor').fill(SETUP.office.address);
  await page.getByLabel('Kota (untuk tanggal surat)').fill('Curup');
  await expect(page.getByText(/Curup, \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/)).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  // The head of office, who signs every letter.
  await page.getByLabel('Nama kepala kantor').fill('Drs. Hendra Saputra, M.Si.');
  await page.getByLabel('NIP kepala kantor').fill('19700101 199503 1 001');
  await page.getByLabel('Jabatan kepala kantor').fill('Kepala Pos Bapas Curup');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await pick(page, 'Kabupaten/kota wilayah kerja', /Rejang Lebong/, 'Rejang');
  await pick(page, 'Kabupaten/kota wilayah kerja', /Kepahiang/, 'Kepahiang');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Nama lengkap').fill(SETUP.admin.name);
  await page.getByLabel('NIP').fill(SETUP.admin.nip ?? '');
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel(/^Kata sandi/).fill(ADMIN_PASSWORD);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click();

  await expect(page.getByText('Penyiapan selesai. Silakan masuk.')).toBeVisible();
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();
  await expect(page.getByText('Pos Bapas Curup')).toBeVisible();

  // Add a partner with wilayah and services.
  await page.getByRole('link', { name: 'Mitra' }).click();
  await page.getByRole('button', { name: 'Tambah mitra' }).click();
  await page.getByLabel('Nama mitra').fill('Pondok Pesantren Al-Hikmah Curup');
  await page.getByLabel('Kemandirian & Kepribadian').check();
  await pick(page, 'Layanan yang ditawarkan', 'Bimbingan keagamaan', 'keagamaan');
  await pick(page, 'Layanan yang ditawarkan', 'Pelatihan keterampilan', 'pelatihan');
  await page.keyboard.press('Escape');
  await page.getByLabel('Narahubung').fill('Ustadz Ridwan');
  await page.getByLabel('Telepon').fill('0812-7345-6789');
  await pick(page, 'Kabupaten/kota', 'Kabupaten Rejang Lebong');
  await pick(page, 'Kecamatan', 'Curup', 'Curup');
  await page.getByRole('button', { name: 'Simpan' }).click();

  await expect(page.getByRole('heading', { name: 'Pondok Pesantren Al-Hikmah Curup' })).toBeVisible();
  await expect(page.getByText('+62 812-7345-6789').first()).toBeVisible();
  await expect(page.getByText(/Curup, Kabupaten Rejang Lebong/)).toBeVisible();

  // Find it by a partial word, ignoring case.
  await page.getByRole('button', { name: 'Kembali' }).click();
  await page.getByTestId('partner-search').fill('HIKM');
  const row = page.getByTestId('partner-table').getByRole('row', { name: /Al-Hikmah/ });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('partner-count')).toContainText('Menampilkan 1 dari 1');
  await page.getByTestId('partner-search').fill('tidak ada yang begini');
  await expect(page.getByText('Tidak ada data yang cocok dengan saringan ini.')).toBeVisible();
  await page.getByTestId('partner-search').fill('pesantren curup');
  await row.click();

  // Edit and see the change in the history, with who made it.
  await page.getByRole('button', { name: 'Ubah', exact: true }).click();
  await page.getByLabel('Kapasitas (klien sekaligus)').fill('12');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name: 'Pondok Pesantren Al-Hikmah Curup' })).toBeVisible();
  await page.getByRole('tab', { name: 'Riwayat perubahan' }).click();
  const history = page.getByTestId('edit-history');
  await expect(history.getByText(/^Ubah · Siti Rahmawati/)).toBeVisible();
  await expect(history.getByRole('row', { name: /Kapasitas/ })).toContainText('12');

  // Export the current list to .xlsx and read it back with a real parser.
  await page.getByRole('link', { name: 'Mitra' }).click();
  await page.getByRole('button', { name: 'Ekspor' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mitra-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  // The title block (rows 1-4), a blank row, the header on row 6 ("No." first), then the partner.
  expect(ws.getRow(2).getCell(1).value).toBe('Daftar Mitra');
  expect(ws.getRow(6).getCell(1).value).toBe('No.');
  expect(ws.getRow(6).getCell(2).value).toBe('Nama');
  expect(ws.getRow(7).getCell(2).value).toBe('Pondok Pesantren Al-Hikmah Curup');
  expect(ws.getRow(7).getCell(11).value).toBe('0812-7345-6789');
  expect(ws.rowCount).toBe(7);
});
