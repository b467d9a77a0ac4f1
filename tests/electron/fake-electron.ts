/**
 * A stand-in for the `electron` module: records what the main process asks of Electron, so the
 * wiring can be checked where no Electron binary can run. Only what the app uses is modelled.
 */
type Listener = (...args: unknown[]) => unknown;

export class Emitter {
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

/** An event whose default action the code under test may prevent. */
export function cancellable() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

export class FakeFrame {
  constructor(public url: string) {}
}

export type OpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends Emitter {
  mainFrame = new FakeFrame('app://mitra/index.html');
  /** What printToPDF was asked for, and what it answers (a test may make it fail). */
  pdfOptions: unknown = null;
  pdfResult: () => Promise<Buffer> = () => Promise.resolve(Buffer.from('%PDF-1.7 fake'));
  printToPDF(options: unknown) {
    this.pdfOptions = options;
    return this.pdfResult();
  }
  windowOpenHandler: OpenHandler | null = null;
  setWindowOpenHandler(fn: OpenHandler) {
    this.windowOpenHandler = fn;
  }
  /** Emits `event` with a fresh cancellable event; true when a listener prevented it. */
  prevents(event: string, ...args: unknown[]): boolean {
    const e = cancellable();
    this.emit(event, e, ...args);
    return e.prevented;
  }
}

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  loadedFile: string | null = null;
  /** The file's text at the moment it was loaded (it is gone afterwards). */
  loadedText: string | null = null;
  destroyed = false;
  minimized = false;
  calls: string[] = [];
  constructor(public readonly options: Record<string, unknown>) {
    super();
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  async loadFile(path: string) {
    this.loadedFile = path;
    const { readFile } = await import('node:fs/promises');
    this.loadedText = await readFile(path, 'utf8');
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
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

export function makeFakeElectron(opts: { gotLock?: boolean; isPackaged?: boolean } = {}) {
  /** Every call into Electron that matters for ordering, e.g. 'app.enableSandbox', 'ready'. */
  const log: string[] = [];
  const windows: FakeBrowserWindow[] = [];
  const handlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (req: { url: string }) => Promise<Response>>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const app = Object.assign(new Emitter(), {
    isPackaged: opts.isPackaged ?? false,
    quitCalled: false,
    userModelId: null as string | null,
    enableSandbox: () => void log.push('app.enableSandbox'),
    requestSingleInstanceLock: () => {
      log.push('app.requestSingleInstanceLock');
      return opts.gotLock ?? true;
    },
    quit() {
      app.quitCalled = true;
    },
    setAppUserModelId(id: string) {
      app.userModelId = id;
    },
    whenReady: () => ready,
    getAppPath: () => '/app',
    getPath: (_name: string): string => '/profile',
  });

  /** Windows created by the code under test announce their contents like Electron does. */
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }

  const permission = { request: null as null | Listener, check: null as null | Listener };
  return {
    log,
    windows,
    /** Lets the app become ready, then waits for what runs on ready. */
    async becomeReady() {
      log.push('ready');
      resolveReady();
      await new Promise((r) => setTimeout(r, 0));
    },
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn), handlers },
    protocol: {
      privileged: [] as unknown[],
      registerSchemesAsPrivileged(schemes: unknown[]) {
        log.push('protocol.registerSchemesAsPrivileged');
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
    Menu: {
      applied: null as unknown,
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu(menu: unknown) {
        this.applied = menu;
      },
    },
    shell: {
      opened: [] as string[],
      revealed: [] as string[],
      showItemInFolder(path: string) {
        this.revealed.push(path);
      },
      openExternal(url: string) {
        this.opened.push(url);
        return Promise.resolve();
      },
    },
    dialog: {
      errors: [] as string[],
      showErrorBox(_title: string, message: string) {
        this.errors.push(message);
      },
      showMessageBox: () => Promise.resolve({ response: 0 }),
      /** What the next open dialog answers, and the calls it got (window or not, options). */
      openAnswer: { canceled: false, filePaths: [] as string[] },
      opened: [] as { withWindow: boolean; options: Record<string, unknown> }[],
      showOpenDialog(...args: unknown[]) {
        const options = (args.length === 2 ? args[1] : args[0]) as Record<string, unknown>;
        this.opened.push({ withWindow: args.length === 2, options });
        return Promise.resolve(this.openAnswer);
      },
    },
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
