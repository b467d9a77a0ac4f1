import { Menu, type MenuItemConstructorOptions } from 'electron';

/** A short Indonesian menu; developer tools only in a development build. */
export function buildMenu(opts: { isPackaged: boolean; appVersion: string; showAbout: () => void }): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { role: 'reload', label: 'Muat ulang' },
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        { role: 'resetZoom', label: 'Ukuran normal' },
        { role: 'togglefullscreen', label: 'Layar penuh' },
        ...(opts.isPackaged ? [] : [{ role: 'toggleDevTools', label: 'Alat pengembang' } as const]),
      ],
    },
    { label: 'Bantuan', submenu: [{ label: `Tentang Mitra Lipas ${opts.appVersion}`, click: opts.showAbout }] },
  ];
  return Menu.buildFromTemplate(template);
}
