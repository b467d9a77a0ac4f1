import { expect, setUpOffice, signIn, test } from './fixtures';

// 02:00 WIB on 2 December 2025 is still 1 December in UTC: the hour at which every default used
// to be the day before. The page runs in Asia/Jakarta (playwright.config.ts).
const TWO_AM_WIB = new Date('2025-12-01T19:00:00Z');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TWO_AM_WIB);
});

test('at 02:00 WIB the default dates are the WIB date, not the UTC one', async ({ page, app }) => {
  await setUpOffice(app);
  await signIn(page, app);

  await page.goto(`${app.url}#/mitra/baru`);
  await expect(page.getByRole('textbox', { name: 'Tanggal status' })).toHaveValue('2 Desember 2025');

  await page.goto(`${app.url}#/pks/baru`);
  await expect(page.getByRole('textbox', { name: 'Tanggal penandatanganan' })).toHaveValue('2 Desember 2025');
  await expect(page.getByRole('textbox', { name: 'Tanggal mulai' })).toHaveValue('2 Desember 2025');
});

test('a date typed the Indonesian way is kept, and one that cannot be read says so on its field', async ({ page, app }) => {
  await setUpOffice(app);
  await signIn(page, app);
  await page.goto(`${app.url}#/mitra/baru`);

  const statusDate = page.getByRole('textbox', { name: 'Tanggal status' });
  // Typed over the selected default, as an officer does.
  await statusDate.click();
  await statusDate.press('Control+A');
  await statusDate.pressSequentially('20/01/2025');
  await statusDate.press('Tab');
  await expect(statusDate).toHaveValue('20 Januari 2025');
  await expect(statusDate).toHaveAttribute('aria-invalid', 'false');

  const skDate = page.getByRole('textbox', { name: 'Tanggal SK penetapan' });
  await skDate.click();
  await skDate.pressSequentially('31/02/2025');
  await skDate.press('Tab');
  // The text stays as typed, with the message under the field; no other date is put in its place.
  await expect(skDate).toHaveValue('31/02/2025');
  await expect(skDate).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Tanggal tidak dapat dibaca. Tuliskan seperti 20/01/2025 atau 20 Januari 2025.')).toBeVisible();

  // Typed over a readable date, unreadable text does not bring the previous date back either.
  await statusDate.click();
  await statusDate.press('Control+A');
  await statusDate.pressSequentially('20 Foo 2025');
  await statusDate.press('Tab');
  await expect(statusDate).toHaveValue('20 Foo 2025');
  await expect(statusDate).toHaveAttribute('aria-invalid', 'true');

  // Read once more, the message goes.
  await skDate.click();
  await skDate.press('Control+A');
  await skDate.pressSequentially('20 jan 2025');
  await skDate.press('Tab');
  await expect(skDate).toHaveValue('20 Januari 2025');
  await expect(skDate).toHaveAttribute('aria-invalid', 'false');
});
