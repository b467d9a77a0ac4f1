import { describe, expect, it, vi } from 'vitest';
import { makeFakeElectron } from './fake-electron';

const fake = makeFakeElectron();
vi.mock('electron', () => fake);

interface Item {
  label?: string;
  role?: string;
  click?: () => void;
  submenu?: Item[];
}

async function menu(isPackaged: boolean, showAbout = () => undefined) {
  const { buildMenu } = await import('../../electron/main/menu');
  return (buildMenu({ isPackaged, appVersion: '1.2.3', showAbout }) as unknown as { template: Item[] }).template;
}
const roles = (items: Item[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
const find = (items: Item[], label: string) => items.find((i) => i.label === label);

describe('application menu', () => {
  it('is in Indonesian: Berkas/Keluar, Tampilan/Muat ulang/Perbesar/Perkecil, Bantuan/Tentang', async () => {
    const template = await menu(true);
    expect(find(find(template, 'Berkas')!.submenu!, 'Keluar')?.role).toBe('quit');
    const view = find(template, 'Tampilan')!.submenu!;
    expect(find(view, 'Muat ulang')?.role).toBe('reload');
    expect(find(view, 'Perbesar')?.role).toBe('zoomIn');
    expect(find(view, 'Perkecil')?.role).toBe('zoomOut');
    expect(find(template, 'Bantuan')!.submenu![0]!.label).toMatch(/^Tentang Mitra Lipas 1\.2\.3$/);
  });

  it('offers developer tools only in a development build', async () => {
    expect(roles(await menu(true))).not.toContain('toggleDevTools');
    expect(roles(await menu(false))).toContain('toggleDevTools');
  });

  it('shows the about box from Bantuan', async () => {
    const showAbout = vi.fn();
    const template = await menu(true, showAbout);
    find(template, 'Bantuan')!.submenu![0]!.click!();
    expect(showAbout).toHaveBeenCalledOnce();
  });
});
