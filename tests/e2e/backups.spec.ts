import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, setUpOffice, signIn, test } from './fixtures';

test('the admin makes a backup, copies it to another folder, writes the Kunci Pemulihan down, and Beranda stops reminding', async ({ page, app }) => {
  await setUpOffice(app);
  const stick = mkdtempSync(join(tmpdir(), 'mitra-flashdisk-'));
  try {
    await signIn(page, app);
    await expect(page.getByTestId('home-backups-copy')).toContainText('Cadangan terakhir ke media lain: belum pernah');
    await expect(page.getByTestId('home-backups-recovery')).toBeVisible();
    await page.getByTestId('home-backups-copy').getByRole('button', { name: 'Buka Cadangan' }).click();
    await expect(page.getByRole('heading', { name: 'Cadangan data' })).toBeVisible();
    await expect(page.getByTestId('backup-list')).toContainText('Belum ada cadangan.');

    await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
    await expect(page.getByTestId('backup-list')).toContainText('Dibuat manual');
    await expect(page.getByTestId('backup-list')).toContainText('Terperiksa');

    await page.getByLabel('Folder tujuan').fill(stick);
    await page.getByRole('button', { name: 'Salin cadangan terbaru' }).click();
    await expect(page.getByTestId('backup-copy-done')).toContainText('Salinan selesai dan cocok dengan aslinya');
    expect(readdirSync(stick)).toHaveLength(1);
    await expect(page.getByTestId('backup-copy-last')).toContainText('hari ini');

    await page.getByRole('button', { name: 'Tampilkan Kunci Pemulihan' }).click();
    await expect(page.getByTestId('recovery-key-groups')).toHaveText(/^([0-9A-HJKMNP-TV-Z]{5} ){4}[0-9A-HJKMNP-TV-Z]{5}$/);
    await page.getByRole('button', { name: 'Sudah saya catat' }).click();
    await expect(page.getByRole('button', { name: 'Buat kunci pemulihan baru' })).toBeVisible();
    await expect(page.getByTestId('recovery-key-groups')).toHaveCount(0);

    await page.getByRole('link', { name: 'Beranda' }).click();
    await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();
    await expect(page.getByTestId('home-backups')).toHaveCount(0);
  } finally {
    if (existsSync(stick)) rmSync(stick, { recursive: true, force: true });
  }
});
