import QRCode from 'qrcode';
import { PARTNER } from '../support/fixtures';
import { CURRENT_CLIENT, expect, pick, setUpOffice, signIn, test } from './fixtures';

test('an officer records a training with a partner, marks attendance, attaches a photo, and it shows on the client timeline', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc('partners.create', { ...PARTNER, status: 'aktif' }, admin);
  const client = await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CURRENT_CLIENT.supervisionStart }, admin);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Kegiatan', exact: true }).click();
  await page.getByRole('button', { name: 'Tambah kegiatan' }).click();
  await page.getByLabel('Judul').fill('Pelatihan las listrik angkatan 1');
  await page.getByLabel('Tempat').fill('Bengkel pesantren');
  await pick(page, 'Mitra', PARTNER.name);
  await page.keyboard.press('Escape');
  const add = page
    .getByRole('textbox', { name: /Tambah peserta/ })
    .or(page.getByPlaceholder(/Tambah peserta/))
    .first();
  await add.click();
  await add.fill('Budi');
  await page.getByRole('option', { name: /Budi Santoso/ }).click();
  await expect(page.getByTestId('participants')).toContainText('Budi Santoso');
  await page.getByRole('button', { name: 'Simpan' }).click();

  await expect(page.getByRole('heading', { name: 'Pelatihan las listrik angkatan 1' })).toBeVisible();
  await expect(page.getByText('1 hadir dari 1 peserta')).toBeVisible();
  // A large photo: the screen makes a display copy, the original is kept.
  const photo = await QRCode.toBuffer('foto kegiatan', { type: 'png', width: 2400 });
  await page.locator('input[type="file"]').setInputFiles({ name: 'foto-pelatihan.png', mimeType: 'image/png', buffer: photo });
  await page.getByRole('button', { name: 'Unggah berkas' }).click();
  await expect(page.getByTestId('activity-files').getByRole('img', { name: 'foto-pelatihan.png' })).toBeVisible();
  const detail = await app.rpc('activities.list', { clientId: client.id }, admin);
  const activity = await app.rpc('activities.get', { id: detail[0]!.id }, admin);
  expect(activity.fileList[0]).toMatchObject({ filename: 'foto-pelatihan.png', size: photo.length, hasDisplay: true });

  await page.getByRole('link', { name: 'Klien', exact: true }).click();
  await page.getByTestId('client-table').getByText(CURRENT_CLIENT.name).click();
  await expect(page.getByTestId('client-timeline')).toContainText('Pelatihan las listrik angkatan 1 · hadir');
});
