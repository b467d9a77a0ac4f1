import { addDays, addMonths } from '../../shared/agreements';
import type { Page } from '@playwright/test';
import { CLIENT } from '../support/fixtures';
import { expect, setUpOffice, signIn, test } from './fixtures';

const today = new Date().toISOString().slice(0, 10);

/** Opens a page of the app as a link would. */
const go = (page: Page, path: string) =>
  page.evaluate((p) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = p;
  }, path);
const client = (registerNumber: string, name: string, start: string, end: string, reportingFrom: string | null) => ({
  data: { ...CLIENT, registerNumber, name, nik: '', supervisionStart: start, supervisionEnd: end, decisionDate: start, reportingFrom },
  statusDate: start,
});

test('an ended client is listed as not closed and closed in two clicks; a back-registered client shows no missed reports; the count of missed reports is the rows listed', async ({
  page,
  app,
}) => {
  const admin = await setUpOffice(app);
  const ended = await app.rpc('clients.create', client('PB-010/2025', 'Agus Salim', addMonths(today, -12), addDays(today, -1), null), admin);
  // Supervision began fourteen months ago; entered today, so counted from today.
  const moved = await app.rpc('clients.create', client('PB-011/2025', 'Dewi Lestari', addMonths(today, -14), addMonths(today, 10), null), admin);
  // Kept in the app since its start eight months ago, never reported.
  const kept = await app.rpc('clients.create', client('PB-012/2025', 'Rudi Hartono', addMonths(today, -8), addMonths(today, 4), addMonths(today, -8)), admin);

  await signIn(page, app);
  await expect(page.getByTestId('home-supervision-ended')).toContainText('1 klien masa bimbingannya berakhir, belum ditutup');
  await page.getByTestId('home-supervision-ended').getByRole('button', { name: 'Buka daftar' }).click();
  const list = page.getByTestId('ended-table');
  await expect(list).toContainText('Agus Salim');
  await expect(page.getByTestId('overdue-table')).toBeHidden();

  // Click one: the confirmation, with the reason written out.
  await list.getByTestId('close-ended').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Alasan')).toHaveValue(/^Masa bimbingan berakhir pada \d{1,2} \S+ \d{4}$/);
  // Click two: closed as selesai.
  await dialog.getByRole('button', { name: 'Tutup sebagai selesai' }).click();
  await expect(page.getByText('Tidak ada klien yang masa bimbingannya berakhir tanpa ditutup.')).toBeVisible();
  expect((await app.rpc('clients.get', { id: ended.id }, admin)).status).toBe('selesai');
  await expect(page.getByTestId('ended-tab')).toContainText('(0)');

  // The back-registered client: nothing missed, and the page says from when it counts.
  await go(page, `/klien/${moved.id}`);
  const panel = page.getByTestId('reporting-panel');
  await expect(panel).toContainText('Wajib lapor dihitung sejak');
  await expect(panel).not.toContainText('kali tidak lapor');
  await expect(panel.locator('[data-status="missed"]')).toHaveCount(0);

  // However long the run of missed reports, the page lists each one it counts.
  const { missedStreak } = await app.rpc('checkins.ofClient', { id: kept.id }, admin);
  expect(missedStreak).toBeGreaterThan(4);
  await go(page, `/klien/${kept.id}`);
  await expect(panel).toContainText(`${missedStreak} kali tidak lapor`);
  await expect(panel.locator('[data-status="missed"]')).toHaveCount(missedStreak);
});
