import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancellable, FakeWebContents, makeFakeElectron, type FakeElectron } from './fake-electron';

const fake: FakeElectron = makeFakeElectron();
vi.mock('electron', () => fake);

// The services are replaced by a recorder: this file checks how the shell starts them, not what they do.
const core = vi.hoisted(() => ({
  opened: [] as { dataDir: string; opts: { nativeBinding?: string } }[],
  failWith: null as Error | null,
  closed: 0,
  shutdowns: 0,
  /** Resolves the pending at-close backup. */
  finishBackup: () => undefined as void,
}));
vi.mock('../../electron/services/app', () => ({
  APP_VERSION: '9.9.9',
  createAppCore(dataDir: string, opts: { nativeBinding?: string }) {
    core.opened.push({ dataDir, opts });
    if (core.failWith) throw core.failWith;
    return {
      dispatch: async () => ({ ok: true, value: null }),
      close: () => void core.closed++,
      shutdown: () =>
        new Promise<void>((ok) => {
          core.shutdowns++;
          core.finishBackup = () => {
            core.closed++;
            ok();
          };
        }),
    };
  },
}));

const resourcesPath = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
beforeEach(() => {
  Object.assign(fake, makeFakeElectron());
  Object.assign(core, { opened: [], failWith: null, closed: 0, shutdowns: 0 });
  Object.defineProperty(process, 'resourcesPath', { value: '/install/resources', configurable: true });
  vi.resetModules();
});
afterEach(() => {
  if (resourcesPath) Object.defineProperty(process, 'resourcesPath', resourcesPath);
  else delete (process as { resourcesPath?: string }).resourcesPath;
});

async function start(opts: { gotLock?: boolean; isPackaged?: boolean } = {}) {
  Object.assign(fake, makeFakeElectron(opts));
  const { bootstrap } = await import('../../electron/main/main');
  bootstrap();
}

describe('single instance', () => {
  it('quits at once when another instance holds the lock, opening nothing', async () => {
    await start({ gotLock: false });
    expect(fake.app.quitCalled).toBe(true);
    await fake.becomeReady();
    expect(fake.windows).toHaveLength(0);
    expect(core.opened).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('brings the existing window forward on a second launch instead of opening another', async () => {
    await start();
    await fake.becomeReady();
    expect(fake.app.quitCalled).toBe(false);
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    win.minimized = true;
    fake.app.emit('second-instance', {}, ['Mitra Lipas.exe'], '/');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
    expect(fake.windows).toHaveLength(1);
    expect(core.opened).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('sandboxes every renderer and registers app:// before the app is ready', async () => {
    await start();
    expect(fake.log).toEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']);
    await fake.becomeReady();
    expect(fake.log.indexOf('ready')).toBe(3);
  });

  it('opens the database in the profile data folder with the Electron build of better-sqlite3, printing PDFs and choosing folders through Electron', async () => {
    await start();
    await fake.becomeReady();
    const { printPdf } = await import('../../electron/main/pdf');
    expect(core.opened).toEqual([
      {
        dataDir: join('/profile', 'data'),
        opts: {
          nativeBinding: join('/app', 'out', 'electron-native', 'better_sqlite3.node'),
          printPdf,
          host: expect.objectContaining({ chooseFolder: expect.any(Function) }),
        },
      },
    ]);
    // The host's dialogs are modal to the main window once it exists.
    await (core.opened[0]!.opts as { host: { chooseFolder(): Promise<string | null> } }).host.chooseFolder();
    expect(fake.dialog.opened[0]!.withWindow).toBe(true);
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({ preload: join('/app', 'out', 'electron', 'preload.cjs') });
  });

  it('takes the native binary from the installed resources when packaged', async () => {
    await start({ isPackaged: true });
    await fake.becomeReady();
    expect(core.opened[0]!.opts.nativeBinding).toBe(join('/install/resources', 'native', 'better_sqlite3.node'));
  });

  it('wires permissions, the protocol, the RPC channel and the menu once ready', async () => {
    await start();
    expect(fake.protocol.handlers.size).toBe(0);
    await fake.becomeReady();
    expect(fake.permission.request).not.toBeNull();
    expect(fake.permission.check!(null, 'media')).toBe(false);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.ipcMain.handlers.has('rpc')).toBe(true);
    expect(fake.Menu.applied).not.toBeNull();
  });

  it('applies the navigation rules to any web contents the app creates', async () => {
    await start();
    const helper = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, helper);
    expect(helper.prevents('will-navigate', 'https://example.org/')).toBe(true);
    expect(helper.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('says why and quits, without a window, when the database cannot be opened', async () => {
    core.failWith = new Error('Basis data ini dibuat oleh versi Mitra Lipas yang lebih baru.');
    await start();
    await fake.becomeReady();
    expect(fake.dialog.errors).toEqual(['Basis data ini dibuat oleh versi Mitra Lipas yang lebih baru.']);
    expect(fake.app.quitCalled).toBe(true);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

describe('shutdown', () => {
  it('quits when the window closes and closes the database on the way out', async () => {
    await start();
    await fake.becomeReady();
    fake.windows[0]!.emit('closed');
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalled).toBe(true);
    fake.app.emit('will-quit');
    expect(core.closed).toBe(1);
  });

  it('holds the quit for the at-close backup, then quits once it is done', async () => {
    await start();
    await fake.becomeReady();
    const first = cancellable();
    fake.app.emit('before-quit', first);
    expect(first.prevented).toBe(true);
    expect(core.shutdowns).toBe(1);
    expect(fake.app.quitCalled).toBe(false);
    core.finishBackup();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(fake.app.quitCalled).toBe(true);
    // The quit asked for again goes through: no second backup.
    const second = cancellable();
    fake.app.emit('before-quit', second);
    expect(second.prevented).toBe(false);
    expect(core.shutdowns).toBe(1);
  });
});
