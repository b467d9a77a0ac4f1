import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PARTNER } from '../support/fixtures';
import { expect, pick, setUpOffice, signIn, test } from './fixtures';

/** 1 mm in PDF points. */
const MM = 72 / 25.4;

test('an officer registers a partner, drafts an agreement from the standard template, files the signed scan, saves the PDF, renews it and verifies the printed code', async ({
  page,
  app,
}) => {
  const admin = await setUpOffice(app);
  await signIn(page, app);
  // The partner is registered through its own screen first.
  await page.getByRole('link', { name: 'Mitra', exact: true }).click();
  await page.getByRole('button', { name: 'Tambah mitra' }).click();
  await page.getByLabel('Nama mitra').fill(PARTNER.name);
  await page.getByLabel('Kemandirian & Kepribadian').check();
  await pick(page, 'Layanan yang ditawarkan', 'Bimbingan keagamaan', 'keagamaan');
  await page.keyboard.press('Escape');
  await pick(page, 'Kabupaten/kota', 'Kabupaten Rejang Lebong');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name: PARTNER.name })).toBeVisible();

  await page.getByRole('link', { name: 'PKS', exact: true }).click();
  await page.getByRole('button', { name: 'Buat PKS' }).click();
  await pick(page, /^Mitra/, /Pondok Pesantren Al-Hikmah/);
  await expect(page.getByTestId('number-preview')).toContainText(
    /Nomor diberikan saat ditandatangani; nomor berikutnya saat ini: 001\/PKS\/CRP\/[IVX]+\/\d{4}/,
  );
  await pick(page, 'Layanan yang dicakup', 'Bimbingan keagamaan', 'keagamaan');
  await page.keyboard.press('Escape');
  const office = page.getByText('Penanda tangan kantor (PIHAK PERTAMA)').locator('..');
  await office.getByLabel('Nama').fill('Drs. Hendra Saputra');
  await office.getByLabel('Jabatan').fill('Kepala Bapas Kelas I Bengkulu');
  const partner = page.getByText('Penanda tangan mitra (PIHAK KEDUA)').locator('..');
  await partner.getByLabel('Nama').fill('KH. Ahmad Fauzi');
  await partner.getByLabel('Jabatan').fill('Pimpinan Pondok Pesantren');
  await expect(page.getByText('Pasal 9')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan' }).click();

  // The draft waits for its number: it is given when the signing is recorded.
  await expect(page.getByRole('heading', { name: 'PKS belum bernomor' })).toBeVisible();
  await expect(page.getByTestId('number-pending')).toHaveText('Nomor diberikan saat ditandatangani');
  await expect(page.getByTestId('agreement-status')).toHaveText('Draf');
  await expect(page.getByText('Pasal 8Keadaan Kahar')).toBeVisible();
  // Filing the signed scan (checked by content) turns the draft aktif.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'pks-ditandatangani.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.getByRole('button', { name: 'Unggah scan' }).click();
  await expect(page.getByTestId('agreement-status')).toHaveText('Aktif');
  await expect(page.getByRole('heading', { name: /^001\/PKS\/CRP\// })).toBeVisible();
  await expect(page.getByRole('button', { name: 'pks-ditandatangani.pdf' })).toBeVisible();

  // Print preview of the document inside the app, and the Word file from the same model.
  await page.getByRole('button', { name: 'Pratinjau dokumen' }).click();
  const frame = page.frameLocator('[data-testid="document-frame"]');
  await expect(frame.getByText('PERJANJIAN KERJA SAMA', { exact: true })).toBeVisible();
  await expect(frame.getByText(/Pada hari ini \w+ tanggal/)).toBeVisible();
  // The placeholders of the standard pasal are filled from this agreement.
  await expect(frame.getByText(/bersama Pondok Pesantren Al-Hikmah, dengan tujuan/)).toBeVisible();
  await expect(frame.getByText(/meliputi bimbingan keagamaan bagi Klien/)).toBeVisible();
  const code = (await page.getByTestId('verification-code').textContent())!.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)![0];
  await expect(frame.locator(`.verify[data-code="${code}"] svg.qr`)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^PKS-001_PKS_CRP_[IVX]+_\d{4}-F4\.docx$/);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  expect((await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).toContain('Keadaan Kahar');
  // "Simpan PDF": printed by the main side (Chromium here, Electron's printToPDF on the desktop) on F4.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Simpan PDF' }).click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^PKS-001_PKS_CRP_[IVX]+_\d{4}-F4\.pdf$/);
  const pdf = await getDocument({ data: new Uint8Array(await readFile(await pdfDownload.path())), useSystemFonts: true }).promise;
  const [, , w, h] = (await pdf.getPage(1)).view;
  expect([Math.round(w! / MM), Math.round(h! / MM)]).toEqual([215, 330]);
  const lastPage = await (await pdf.getPage(pdf.numPages)).getTextContent();
  expect(lastPage.items.map((it) => ('str' in it ? it.str : '')).join(' ')).toContain(`Kode verifikasi ${code}`);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Perpanjang' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Perpanjang' }).click();
  await expect(page.getByRole('heading', { name: 'PKS belum bernomor' })).toBeVisible();
  await expect(page.getByTestId('agreement-status')).toHaveText('Draf');
  await expect(page.getByText('Perpanjangan dari')).toBeVisible();

  // Another partner's agreement, so the list's partner filter has something to leave out.
  const other = await app.rpc('partners.create', { ...PARTNER, name: 'LBH Rejang Lebong', bidang: ['hukum_kemasyarakatan'], services: [] }, admin);
  await app.rpc(
    'agreements.create',
    {
      data: {
        partnerId: other.id,
        subject: 'Bantuan Hukum Klien',
        signDate: '2025-01-02',
        startDate: '2025-01-02',
        termMonths: 12,
        bidang: ['hukum_kemasyarakatan'],
        officeSignatory: { name: 'Drs. Hendra Saputra', nip: '', position: 'Kepala' },
        partnerSignatory: { name: 'Rina, S.H.', position: 'Direktur' },
      },
      number: { mode: 'manual', value: 'W7.PAS-12/PKS/2025' },
    },
    admin,
  );
  await page.getByRole('link', { name: 'PKS', exact: true }).click();
  const rows = page.getByTestId('agreement-table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await pick(page, 'Mitra', 'Pondok Pesantren Al-Hikmah');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('agreement-table')).not.toContainText('LBH Rejang Lebong');

  // The code printed on the PKS checks out on the verification screen, typed the sloppy way.
  await page.getByRole('link', { name: 'Verifikasi dokumen' }).click();
  await page.getByLabel('Kode verifikasi').fill(code.toLowerCase().replace('-', ''));
  await page.keyboard.press('Enter');
  const result = page.getByTestId('verify-result');
  await expect(result.getByText('Dokumen cocok')).toBeVisible();
  await expect(result).toContainText('Pondok Pesantren Al-Hikmah');
  await expect(result).toContainText('1 dari 1');
  await expect(result).toContainText('Aktif');
  await page.getByLabel('Kode verifikasi').fill('ABCDE-FGHJK');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verify-result').getByText('Kode tidak dikenal')).toBeVisible();
});

test('an admin keeps a pasal template; a misspelt placeholder is marked and refused; a new PKS starts from the chosen template', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc('partners.create', { ...PARTNER, status: 'aktif' }, admin);
  await signIn(page, app);
  await page.getByRole('link', { name: 'PKS', exact: true }).click();
  await page.getByRole('button', { name: 'Templat pasal' }).click();
  await expect(page.getByText('Standar')).toBeVisible();
  await page.getByRole('button', { name: 'Templat baru' }).click();
  await page.getByLabel('Nama templat').fill('Pelatihan kerja');
  // Start from the copy of the standard pasal, keep two and retype the second.
  const bodies = page.getByRole('textbox', { name: 'Isi pasal' });
  await expect(bodies).toHaveCount(9);
  for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Hapus' }).last().click();
  await expect(bodies).toHaveCount(2);
  await bodies.nth(1).fill('{mitra} melatih Klien dalam {layanan} selama {jangka_waktu} di {Tempat_latihan}.');
  await expect(page.getByTestId('unknown-placeholder')).toHaveText('Penanda tidak dikenal: {Tempat_latihan}');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Memuat penanda yang tidak dikenal').first()).toBeVisible();
  expect(await app.rpc('templates.list', {}, admin)).toHaveLength(1);
  await bodies.nth(1).fill('{mitra} melatih Klien dalam {layanan} selama {jangka_waktu}.');
  await expect(page.getByTestId('unknown-placeholder')).toHaveCount(0);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('link', { name: 'Pelatihan kerja' }).or(page.getByText('Pelatihan kerja')).first()).toBeVisible();
  await expect.poll(async () => (await app.rpc('templates.list', {}, admin)).map((x) => x.name)).toEqual(['Standar', 'Pelatihan kerja']);

  await page.getByRole('button', { name: 'Kembali ke daftar PKS' }).click();
  await page.getByRole('button', { name: 'Buat PKS' }).click();
  await expect(page.getByRole('textbox', { name: 'Isi pasal' })).toHaveCount(9);
  await pick(page, 'Templat pasal', 'Pelatihan kerja');
  await expect(page.getByRole('textbox', { name: 'Isi pasal' })).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: 'Isi pasal' }).nth(1)).toHaveValue('{mitra} melatih Klien dalam {layanan} selama {jangka_waktu}.');
});
