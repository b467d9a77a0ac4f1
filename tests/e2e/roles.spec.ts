import { CLIENT, PARTNER, agreementWith } from '../support/fixtures';
import { expect, setUpOffice, signIn, test } from './fixtures';

/** Decisions are shown only to those who may make them; PK pickers offer only petugas and admins; the pimpinan reads the audit log. */
test('an operator records and drafts but is not offered decisions, and the pimpinan opens the audit log', async ({ page, browser, app }) => {
  const admin = await setUpOffice(app);
  const user = (name: string, username: string, role: 'operator' | 'petugas' | 'pimpinan') =>
    app.rpc('users.create', { name, nip: '', position: '', username, role, password: 'sandi-kantor-123', passwordConfirm: 'sandi-kantor-123' }, admin);
  await user('Budi Operator', 'budi', 'operator');
  await user('Rina Petugas', 'rina', 'petugas');
  await user('Kepala Pos', 'kepala', 'pimpinan');
  const partner = await app.rpc('partners.create', { ...PARTNER }, admin);
  const draft = await app.rpc('agreements.create', agreementWith(partner.id), admin);
  const client = await app.rpc('clients.create', { data: { ...CLIENT }, statusDate: '2025-01-15' }, admin);

  await signIn(page, app, 'budi', 'sandi-kantor-123');
  await page.goto(`${app.url}#/pks/${draft.id}`);
  await expect(page.getByRole('button', { name: 'Ubah' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tandai ditandatangani' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Batalkan PKS' })).toHaveCount(0);

  await page.goto(`${app.url}#/mitra/${partner.id}`);
  await expect(page.getByRole('button', { name: 'Ubah', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ubah status' })).toHaveCount(0);

  await page.goto(`${app.url}#/klien/${client.id}`);
  await expect(page.getByRole('button', { name: 'Ubah', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ubah status' })).toHaveCount(0);

  // The client form: the PK picker offers the admin and the petugas only; the phase is the PK's decision.
  await page.goto(`${app.url}#/klien/${client.id}/ubah`);
  await expect(page.getByRole('textbox', { name: 'Tahap bimbingan' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'PK penanggung jawab' }).click();
  await expect(page.getByRole('option')).toHaveText(['Rina Petugas', 'Siti Rahmawati']);

  const other = await browser.newPage();
  await signIn(other, app, 'kepala', 'sandi-kantor-123');
  await other.getByRole('link', { name: 'Log audit' }).click();
  await expect(other.getByTestId('forbidden')).toHaveCount(0);
  await expect(other.getByRole('heading', { name: 'Log audit' })).toBeVisible();
  await other.close();
});
