import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, setUpOffice, signIn, test } from './fixtures';

/** The office's own sheet: a title, headers, three clients, one NIK typed into a number cell by Excel. */
async function officeSheet(): Promise<Buffer> {
  // Supervisions still running whenever the test runs: an ended one is not in the default "Aktif" list.
  const next = new Date().getFullYear() + 1;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Klien');
  ws.addRow(['DAFTAR KLIEN PEMASYARAKATAN']);
  ws.addRow(['No', 'No. Register', 'Nama', 'NIK', 'Tempat/Tgl Lahir', 'Jenis Kelamin', 'Program', 'Tgl Mulai Bimbingan', 'Tgl Akhir Bimbingan']);
  ws.addRow([1, 'PB-101/2026', 'Budi Santoso', '1702091503850001', 'Curup, 15-03-1985', 'L', 'PB', '15 Januari 2026', `14 Januari ${next}`]);
  ws.addRow([2, 'CB-102/2026', 'Siti Aminah', 1702095507900000, 'Curup, 15 Juli 1990', 'P', 'CB', 46037, '31/12/2026']);
  ws.addRow([3, 'AS-103/2026', 'Andi Wijaya', '', 'Kepahiang, 2 Mei 1999', 'L', 'Asimilasi', '2026-02-01', `${next}-11-30`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an officer imports the office spreadsheet: the damaged NIK is flagged, the good rows are saved, the report downloads', async ({ page, app }) => {
  await setUpOffice(app);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Klien', exact: true }).click();
  await page.getByRole('button', { name: 'Impor klien' }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'klien-2026.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await officeSheet(),
  });
  await page.getByRole('button', { name: 'Baca berkas' }).click();
  await expect(page.getByText('Judul kolom ditemukan di baris 2; 3 baris data.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'NIK' })).toHaveValue(/D: NIK/);

  await page.getByRole('button', { name: 'Periksa (tanpa menyimpan)' }).click();
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('Baru: 2');
  await expect(counts).toContainText('Kesalahan: 1');
  const rows = page.getByTestId('import-rows');
  await expect(rows).toContainText('NIK "1702095507900000" rusak oleh Excel');
  // Nothing is written by the check.
  expect((await app.rpc('clients.list', {}, (await app.rpc('auth.login', { username: 'admin', password: 'rahasia-kantor-1' })).token)).total).toBe(0);

  await page.getByRole('button', { name: 'Simpan 2 baris' }).click();
  await expect(page.getByText('Impor tersimpan.').first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh laporan impor' }).click()]);
  const report = new ExcelJS.Workbook();
  await report.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const lines = report.worksheets[0]!.getSheetValues()
    // Below the title block and the header on row 6; the "No." column first.
    .slice(7)
    .map((r) => (r as unknown[]).slice(2, 5));
  expect(lines).toEqual([
    [3, 'Baru', 'PB-101/2026'],
    [4, 'Kesalahan', 'CB-102/2026'],
    [5, 'Baru', 'AS-103/2026'],
  ]);

  await page.getByRole('button', { name: 'Kembali' }).click();
  await expect(page.getByTestId('client-table').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('client-table')).toContainText('Andi Wijaya');
});
