import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, isAppUrl } from './protocol';

const hardened = new WeakSet<WebContents>();

/** Only plain web addresses may leave the app; file:, custom schemes and the like never do. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Keeps a page on our own origin: no navigation away, no new windows, no webviews. */
export function hardenContents(contents: WebContents): void {
  // Applied to every web contents at creation and again by createMainWindow; once is enough.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A web link (e.g. a partner's site) opens in the system browser, never inside the app.
    if (isWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The app asks for no device or browser permission; refuse every request and check. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Mitra Lipas',
    backgroundColor: '#ffffff',
    // Written out here (not built elsewhere) so static checks such as electronegativity can read it.
    // The renderer gets no Node, no Electron, and only the preload's one function.
    webPreferences: {
      preload,
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
      // Middle-click would otherwise open links in a new window outside the navigation rules.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Brings the window forward, e.g. when the user starts the app a second time. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
