import { BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * "Simpan PDF" in the desktop app: the document's HTML is laid out by a hidden window that runs
 * no script, in its own in-memory session, and printed with Chromium's PDF printer at the size and
 * margins its @page rule asks for. The HTML goes through a private temporary file (a data: URL
 * would fail on a large letterhead logo), removed as soon as the PDF exists.
 */
export async function printPdf(html: string): Promise<Buffer> {
  const file = join(tmpdir(), `mitra-lipas-print-${randomUUID()}.html`);
  await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      partition: 'mitra-print',
      // As in the main window; nothing here is clickable, but the static check holds every window to it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadFile(file);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateDocumentOutline: false });
  } finally {
    win.destroy();
    await rm(file, { force: true });
  }
}
