import { dialog, shell, type BrowserWindow } from 'electron';
import type { Host } from '../services/context';

/**
 * The desktop's own file dialogs and file manager, for bundles: the folder on the USB stick to
 * write to, the bundle files (or a folder of them) to receive, and "Buka folder" to show the
 * written file for attaching to an e-mail. Dialogs are modal to the app's window.
 */
export function desktopHost(window: () => BrowserWindow | null): Host {
  const modal = <T>(show: (w: BrowserWindow) => Promise<T>, alone: () => Promise<T>) => {
    const w = window();
    return w ? show(w) : alone();
  };
  return {
    async chooseFolder() {
      const options: Electron.OpenDialogOptions = { title: 'Pilih folder', properties: ['openDirectory', 'createDirectory'] };
      const r = await modal(
        (w) => dialog.showOpenDialog(w, options),
        () => dialog.showOpenDialog(options),
      );
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseFiles() {
      const options: Electron.OpenDialogOptions = {
        title: 'Pilih paket kiriman',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Paket Mitra Lipas', extensions: ['mlpaket'] },
          { name: 'Semua berkas', extensions: ['*'] },
        ],
      };
      const r = await modal(
        (w) => dialog.showOpenDialog(w, options),
        () => dialog.showOpenDialog(options),
      );
      return r.canceled ? [] : r.filePaths;
    },
    reveal(path) {
      shell.showItemInFolder(path);
    },
  };
}
