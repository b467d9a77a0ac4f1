import { expect, setUpOffice, signIn, test } from './fixtures';

test('an officer prints the monthly report, saves it as .xlsx and prints its covering letter', async ({ page, app }) => {
  await setUpOffice(app);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Laporan', exact: true }).click();
  await expect(page.getByTestId('report-section-1')).toBeVisible();
  await page.getByTestId('report-print').click();
  const frame = page.frameLocator('[data-testid="document-frame"]');
  await expect(frame.getByText(/^LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN /)).toBeVisible();
  await expect(frame.getByText('7. Pidana kerja sosial')).toBeVisible();
  await page.keyboard.press('Escape');

  const download = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/^Laporan-Bulanan_Pokmas_Lipas_Bulan_.+\.xlsx$/);

  await page.getByTestId('report-cover-letter').click();
  await page.getByTestId('cover-letter-number').fill('045/LAP/XII/2026');
  await page.getByRole('button', { name: 'Lihat dan cetak' }).click();
  await expect(frame.getByText('045/LAP/XII/2026')).toBeVisible();
  await expect(frame.getByText('Kepala Bapas Kelas I Bengkulu')).toBeVisible();
});
