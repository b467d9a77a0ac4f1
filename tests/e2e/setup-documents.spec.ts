import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { STANDARD_ARTICLES, STANDARD_LEGAL_BASES } from '../../shared/agreementTemplate';
import { CLIENT, PARTNER, SETUP } from '../support/fixtures';
import { ADMIN_PASSWORD, expect, pick, signIn, test, type RunningApp } from './fixtures';

const year = new Date().getFullYear();
const HEAD = { headName: 'Drs. Hendra Saputra, M.Si.', headNip: '197001011995031001', headPosition: 'Kepala Pos Bapas Curup' };

/** The text of each page of a PDF, as pdf.js reads it. */
async function pagesOf(data: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  return pages;
}

/** An office with its head, an aktif partner, a signed PKS from the standard template (with `extra` text in its last pasal) and a client. */
async function arrange(app: RunningApp, extra = '') {
  await app.rpc('setup.complete', { ...SETUP, office: { ...SETUP.office, ...HEAD } });
  const admin = (await app.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
  const partner = await app.rpc('partners.create', { ...PARTNER, status: 'aktif', services: ['pelatihan_keterampilan'] }, admin);
  const data = {
    partnerId: partner.id,
    subject: 'Pelatihan keterampilan Klien',
    signDate: `${year}-01-02`,
    startDate: `${year}-01-02`,
    termMonths: 24,
    bidang: ['kemandirian_kepribadian' as const],
    services: ['pelatihan_keterampilan'],
    officeSignatory: { name: 'Drs. Hendra Saputra', nip: HEAD.headNip, position: 'Kepala Pos Bapas Curup' },
    partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan Pondok Pesantren' },
    legalBases: [...STANDARD_LEGAL_BASES],
    articles: STANDARD_ARTICLES.map((a, i) => ({ ...a, body: i === STANDARD_ARTICLES.length - 1 ? `${a.body}${extra}` : a.body })),
  };
  const agreement = await app.rpc('agreements.create', { data, number: { mode: 'auto' } }, admin);
  await app.rpc('agreements.sign', { id: agreement.id, signedOn: `${year}-01-02` }, admin);
  return { admin, partner, agreement, data };
}

test('the setup wizard asks for the head of office and the office contacts, and shows the kop as it will print, each line once', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Nama kantor').fill('Pos Bapas Curup');
  await page.getByLabel('Kode kantor').fill('CRP');
  await page.getByLabel('Nama Bapas induk').fill('Bapas Kelas I Bengkulu');
  await expect(page.getByRole('textbox', { name: 'Kelas Bapas induk' })).toHaveValue('Kelas I');
  await page.getByLabel('Kantor Wilayah').fill('Kantor Wilayah Direktorat Jenderal Pemasyarakatan Bengkulu');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // The kop typed out whole, as letterheads are written: the Kantor Wilayah and the office among the lines.
  await page.getByLabel('Baris kop surat 3').fill('KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN BENGKULU');
  await page.getByLabel('Baris kop surat 4').fill('POS BAPAS CURUP');
  await page.getByLabel('Alamat kantor').fill('Jl. S. Sukowati No. 1, Curup');
  await page.getByLabel('Telepon kantor').fill('(0732) 21234');
  await page.getByLabel('Pos-el kantor').fill('posbapas.curup@example.go.id');
  await page.getByLabel('Kota (untuk tanggal surat)').fill('Curup');
  const preview = page.getByTestId('kop-preview');
  await expect(preview.locator('[data-kop-line]')).toHaveText([
    'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA',
    'DIREKTORAT JENDERAL PEMASYARAKATAN',
    'KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN BENGKULU',
    'POS BAPAS CURUP',
    'Jl. S. Sukowati No. 1, Curup',
    'Telepon (0732) 21234, Pos-el posbapas.curup@example.go.id',
  ]);
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await page.getByLabel('Nama kepala kantor').fill(HEAD.headName);
  await page.getByLabel('NIP kepala kantor').fill(HEAD.headNip);
  await page.getByLabel('Jabatan kepala kantor').fill(HEAD.headPosition);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await pick(page, 'Kabupaten/kota wilayah kerja', /Rejang Lebong/, 'Rejang');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Nama lengkap').fill('Siti Rahmawati');
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel(/^Kata sandi/).fill(ADMIN_PASSWORD);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();

  const admin = (await app.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
  const { office } = await app.rpc('settings.get', {}, admin);
  expect(office).toMatchObject({ ...HEAD, phone: '(0732) 21234', email: 'posbapas.curup@example.go.id', parentClass: 'I' });
});

test('"Simpan PDF" of a PKS prints the closing on the page of the signatures, however long the pasal before them', async ({ page, app }) => {
  const { admin, agreement, data } = await arrange(app);
  await signIn(page, app);
  await page.goto(`${app.url}#/pks/${agreement.id}`);
  await page.getByRole('button', { name: 'Pratinjau dokumen' }).click();
  await expect(page.getByTestId('verification-code')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Simpan PDF' }).click()]);
  const closingWithSignatures = (pages: string[]) => {
    const closing = pages.findIndex((p) => p.includes('Demikian Perjanjian Kerja Sama'));
    // "PIHAK KEDUA," (with its comma) opens the signature block; the names stand under it.
    const signatures = pages.findIndex((p) => p.includes('PIHAK KEDUA,'));
    const names = pages.findLastIndex((p) => p.includes('KH. Ahmad Fauzi') && p.includes('Drs. Hendra Saputra'));
    return { closing, signatures, names };
  };
  const printed = closingWithSignatures(await pagesOf(await readFile(await download.path())));
  expect(printed.closing).toBeGreaterThan(0);
  expect([printed.signatures, printed.names]).toEqual([printed.closing, printed.closing]);

  // The same print path, with the last pasal a line longer each time, moves the page break across the closing and the signatures.
  const line = ' Para pihak sepakat melaksanakan ketentuan ini dengan sebaik-baiknya dan penuh tanggung jawab.';
  for (let n = 1; n <= 16; n++) {
    const articles = data.articles.map((a, i) => (i === data.articles.length - 1 ? { ...a, body: `${a.body}\n${line.repeat(n * 2)}` } : a));
    const draft = await app.rpc('agreements.create', { data: { ...data, articles }, number: { mode: 'auto' } }, admin);
    const pdf = await app.rpc('agreements.document', { id: draft.id, paper: 'F4', format: 'pdf', paraf: false }, admin);
    const at = closingWithSignatures(await pagesOf(Buffer.from(pdf.base64, 'base64')));
    expect({ n, pages: [at.signatures, at.names] }).toEqual({ n, pages: [at.closing, at.closing] });
  }
});

test('the surat pengantar prints on one page, with its QR code and the head of office signing', async ({ page, app }) => {
  const { admin, partner } = await arrange(app);
  const client = await app.rpc(
    'clients.create',
    { data: { ...CLIENT, supervisionStart: `${year}-01-15`, supervisionEnd: `${year + 1}-06-30`, decisionDate: `${year}-01-10` }, statusDate: `${year}-01-15` },
    admin,
  );
  const { referral } = await app.rpc(
    'referrals.create',
    {
      clientId: client.id,
      partnerId: partner.id,
      service: 'pelatihan_keterampilan',
      date: `${year}-02-03`,
      goal: 'Sertifikat las dasar dan pengalaman kerja di bengkel mitra',
    },
    admin,
  );
  await signIn(page, app);
  await page.goto(`${app.url}#/rujukan/${referral.id}`);
  await page.getByRole('button', { name: 'Surat pengantar' }).click();
  await expect(page.getByTestId('verification-code')).toBeVisible();
  for (const paper of ['F4', 'A4']) {
    await page.getByText(paper === 'A4' ? 'A4' : 'F4 / Folio', { exact: true }).click();
    await expect(page.getByTestId('verification-code')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Simpan PDF' }).click()]);
    const pages = await pagesOf(await readFile(await download.path()));
    expect({ paper, pages: pages.length }).toEqual({ paper, pages: 1 });
    expect(pages[0]).toContain(`${HEAD.headName} NIP ${HEAD.headNip}`);
    expect(pages[0]).toMatch(/Kode verifikasi [0-9A-Z]{5}-[0-9A-Z]{5} \(versi 1/);
  }
});

test('an officer changes their own password from the user menu, and an admin sets the PKS number template and warning days in Pengaturan', async ({
  page,
  app,
}) => {
  await app.rpc('setup.complete', SETUP);
  await signIn(page, app);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ganti kata sandi' });
  await dialog.getByLabel(/^Kata sandi sekarang/).fill(ADMIN_PASSWORD);
  await dialog.getByLabel(/^Kata sandi baru/).fill('pendek');
  await dialog.getByLabel(/^Ulangi kata sandi/).fill('pendek');
  await dialog.getByRole('button', { name: 'Ganti kata sandi' }).click();
  // The rule of the new password comes from the schema the main process applies.
  await expect(dialog.getByText('Kata sandi minimal 8 karakter.')).toBeVisible();
  await dialog.getByLabel(/^Kata sandi baru/).fill('sandi-baru-kantor-2');
  await dialog.getByLabel(/^Ulangi kata sandi/).fill('sandi-baru-kantor-2');
  await dialog.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(page.getByText('Kata sandi Anda telah diganti.')).toBeVisible();
  await expect(dialog).toBeHidden();
  const admin = (await app.rpc('auth.login', { username: 'admin', password: 'sandi-baru-kantor-2' })).token;

  await page.getByRole('link', { name: 'Pengaturan' }).click();
  const panel = page.getByTestId('agreement-settings');
  await panel.getByLabel('Templat nomor').fill('{seq:3}/PKS-{office_code}/{tahun}');
  await expect(panel.getByTestId('settings-number-preview')).toHaveText('Penanda tidak dikenal: {tahun}.');
  await panel.getByLabel('Templat nomor').fill('{seq:3}/PKS-{office_code}/{year}');
  await expect(panel.getByTestId('settings-number-preview')).toHaveText(`Nomor berikutnya: 001/PKS-CRP/${year}`);
  await panel.getByLabel(/^Tandai "akan berakhir"/).fill('90');
  await panel.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  expect(await app.rpc('agreements.settings', {}, admin)).toEqual({ numberTemplate: '{seq:3}/PKS-{office_code}/{year}', warnDays: 90 });
});
