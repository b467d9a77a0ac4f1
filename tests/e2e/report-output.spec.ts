import { CURRENT_CLIENT, expect, setUpOffice, signIn, test } from './fixtures';

test('an officer sees the monthly report’s charts, opens a month’s records from one, prints the report, saves it as .xlsx and prints its covering letter', async ({
  page,
  app,
}) => {
  const admin = await setUpOffice(app);
  await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CURRENT_CLIENT.supervisionStart }, admin);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Laporan', exact: true }).click();
  await expect(page.getByTestId('report-section-1')).toBeVisible();
  // The charts, each an image named by its title: the month against the five before, by programme, compliance.
  const active = page.getByRole('img', { name: /^Klien aktif, \S+ \d{4} – \S+ \d{4}$/ });
  await expect(active).toBeVisible();
  await expect(page.getByRole('img', { name: /^Klien aktif menurut program, / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Kepatuhan wajib lapor 12 bulan, / })).toBeVisible();
  // This month's column holds the one active client; clicking it opens that month's records.
  await expect(active.locator('.recharts-label-list').last()).toContainText('1');
  await active.locator('.recharts-bar-rectangle').last().click();
  await expect(page.getByTestId('report-records-count')).toHaveText('1 data');
  await expect(page.getByTestId('report-records-table')).toContainText(CURRENT_CLIENT.name);
  await page.keyboard.press('Escape');
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
