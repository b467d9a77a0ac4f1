/** `npm run preview:web`: the app in a browser tab, on 127.0.0.1, with a per-launch key. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPdfPrinter, HEADLESS_CHROMIUM_ARGS } from '../electron/web/chromium-pdf';
import { startupMessage } from '../electron/services/startupError';
import { chromiumExecutable } from '../electron/web/chromium-path';
import { startWebServer } from '../electron/web/server';

const staticDir = resolve('out/renderer');
if (!existsSync(resolve(staticDir, 'index.html'))) {
  console.error('The interface is not built yet: run `npm run build:renderer` first (npm run preview:web does this for you).');
  process.exit(1);
}
const dataDir = resolve(process.env.MITRA_DATA_DIR ?? '.data');
// "Simpan PDF" prints through a headless Chromium when one is installed (as the desktop app does
// through Electron): CHROMIUM_PATH, /usr/bin/chromium, or Playwright's own (npx playwright install
// chromium); otherwise the button falls back to the browser's own print dialog.
const { chromium } = await import('@playwright/test');
const chromiumPath = chromiumExecutable() ?? chromium.executablePath();
const browser = existsSync(chromiumPath) ? await chromium.launch({ executablePath: chromiumPath, args: [...HEADLESS_CHROMIUM_ARGS] }) : null;
const server = await startWebServer({
  dataDir,
  staticDir,
  port: Number(process.env.PORT ?? 0),
  ...(browser ? { printPdf: chromiumPdfPrinter(browser) } : {}),
}).catch(async (e: unknown) => {
  // Said in words, as the desktop app's error box says it, never as a message key.
  const { title, message } = startupMessage(e);
  console.error(`${title}\n${message}`);
  await browser?.close();
  process.exit(1);
});
console.log(`Mitra Lipas (web preview): ${server.url}`);
console.log(`Data folder: ${dataDir}`);
console.log(browser ? `PDF printing: ${chromiumPath}` : 'PDF printing: through the browser print dialog (no Chromium found)');

const stop = () => void Promise.all([server.close(), browser?.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
