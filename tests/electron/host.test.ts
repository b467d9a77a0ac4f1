import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFakeElectron, type FakeElectron } from './fake-electron';

const fake: FakeElectron = makeFakeElectron();
vi.mock('electron', () => fake);

beforeEach(() => {
  Object.assign(fake, makeFakeElectron());
  vi.resetModules();
});

describe('the desktop host for bundles', () => {
  it('asks for a folder with a dialog modal to the window, and gives nothing back when cancelled', async () => {
    const { desktopHost } = await import('../../electron/main/host');
    const win = new fake.BrowserWindow({});
    const host = desktopHost(() => win as never);
    fake.dialog.openAnswer = { canceled: false, filePaths: ['E:\\'] };
    expect(await host.chooseFolder()).toBe('E:\\');
    expect(fake.dialog.opened[0]).toMatchObject({ withWindow: true, options: { properties: ['openDirectory', 'createDirectory'] } });
    fake.dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(await host.chooseFolder()).toBeNull();
  });

  it('asks for several bundle files, offering .mlpaket first, and reveals a written file in the file manager', async () => {
    const { desktopHost } = await import('../../electron/main/host');
    const host = desktopHost(() => null);
    fake.dialog.openAnswer = { canceled: false, filePaths: ['/media/usb/CRP-0001-2025-03-05.mlpaket', '/media/usb/CRP-0002-2025-04-05.mlpaket'] };
    expect(await host.chooseFiles()).toHaveLength(2);
    const { options } = fake.dialog.opened[0]!;
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect((options.filters as { extensions: string[] }[])[0]!.extensions).toEqual(['mlpaket']);
    host.reveal('/media/usb/CRP-0001-2025-03-05.mlpaket');
    expect(fake.shell.revealed).toEqual(['/media/usb/CRP-0001-2025-03-05.mlpaket']);
  });
});
