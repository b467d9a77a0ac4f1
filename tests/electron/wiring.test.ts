import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { FakeBrowserWindow, FakeFrame, makeFakeElectron, type FakeElectron } from './fake-electron';

// One object is the mocked module; each test refills it, so every import sees the current fake.
const fake: FakeElectron = makeFakeElectron();
vi.mock('electron', () => fake);

beforeEach(() => {
  Object.assign(fake, makeFakeElectron());
  FakeBrowserWindow.created = [];
  vi.resetModules();
});

describe('main window', () => {
  it('runs the page sandboxed, isolated, without Node, with our preload', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    const win = createMainWindow('/app/out/electron/preload.cjs') as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(win.loadedUrl).toBe('app://mitra/index.html');
  });

  it('refuses navigation away from the app and new windows; web links go to the system browser', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    const win = createMainWindow('/p') as unknown as FakeBrowserWindow;
    const navigate = (url: string) => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      win.webContents.emit('will-navigate', event, url);
      return event.prevented;
    };
    expect(navigate('https://example.org/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://other/index.html')).toBe(true);
    expect(navigate('app://mitra/index.html#/mitra')).toBe(false);
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler!({ url: 'file:///C:/Windows' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://example.org/']);
  });

  it('denies every permission request', async () => {
    const { denyPermissions } = await import('../../electron/main/window');
    denyPermissions(fake.session.defaultSession as never);
    const cb = vi.fn();
    fake.permission.request!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(fake.permission.check!(null, 'geolocation')).toBe(false);
  });
});

describe('app:// protocol', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mitra-proto-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mitra Lipas</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('serves the renderer with the CSP header and refuses paths outside it', async () => {
    const { handleAppProtocol, registerAppScheme } = await import('../../electron/main/protocol');
    registerAppScheme();
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    handleAppProtocol(root);
    const get = (url: string) => fake.protocol.handlers.get('app')!({ url });
    const index = await get('app://mitra/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect((await get('app://mitra/assets/app.js')).headers.get('content-type')).toContain('javascript');
    for (const bad of [
      'app://mitra/../../etc/passwd',
      'app://mitra/%2e%2e/%2e%2e/etc/passwd',
      'app://mitra/..%2f..%2fetc%2fpasswd',
      'app://evil/index.html',
      'app://mitra/nope.js',
    ]) {
      const r = await get(bad);
      expect(r.status, bad).toBe(404);
    }
  });
});

describe('IPC', () => {
  async function setup() {
    const { registerRpc } = await import('../../electron/main/ipc');
    const win = new FakeBrowserWindow({});
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
    registerRpc(fake.ipcMain as never, dispatch, () => win as never);
    const handler = fake.ipcMain.handlers.get('rpc')!;
    return { win, dispatch, handler };
  }

  it('dispatches a call from our own page', async () => {
    const { win, dispatch, handler } = await setup();
    const r = await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, { method: 'app.status', input: {}, token: null });
    expect(r).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith({ method: 'app.status', input: {}, token: null });
  });

  it('refuses a subframe, a foreign page, another window and a missing frame without dispatching', async () => {
    const { win, dispatch, handler } = await setup();
    const other = new FakeBrowserWindow({});
    const cases = [
      { sender: win.webContents, senderFrame: new FakeFrame('app://mitra/index.html') },
      { sender: win.webContents, senderFrame: Object.assign(win.webContents.mainFrame, { url: 'https://evil.example/' }) },
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const event of cases) {
      expect(await handler(event, { method: 'users.list', input: {}, token: 't' })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'auth.forbidden' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('single instance', () => {
  it('quits at once when another instance holds the lock', async () => {
    Object.assign(fake, makeFakeElectron({ gotLock: false }));
    const { bootstrap } = await import('../../electron/main/main');
    bootstrap();
    expect(fake.app.quitCalled).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('brings the existing window forward on a second launch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mitra-userdata-'));
    fake.app.getPath = () => dir;
    const { bootstrap } = await import('../../electron/main/main');
    bootstrap();
    await new Promise((r) => setTimeout(r, 50));
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const win = FakeBrowserWindow.created[0]!;
    win.minimized = true;
    fake.app.emit('second-instance');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    fake.app.emit('will-quit');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('preload', () => {
  it('exposes one invoke function and forwards only the envelope fields', async () => {
    await import('../../electron/preload/preload');
    const api = fake.contextBridge.exposed.mitra as { invoke: (e: unknown) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['invoke']);
    await api.invoke({ method: 'app.status', input: {}, token: null, extra: 'dropped' });
    expect(fake.ipcRenderer.sent).toEqual([['rpc', { method: 'app.status', input: {}, token: null }]]);
  });
});
