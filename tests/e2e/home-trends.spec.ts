import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf } from '../../shared/contract';
import { MONTHS } from '../../shared/format';
import { PARENT_SETUP } from '../support/offices';
import { ADMIN_PASSWORD, CURRENT_CLIENT, expect, setUpOffice, signIn, startApp, test, type RunningApp } from './fixtures';

/** The office's today (the suite runs on the real clock; the fixture offices keep WIB). */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const MONTH = Number(TODAY.slice(5, 7));
const LAST_MONTH = MONTHS.id[(MONTH + 10) % 12]!;

/** A second client whose supervision begins today: aktif this month, not last month. */
const NEW_CLIENT = {
  ...CURRENT_CLIENT,
  registerNumber: 'PB-002/2025',
  name: 'Siti Aminah',
  nik: '1702096005900002',
  sex: 'P',
  birthDate: '1990-05-20',
  supervisionStart: TODAY,
} as const satisfies InputOf<'clients.create'>['data'];

async function register(from: RunningApp, fromToken: string, to: RunningApp, toToken: string) {
  const card = await from.rpc('keys.card', {}, fromToken);
  const { fingerprint } = await from.rpc('keys.own', {}, fromToken);
  await to.rpc('keys.register', { base64: card.base64, fingerprint } satisfies InputOf<'keys.register'>, toToken);
}

test('an officer sees this month against last month and opens the records behind a figure', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  await app.rpc(
    'users.create',
    { name: 'Rina Petugas', nip: '', position: '', username: 'rina', role: 'petugas', password: 'sandi-kantor-123', passwordConfirm: 'sandi-kantor-123' },
    admin,
  );
  await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CURRENT_CLIENT.supervisionStart }, admin);
  await app.rpc('clients.create', { data: NEW_CLIENT, statusDate: NEW_CLIENT.supervisionStart }, admin);

  await signIn(page, app, 'rina', 'sandi-kantor-123');
  const trends = page.getByTestId('home-trends');
  await expect(trends).toContainText(`s.d. ${Number(TODAY.slice(8, 10))} ${MONTHS.id[MONTH - 1]}`);
  for (const code of ['klien_aktif', 'rujukan_layanan', 'wl_kepatuhan']) await expect(page.getByTestId(`home-trend-${code}`)).toBeVisible();
  await expect(page.getByTestId('home-trend-klien_aktif-now')).toHaveText('2');
  await expect(page.getByTestId('home-trend-klien_aktif-before')).toHaveText('1');
  await expect(page.getByTestId('home-trend-klien_aktif-change')).toHaveText(`▲naik 1 dari ${LAST_MONTH}`);
  await expect(page.getByTestId('home-trend-rujukan_layanan-change')).toHaveText(`=sama dengan ${LAST_MONTH}`);

  // The number is a button: the keyboard opens it as a click does, with as many rows as it counts.
  await page.getByTestId('home-trend-klien_aktif-now').focus();
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('report-records-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('report-records-table')).toContainText(NEW_CLIENT.name);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('report-records-table')).toHaveCount(0);

  await page.getByTestId('home-trend-klien_aktif-before').click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('report-records-table')).toContainText(CURRENT_CLIENT.name);
});

test('a Bapas induk sees the trends in total and per office, a post’s figure opening that post’s records', async ({ page, app }) => {
  const postToken = await setUpOffice(app);
  const parent = await startApp();
  const stick = mkdtempSync(join(tmpdir(), 'mitra-usb-'));
  try {
    await parent.rpc('setup.complete', PARENT_SETUP);
    const parentToken = (await parent.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    await register(app, postToken, parent, parentToken);
    await register(parent, parentToken, app, postToken);
    await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: CURRENT_CLIENT.supervisionStart }, postToken);
    await app.rpc('bundles.export', { mode: 'incremental', withFiles: true, folder: stick }, postToken);
    const seen = await parent.rpc('bundles.inspect', { paths: [stick] }, parentToken);
    await parent.rpc('bundles.apply', { paths: [stick], accept: seen.map((s) => s.sha256!) }, parentToken);

    await signIn(page, parent);
    await expect(page.getByTestId('home-trend-klien_aktif-now')).toHaveText('1');
    const post = page.getByTestId('home-trend-office-CRP');
    await expect(post).toContainText('CRP');
    await expect(page.getByTestId('home-trend-CRP-klien_aktif-now')).toHaveText('1');
    await expect(page.getByTestId(`home-trend-${PARENT_SETUP.office.code}-klien_aktif-now`)).toHaveText('0');
    await expect(page.getByTestId('home-trend-total-klien_aktif-now')).toHaveText('1');

    await page.getByTestId('home-trend-CRP-klien_aktif-now').click();
    await expect(page.getByTestId('report-records-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('report-records-table')).toContainText(CURRENT_CLIENT.name);
  } finally {
    rmSync(stick, { recursive: true, force: true });
    await parent.close();
  }
});
