import type { Page } from '@playwright/test';
import { CURRENT_CLIENT, expect, setUpOffice, signIn, test, type RunningApp } from './fixtures';
import { PARTNER } from '../support/fixtures';

/** Twelve partners with the longest labels the list shows (status "Terverifikasi", no agreement, long services). */
async function twelvePartners(app: RunningApp, token: string) {
  const statuses = ['calon', 'terverifikasi', 'aktif', 'nonaktif'] as const;
  for (let i = 0; i < 12; i++) {
    await app.rpc(
      'partners.create',
      {
        ...PARTNER,
        name: `Yayasan Pembinaan Mandiri Sejahtera ${i + 1}`,
        status: statuses[i % 4],
        services: ['bimbingan_keagamaan', 'pelatihan_keterampilan', 'penyuluhan_hukum'],
        bidang: ['kemandirian_kepribadian', 'hukum_kemasyarakatan'],
      } as never,
      token,
    );
  }
}

/** Nothing in `selector` is cut off: each element's content fits in its own box. */
async function clipped(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''));
}

test('the partner list shows ten rows without scrolling sideways and no badge is cut off, at 1366×768', async ({ page, app }) => {
  const token = await setUpOffice(app);
  await twelvePartners(app, token);
  await signIn(page, app);
  await page.getByRole('link', { name: 'Mitra', exact: true }).click();
  const table = page.getByTestId('partner-table');
  await expect(table.getByText('Yayasan Pembinaan Mandiri Sejahtera 12')).toBeVisible();
  const box = await table.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
  // Rows wholly inside the table's visible area, without scrolling it.
  const screenHeight = page.viewportSize()!.height;
  const fullyVisible = await table.evaluate((el, innerHeight) => {
    const view = el.getBoundingClientRect();
    return [...el.querySelectorAll('tbody tr[data-index]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= view.top && b.bottom <= Math.min(view.bottom, innerHeight);
    }).length;
  }, screenHeight);
  expect(fullyVisible).toBeGreaterThanOrEqual(10);
  expect(await clipped(page, '.mantine-Badge-label')).toEqual([]);
  expect(await clipped(page, '.mantine-Select-input, .mantine-TextInput-input')).toEqual([]);
});

test('the referral register filters by status and partner', async ({ page, app }) => {
  const token = await setUpOffice(app);
  const a = await app.rpc('partners.create', { ...PARTNER, status: 'aktif', capacity: 5 } as never, token);
  const b = await app.rpc('partners.create', { ...PARTNER, name: 'Bengkel Maju Jaya', status: 'aktif', capacity: 5 } as never, token);
  const client = await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: '2025-01-15' } as never, token);
  const other = await app.rpc(
    'clients.create',
    { data: { ...CURRENT_CLIENT, registerNumber: 'PB-002/2025', name: 'Andi Wijaya', nik: '' }, statusDate: '2025-01-15' } as never,
    token,
  );
  const refer = (clientId: string, partnerId: string) =>
    app.rpc(
      'referrals.create',
      { clientId, partnerId, service: 'pelatihan_keterampilan', date: '2025-03-03', overrideReason: 'Disetujui Kepala' } as never,
      token,
    );
  await refer(client.id, a.id);
  const r2 = (await refer(other.id, b.id)).referral;
  await app.rpc('referrals.setStatus', { id: r2.id, expectedUpdatedAt: r2.updatedAt, status: 'diterima', date: '2025-03-04' } as never, token);

  await signIn(page, app);
  await page.getByRole('link', { name: 'Register rujukan' }).click();
  const register = page.getByTestId('referral-register');
  await expect(register.getByText('Budi Santoso')).toBeVisible();
  await expect(register.getByText('Andi Wijaya')).toBeVisible();
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Diterima' }).click();
  await expect(register.getByText('Budi Santoso')).toBeHidden();
  await expect(register.getByText('Andi Wijaya')).toBeVisible();
  await page.getByRole('textbox', { name: 'Status' }).hover();
  await page.locator('.mantine-Select-section button').first().click();
  await page.getByRole('textbox', { name: 'Mitra' }).click();
  await page.getByRole('option', { name: 'Pondok Pesantren Al-Hikmah' }).click();
  await expect(register.getByText('Andi Wijaya')).toBeHidden();
  await expect(register.getByText('Budi Santoso')).toBeVisible();
  expect(await clipped(page, '.mantine-Badge-label')).toEqual([]);
});

test('Ctrl+K finds a client by register number and opens them', async ({ page, app }) => {
  const token = await setUpOffice(app);
  await app.rpc('clients.create', { data: CURRENT_CLIENT, statusDate: '2025-01-15' } as never, token);
  await signIn(page, app);
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Cari mitra, klien, PKS… (Ctrl+K)').fill('PB-001');
  await page.getByRole('button', { name: /Budi Santoso/ }).click();
  await expect(page.getByRole('heading', { name: 'Budi Santoso' })).toBeVisible();
});
