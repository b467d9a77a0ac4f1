/**
 * A stand-in for the `electron` module: records what the main process asks of Electron, so the
 * wiring can be checked where no Electron binary can run.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

export class FakeFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends Emitter {
  mainFrame = new FakeFrame('app://mitra/index.html');
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  minimized = false;
  calls: string[] = [];
  constructor(public readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
}

export function makeFakeElectron(opts: { gotLock?: boolean } = {}) {
  const handlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (req: { url: string }) => Promise<Response>>();
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    quitCalled: false,
    requestSingleInstanceLock: () => opts.gotLock ?? true,
    quit() {
      app.quitCalled = true;
    },
    whenReady: () => Promise.resolve(),
    getAppPath: () => '/app',
    getPath: (_name: string): string => '/tmp/mitra-fake-user-data',
  });
  const permission = { request: null as null | Listener, check: null as null | Listener };
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn), handlers },
    protocol: {
      privileged: [] as unknown[],
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.privileged.push(...schemes);
      },
      handle: (scheme: string, fn: (req: { url: string }) => Promise<Response>) => protocolHandlers.set(scheme, fn),
      handlers: protocolHandlers,
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (permission.request = fn),
        setPermissionCheckHandler: (fn: Listener) => (permission.check = fn),
      },
    },
    permission,
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: () => undefined },
    shell: {
      opened: [] as string[],
      openExternal(url: string) {
        this.opened.push(url);
        return Promise.resolve();
      },
    },
    dialog: { showErrorBox: () => undefined, showMessageBox: () => Promise.resolve() },
    contextBridge: {
      exposed: {} as Record<string, unknown>,
      exposeInMainWorld(key: string, api: unknown) {
        this.exposed[key] = api;
      },
    },
    ipcRenderer: {
      sent: [] as unknown[][],
      invoke(...args: unknown[]) {
        this.sent.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
    },
  };
}
export type FakeElectron = ReturnType<typeof makeFakeElectron>;
