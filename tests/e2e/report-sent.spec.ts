import { CURRENT_CLIENT, expect, setUpOffice, signIn, test } from './fixtures';

test('an officer marks the month’s report sent, sees what changed since, and sends a correction', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CURRENT_CLIENT.supervisionStart }, admin);
  await signIn(page, app);
  await page.goto(`${app.url}#/laporan`);
  const sent = page.getByTestId('report-sent');
  await expect(sent.getByText('Laporan periode ini belum ditandai sudah dikirim.')).toBeVisible();
  await sent.getByRole('button', { name: 'Tandai sudah dikirim' }).click();
  await expect(sent.getByTestId('report-sent-state')).toContainText('Sudah dikirim: versi 1');
  await expect(sent.getByText('Angka saat ini sama dengan yang dikirim.')).toBeVisible();

  // A client entered afterwards is active at the end of the reported month.
  await app.rpc(
    'clients.create',
    { data: { ...CURRENT_CLIENT, registerNumber: 'PB-002/2025', nik: '1702091503850002' }, statusDate: CURRENT_CLIENT.supervisionStart },
    admin,
  );
  await page.reload();
  await expect(sent.getByTestId('report-changed')).toHaveText('Berubah sejak dikirim');
  await expect(
    sent
      .getByTestId('report-differences')
      .getByRole('row', { name: /Klien aktif.*1.*2/ })
      .first(),
  ).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: '/tmp/r5/sent-changed.png' });
  await sent.getByRole('button', { name: 'Kirim koreksi' }).click();
  await expect(sent.getByTestId('report-sent-state')).toContainText('Sudah dikirim: versi 2');
  await expect(sent.getByTestId('report-changed')).toHaveCount(0);
});
