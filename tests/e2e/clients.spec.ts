import { CLIENT } from '../support/fixtures';
import { CURRENT_CLIENT, expect, pick, setUpOffice, signIn, test } from './fixtures';

test('an officer registers a client, is told what is wrong with the NIK, finds the client and closes the supervision', async ({ page, app }) => {
  await setUpOffice(app);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Klien', exact: true }).click();
  await page.getByRole('button', { name: 'Tambah klien' }).click();
  await page.getByLabel('No. register').fill(CLIENT.registerNumber);
  await page.getByLabel('Nama lengkap').fill(CLIENT.name);
  // 31 February inside the NIK: said under the field while typing, and refused on save.
  await page.getByLabel('NIK').fill('1702093102850001');
  // Said once, on the field itself.
  await expect(page.getByText('Tanggal lahir di dalam NIK tidak ada di kalender.')).toHaveCount(1);
  await expect(page.getByLabel('NIK')).toHaveAttribute('aria-invalid', 'true');
  // A real NIK whose birth date disagrees with the one entered: a warning naming the kecamatan, not a refusal.
  await page.getByLabel('NIK').fill(CLIENT.nik);
  await page.getByLabel('Tanggal lahir').fill('16 Maret 1985');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('nik-note')).toContainText('Kecamatan Curup, Kabupaten Rejang Lebong');
  await expect(page.getByTestId('nik-note')).toContainText('NIK tidak cocok dengan tanggal lahir');
  await pick(page, 'Kabupaten/kota', 'Kabupaten Rejang Lebong');
  await pick(page, 'Kecamatan', 'Curup', 'Curup');
  await page.getByLabel('Mulai bimbingan').fill('15 Januari 2025');
  await page.getByLabel('Akhir bimbingan').fill('14 Januari 2030');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Simpan' }).click();

  await expect(page.getByRole('heading', { name: CLIENT.name })).toBeVisible();
  await expect(page.getByTestId('client-status')).toHaveText('Aktif');
  await expect(page.getByText('1702091503850001')).toBeVisible();
  await expect(page.getByTestId('client-timeline')).toContainText('Terdaftar');

  await page.getByRole('button', { name: 'Kembali' }).click();
  await page.getByRole('textbox', { name: 'Cari' }).fill('santo');
  await expect(page.getByTestId('client-table').getByRole('row')).toHaveCount(2);
  await page.getByTestId('client-table').getByText(CLIENT.name).click();

  await page.getByRole('button', { name: 'Ubah status' }).click();
  await pick(page, 'Status baru', 'Selesai');
  await page.getByLabel('Alasan').fill('Masa bimbingan berakhir');
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('client-status')).toHaveText('Selesai');
  await expect(page.getByTestId('client-timeline')).toContainText('Aktif → Selesai');
  await expect(page.getByTestId('client-timeline')).toContainText('Masa bimbingan berakhir');
});

test('the pimpinan role sees a NIK masked', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CLIENT.supervisionStart }, admin);
  await app.rpc(
    'users.create',
    { name: 'Kepala Pos', nip: '', position: 'Kepala', username: 'kepala', role: 'pimpinan', password: 'sandi-kepala-1', passwordConfirm: 'sandi-kepala-1' },
    admin,
  );
  await signIn(page, app, 'kepala', 'sandi-kepala-1');
  await page.getByRole('link', { name: 'Klien', exact: true }).click();
  await expect(page.getByTestId('client-table')).toContainText('1702********0001');
  await expect(page.getByTestId('client-table')).not.toContainText(CLIENT.nik);
  await expect(page.getByRole('button', { name: 'Tambah klien' })).toHaveCount(0);
});

test('a valid NIK fills the sex and birth date of a new client where they are empty, and the form says so', async ({ page, app }) => {
  await setUpOffice(app);
  await signIn(page, app);
  await page.goto(`${app.url}#/klien/baru`);
  await page.getByLabel('NIK').fill('1702095503850001');
  await expect(page.getByRole('textbox', { name: 'Jenis kelamin' })).toHaveValue('Perempuan');
  await expect(page.getByLabel('Tanggal lahir')).toHaveValue('15 Maret 1985');
  await expect(page.getByTestId('nik-filled')).toHaveText('Diisi dari NIK: jenis kelamin dan tanggal lahir. Mohon diperiksa kembali.');
  // What the officer then enters stands: a corrected NIK no longer overwrites it, and the note drops it.
  await page.getByLabel('Tanggal lahir').fill('16 Maret 1985');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('nik-filled')).toHaveText('Diisi dari NIK: jenis kelamin. Mohon diperiksa kembali.');
  await page.getByLabel('NIK').fill('1702091702900001');
  await expect(page.getByRole('textbox', { name: 'Jenis kelamin' })).toHaveValue('Laki-laki');
  await expect(page.getByLabel('Tanggal lahir')).toHaveValue('16 Maret 1985');
});
