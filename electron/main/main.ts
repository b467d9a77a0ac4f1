import { app, dialog, ipcMain, Menu, session, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION, createAppCore, type AppCore } from '../services/app';
import { registerRpc } from './ipc';
import { buildMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createMainWindow, denyPermissions, focusWindow } from './window';

/** Where the built parts live: next to this bundle in development, inside resources when packaged. */
export function appPaths(appPath: string, resourcesPath: string, isPackaged: boolean) {
  const nativeBinding = isPackaged ? join(resourcesPath, 'native', 'better_sqlite3.node') : join(appPath, 'out', 'electron-native', 'better_sqlite3.node');
  return {
    renderer: join(appPath, 'out', 'renderer'),
    preload: join(appPath, 'out', 'electron', 'preload.cjs'),
    nativeBinding,
  };
}

/**
 * Starts the desktop app. One instance per user: a second launch only brings the first window
 * forward, so two processes never write one database.
 */
export function bootstrap(): void {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let win: BrowserWindow | null = null;
  let core: AppCore | null = null;

  app.on('second-instance', () => focusWindow(win));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app.on('web-contents-created', (_e, contents) => contents.on('will-attach-webview', (ev) => ev.preventDefault()));

  void app.whenReady().then(() => {
    const paths = appPaths(app.getAppPath(), process.resourcesPath, app.isPackaged);
    try {
      core = createAppCore(join(app.getPath('userData'), 'data'), existsSync(paths.nativeBinding) ? { nativeBinding: paths.nativeBinding } : {});
    } catch (e) {
      // e.g. a database from a newer version: say so plainly and stop, never open it.
      dialog.showErrorBox('Mitra Lipas', e instanceof Error ? e.message : String(e));
      app.quit();
      return;
    }
    const dispatch = core.dispatch;
    denyPermissions(session.defaultSession);
    handleAppProtocol(paths.renderer);
    registerRpc(ipcMain, dispatch, () => win);
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
    win = createMainWindow(paths.preload);
    win.on('closed', () => (win = null));
  });
}
