import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFakeElectron, type FakeBrowserWindow, type FakeElectron } from './fake-electron';

const fake: FakeElectron = makeFakeElectron();
vi.mock('electron', () => fake);

beforeEach(() => {
  Object.assign(fake, makeFakeElectron());
  vi.resetModules();
});

describe('Simpan PDF in the desktop app', () => {
  it('prints the HTML from a hidden, script-less window in its own session, at the CSS page size, and cleans up', async () => {
    const { printPdf } = await import('../../electron/main/pdf');
    const pdf = await printPdf('<!doctype html><p>PKS</p>');
    expect(pdf.toString()).toContain('%PDF');
    const win = fake.windows[0] as FakeBrowserWindow;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: 'mitra-print',
    });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loadedText).toBe('<!doctype html><p>PKS</p>');
    expect(win.webContents.pdfOptions).toMatchObject({ preferCSSPageSize: true, printBackground: true });
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loadedFile!)).toBe(false);
  });

  it('closes the window and removes the temporary file when printing fails', async () => {
    const { printPdf } = await import('../../electron/main/pdf');
    fake.app.on('web-contents-created', (_e, contents) => {
      (contents as FakeBrowserWindow['webContents']).pdfResult = () => Promise.reject(new Error('printer gone'));
    });
    await expect(printPdf('<p>x</p>')).rejects.toThrow('printer gone');
    const win = fake.windows[0] as FakeBrowserWindow;
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loadedFile!)).toBe(false);
  });
});
