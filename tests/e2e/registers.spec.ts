import { CURRENT_CLIENT, expect, setUpOffice, signIn, test } from './fixtures';

test('an officer prints the client register from Buku register and a check-in card from the client’s page', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  const client = (await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CURRENT_CLIENT.supervisionStart }, admin)) as { id: string };
  await signIn(page, app);
  await page.getByRole('link', { name: 'Buku register', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Buku register', exact: true })).toBeVisible();
  await page.getByTestId('book-clients').getByRole('button', { name: 'Cetak' }).click();
  const frame = page.frameLocator('[data-testid="document-frame"]');
  await expect(frame.getByText('BUKU REGISTER KLIEN')).toBeVisible();
  await expect(frame.getByText(CURRENT_CLIENT.name)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^register-klien-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.keyboard.press('Escape');

  await page.goto(`${app.url}#/klien/${client.id}`);
  await page.getByTestId('client-card-print').click();
  await expect(frame.getByText('DAFTAR LAPOR DIRI KLIEN')).toBeVisible();
  await expect(frame.getByText('Paraf petugas')).toBeVisible();
});
