import type { Browser } from '@playwright/test';
import type { PdfPrinter } from '../services/context';

/**
 * The web preview's PDF printer: the same Chromium print engine Electron's printToPDF uses, driven
 * headless through Playwright. Each document is laid out in a fresh context with JavaScript off.
 */
export function chromiumPdfPrinter(browser: Pick<Browser, 'newContext'>): PdfPrinter {
  return async (html) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await context.close();
    }
  };
}

/** Flags for Debian's Chromium on machines without a GPU or a user namespace sandbox. */
export const HEADLESS_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
