import { app, dialog, ipcMain, Menu, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_VERSION, createAppCore, type AppCore } from '../services/app';
import { startupMessage } from '../services/startupError';
import { registerRpc } from './ipc';
import { desktopHost } from './host';
import { buildMenu } from './menu';
import { printPdf } from './pdf';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createMainWindow, denyPermissions, focusWindow, hardenContents } from './window';

/** The installer's identity (electron-builder.yml appId); Windows groups the taskbar by it. */
export const APP_ID = 'id.go.kemenimipas.mitralipas';

/** Where the built parts live: next to this bundle in development, inside resources when packaged. */
export function appPaths(appPath: string, resourcesPath: string, isPackaged: boolean) {
  return {
    renderer: join(appPath, 'out', 'renderer'),
    preload: join(appPath, 'out', 'electron', 'preload.cjs'),
    // Always our Electron build (scripts/electron-native.mjs): the one in node_modules is built
    // for Node and cannot load here.
    nativeBinding: isPackaged ? join(resourcesPath, 'native', 'better_sqlite3.node') : join(appPath, 'out', 'electron-native', 'better_sqlite3.node'),
  };
}

/** The database and attachments live in the user's profile, apart from Chromium's own files. */
export const dataDir = (userData: string): string => join(userData, 'data');

/**
 * Starts the desktop app. One instance per user: a second launch only brings the first window
 * forward, so two processes never write one database.
 */
export function bootstrap(): void {
  // Both must happen before the app is ready.
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  let win: BrowserWindow | null = null;
  let core: AppCore | null = null;

  app.on('second-instance', () => focusWindow(win));
  app.on('window-all-closed', () => app.quit());
  // Quitting waits (bounded, see CLOSE_BACKUP_MS) for the at-close backup, then quits for real.
  let backedUp = false;
  app.on('before-quit', (e) => {
    if (backedUp || !core) return;
    e.preventDefault();
    void core.shutdown().finally(() => {
      backedUp = true;
      app.quit();
    });
  });
  app.on('will-quit', () => core?.close());
  // Every page the app ever hosts (including any later helper window) gets the same navigation rules.
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));

  void app.whenReady().then(() => {
    const paths = appPaths(app.getAppPath(), process.resourcesPath, app.isPackaged);
    try {
      core = createAppCore(dataDir(app.getPath('userData')), { nativeBinding: paths.nativeBinding, printPdf, host: desktopHost(() => win) });
    } catch (e) {
      // e.g. a database from a newer version: say so plainly and stop, never open it.
      const { title, message } = startupMessage(e);
      dialog.showErrorBox(title, message);
      app.quit();
      return;
    }
    denyPermissions(session.defaultSession);
    handleAppProtocol(paths.renderer);
    registerRpc(ipcMain, core.dispatch, () => win);
    Menu.setApplicationMenu(
      buildMenu({
        isPackaged: app.isPackaged,
        appVersion: APP_VERSION,
        showAbout: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: 'Mitra Lipas',
            message: `Mitra Lipas ${APP_VERSION}`,
            detail: 'Pengelolaan mitra Pokmas Lipas untuk Pos Bapas.',
          }),
      }),
    );
    // Downloads (exports, Word documents, scans) keep Electron's default: the system save dialog.
    win = createMainWindow(paths.preload);
    win.on('closed', () => (win = null));
  });
}
