import type { Page } from '@playwright/test';
import { PARTNER } from '../support/fixtures';
import { expect, setUpOffice, signIn, test } from './fixtures';

const SNAKE = /\b[a-z]+_[a-z_]+\b/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A message key left untranslated: a known catalogue prefix, a dot, more dotted words. */
const RAW_KEY = /\b(audit|partners|record|common|status|category|bidang|clients|agreement|agreements|program|db|bundles|nav|v)\.[a-zA-Z_]+(\.[a-zA-Z_]+)*\b/;
const FIELD_CODE = /\b(leaderName|statusDate|regencyCode|contactName|skNumber|skDate|archivedAt)\b/;

/** What the officer sees on the screen (the app's own text, not the browser's chrome). */
async function readable(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(SNAKE);
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(RAW_KEY);
  expect(text).not.toMatch(FIELD_CODE);
}

test('partner history and the audit log read in labels and names, never codes, ids or message keys', async ({ page, app }) => {
  const admin = await setUpOffice(app);
  const p = await app.rpc('partners.create', PARTNER, admin);
  const { statusDate: _d, ...fields } = PARTNER;
  await app.rpc(
    'partners.update',
    { id: p.id, expectedUpdatedAt: p.updatedAt, data: { ...fields, category: 'instansi', leaderName: 'Drs. Hasan', phone: '0813 1111 2222' } },
    admin,
  );
  await app.rpc('partners.setStatus', { id: p.id, status: 'terverifikasi', date: '2025-03-05' }, admin);

  await signIn(page, app);
  await page.getByRole('link', { name: 'Mitra', exact: true }).click();
  await page.getByText(PARTNER.name).first().click();
  await expect(page.getByRole('heading', { name: PARTNER.name })).toBeVisible();
  await page.getByRole('tab', { name: 'Riwayat perubahan' }).click();
  const history = page.getByTestId('edit-history');
  await expect(history).toContainText('Nama pimpinan');
  await expect(history).toContainText('Instansi pemerintah');
  await expect(history).toContainText('+62 813-1111-2222');
  await expect(history).toContainText('5 Maret 2025');
  await expect(history).toContainText('Terverifikasi');
  await expect(history).toContainText('Bimbingan keagamaan');
  await readable(page);

  await page.getByRole('link', { name: 'Log audit' }).click();
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText(PARTNER.name);
  await readable(page);

  await page.getByTestId('audit-record').fill('Al-Hikmah');
  await expect(table.getByRole('row')).toHaveCount(4);
  await table
    .getByRole('row', { name: /Ubah Mitra/ })
    .first()
    .click();
  const detail = page.getByTestId('audit-detail');
  await expect(detail).toContainText('Kategori');
  await expect(detail).toContainText('Organisasi kemasyarakatan/kelompok sosial');
  await expect(detail).toContainText('Instansi pemerintah');
  await expect(detail).toContainText('+62 812-7345-6789');
  await readable(page);
  // The record's id is there for an administrator, behind "Detail teknis".
  await detail.getByRole('button', { name: 'Detail teknis' }).click();
  await expect(detail).toContainText(p.id);
});
