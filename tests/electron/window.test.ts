import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, makeFakeElectron, type FakeElectron } from './fake-electron';

// One object is the mocked module; each test refills it, so every fresh import sees the current fake.
const fake: FakeElectron = makeFakeElectron();
vi.mock('electron', () => fake);

beforeEach(() => {
  Object.assign(fake, makeFakeElectron());
  vi.resetModules();
});

const load = () => import('../../electron/main/window');

describe('main window', () => {
  it('runs the page sandboxed, isolated, without Node, with our preload, on app://mitra', async () => {
    const { createMainWindow } = await load();
    const win = createMainWindow('/app/out/electron/preload.cjs') as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700 });
    expect(win.options.webPreferences).toEqual({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(win.loadedUrl).toBe('app://mitra/index.html');
  });

  it('shows the window only once the page has painted', async () => {
    const { createMainWindow } = await load();
    const win = createMainWindow('/p') as unknown as FakeBrowserWindow;
    expect(win.options.show).toBe(false);
    expect(win.calls).toEqual([]);
    win.emit('ready-to-show');
    expect(win.calls).toEqual(['show']);
  });
});

describe('navigation', () => {
  it('keeps navigations and redirects on app://mitra', async () => {
    const { hardenContents } = await load();
    const contents = new FakeWebContents();
    hardenContents(contents as never);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.prevents(event, 'https://example.org/'), event).toBe(true);
      expect(contents.prevents(event, 'file:///etc/passwd'), event).toBe(true);
      expect(contents.prevents(event, 'app://other/index.html'), event).toBe(true);
      expect(contents.prevents(event, 'javascript:alert(1)'), event).toBe(true);
      expect(contents.prevents(event, 'app://mitra/index.html#/mitra'), event).toBe(false);
    }
    expect(contents.prevents('will-attach-webview', {}, {})).toBe(true);
  });

  it('opens no window; a web link goes to the system browser, any other link nowhere', async () => {
    const { hardenContents } = await load();
    const contents = new FakeWebContents();
    hardenContents(contents as never);
    const open = contents.windowOpenHandler!;
    for (const url of [
      'https://example.org/',
      'http://kemenimipas.go.id/',
      'file:///C:/Windows/win.ini',
      'app://mitra/index.html',
      'smb://server/share',
      'not a url',
    ]) {
      expect(open({ url }), url).toEqual({ action: 'deny' });
    }
    expect(fake.shell.opened).toEqual(['https://example.org/', 'http://kemenimipas.go.id/']);
  });

  it('registers its listeners once even when applied twice', async () => {
    const { hardenContents } = await load();
    const contents = new FakeWebContents();
    hardenContents(contents as never);
    hardenContents(contents as never);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', async () => {
    const { denyPermissions } = await load();
    denyPermissions(fake.session.defaultSession as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      fake.permission.request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.permission.check!(null, permission)).toBe(false);
    }
  });
});

describe('focusWindow', () => {
  it('restores a minimised window and brings it forward', async () => {
    const { focusWindow } = await load();
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    focusWindow(win as never);
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does nothing before the window exists', async () => {
    const { focusWindow } = await load();
    expect(() => focusWindow(null)).not.toThrow();
  });
});
