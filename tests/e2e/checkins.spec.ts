import { addDays, addMonths } from '../../shared/agreements';
import { CLIENT } from '../support/fixtures';
import { expect, setUpOffice, signIn, test } from './fixtures';

const today = new Date().toISOString().slice(0, 10);

test('the overdue list and the home screen call for a home visit; recording it clears the client, and Beranda and the agenda show who is due', async ({
  page,
  app,
}) => {
  const admin = await setUpOffice(app);
  // Four monthly reports missed: supervision started four and a half months ago, nothing recorded.
  const start = addDays(addMonths(today, -4), -15);
  await app.rpc(
    'clients.create',
    // Kept in the app since its start: wajib lapor is counted from then.
    { data: { ...CLIENT, supervisionStart: start, supervisionEnd: addMonths(today, 12), decisionDate: start, reportingFrom: start }, statusDate: start },
    admin,
  );
  // Due in three days.
  const soon = addMonths(addDays(today, 3), -1);
  await app.rpc(
    'clients.create',
    {
      data: {
        ...CLIENT,
        registerNumber: 'CB-007/2026',
        name: 'Siti Aminah',
        nik: '',
        sex: 'P',
        supervisionStart: soon,
        supervisionEnd: addMonths(today, 6),
        decisionDate: soon,
      },
      statusDate: soon,
    },
    admin,
  );
  await signIn(page, app);
  await expect(page.getByTestId('home-overdue')).toContainText('1');
  await expect(page.getByTestId('home-visits')).toContainText('Budi Santoso');
  // Beranda counts who is due this week and names the first; its button opens the agenda.
  await expect(page.getByTestId('home-agenda')).toContainText('1 klien jatuh tempo wajib lapor dalam 7 hari ke depan');
  await expect(page.getByTestId('home-agenda')).toContainText('Siti Aminah');
  await page.getByRole('button', { name: 'Buka agenda' }).click();
  await expect(page.getByTestId('agenda')).toContainText('Siti Aminah');
  await expect(page.getByTestId('agenda-shown')).toHaveText('Menampilkan 1 dari 1');
  await expect(page.getByTestId('agenda-more')).toHaveCount(0);

  await page.getByRole('tab', { name: /Terlambat/ }).click();
  const overdue = page.getByTestId('overdue-table');
  await expect(overdue).toContainText('Budi Santoso');
  await expect(overdue).toContainText('Kunjungan rumah');
  await expect(overdue).not.toContainText('Siti Aminah');
  await page.getByRole('tab', { name: 'Agenda 7 hari' }).click();
  await expect(page.getByTestId('agenda')).toContainText('Siti Aminah');

  await page.getByRole('tab', { name: /Terlambat/ }).click();
  await overdue.getByText('Budi Santoso').click();
  await expect(page.getByTestId('reporting-panel')).toContainText('Perlu kunjungan rumah');
  await page.getByRole('button', { name: 'Catat lapor' }).click();
  await page.getByRole('dialog').getByText('Kunjungan rumah').click();
  await page.getByRole('dialog').getByLabel('Catatan').fill('Klien di rumah, sakit');
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('reporting-panel')).not.toContainText('Perlu kunjungan rumah');
  await expect(page.getByTestId('client-timeline')).toContainText('Lapor: Kunjungan rumah');

  await page.getByRole('link', { name: 'Wajib lapor' }).click();
  await expect(page.getByText('Tidak ada klien yang terlambat lapor.')).toBeVisible();
});
