import { CLIENT, PARTNER } from '../support/fixtures';
import { expect, pick, setUpOffice, signIn, test, type RunningApp } from './fixtures';

const year = new Date().getFullYear();

/** An aktif partner with an agreement in force this year and next covering skills training, and an active client. */
async function arrange(app: RunningApp) {
  const admin = await setUpOffice(app);
  const partner = await app.rpc(
    'partners.create',
    { ...PARTNER, status: 'aktif', capacity: 3, services: ['bimbingan_keagamaan', 'pelatihan_keterampilan'] },
    admin,
  );
  const agreement = await app.rpc(
    'agreements.create',
    {
      data: {
        partnerId: partner.id,
        subject: 'Pelatihan keterampilan Klien',
        signDate: `${year}-01-02`,
        startDate: `${year}-01-02`,
        termMonths: 24,
        bidang: ['kemandirian_kepribadian'],
        services: ['pelatihan_keterampilan'],
        officeSignatory: { name: 'Drs. Hendra Saputra', nip: '', position: 'Kepala' },
        partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
      },
      number: { mode: 'auto' },
    },
    admin,
  );
  // The automatic number is given at the signing.
  const signed = await app.rpc('agreements.sign', { id: agreement.id, signedOn: `${year}-01-02` }, admin);
  const client = await app.rpc(
    'clients.create',
    { data: { ...CLIENT, supervisionStart: `${year}-01-15`, supervisionEnd: `${year + 1}-06-30`, decisionDate: `${year}-01-10` }, statusDate: `${year}-01-15` },
    admin,
  );
  return { admin, partner, client, agreementNumber: signed.officeNumber };
}

test('an officer refers a client to a suggested partner, is told when the agreement does not cover a service, and follows the referral through', async ({
  page,
  app,
}) => {
  const { agreementNumber } = await arrange(app);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Klien', exact: true }).click();
  await page.getByTestId('client-table').getByText(CLIENT.name).click();
  await page.getByRole('button', { name: 'Rujuk ke mitra' }).click();

  // Religious guidance: the partner offers it, but its agreement does not cover it.
  await pick(page, 'Layanan', 'Bimbingan keagamaan', 'keagamaan');
  await expect(page.getByText(/Tidak ada mitra aktif dengan PKS berlaku untuk Bimbingan keagamaan/)).toBeVisible();
  await pick(page, 'Mitra', PARTNER.name);
  await expect(page.getByTestId('referral-check')).toContainText('PKS mitra yang berlaku tidak mencakup layanan ini.');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('PKS mitra yang berlaku tidak mencakup layanan ini.').first()).toBeVisible();

  // Skills training: the partner is suggested (same kabupaten, matches the client's interest) and covered.
  await pick(page, 'Layanan', 'Pelatihan keterampilan', 'pelatihan');
  await expect(page.getByTestId('suggestions')).toContainText(PARTNER.name);
  await expect(page.getByTestId('suggestions')).toContainText('sesuai minat klien');
  await page.getByTestId('suggestions').getByText(PARTNER.name).click();
  await expect(page.getByTestId('referral-check')).toContainText(`Dicakup PKS ${agreementNumber}.`);
  await page.getByLabel('Tujuan').fill('Sertifikat las listrik');
  await page.getByRole('button', { name: 'Simpan' }).click();

  await expect(page.getByTestId('referral-status')).toHaveText('Diusulkan');
  for (const status of ['Diterima', 'Berjalan']) {
    await page.getByRole('button', { name: 'Ubah status rujukan' }).click();
    await pick(page, 'Status baru', status);
    await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByTestId('referral-status')).toHaveText(status);
  }

  // The cover letter prints through the document engine, with its verification code.
  await page.getByRole('button', { name: 'Surat pengantar' }).click();
  const frame = page.frameLocator('[data-testid="document-frame"]');
  await expect(frame.getByText(/Penyaluran Klien Pemasyarakatan untuk Pelatihan keterampilan/)).toBeVisible();
  await expect(frame.getByText('Budi Santoso', { exact: true })).toBeVisible();
  await expect(page.getByTestId('verification-code')).toContainText('versi 1');
  await page.keyboard.press('Escape');

  // The client's timeline shows the referral's steps.
  await page.getByRole('button', { name: 'Ke klien' }).click();
  await expect(page.getByTestId('client-timeline')).toContainText('Rujukan: Berjalan');
  await expect(page.getByTestId('client-timeline')).toContainText(`${PARTNER.name} · Pelatihan keterampilan`);
});
