import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { chromiumPdfPrinter } from '../../electron/web/chromium-pdf';
import type { PdfPrinter } from '../../electron/services/context';
import { startWebServer } from '../../electron/web/server';
import { addMonths } from '../../shared/agreements';
import { CLIENT, SETUP } from '../support/fixtures';

export interface RunningApp {
  readonly url: string;
  readonly dataDir: string;
  /** Calls the app over the same HTTP transport the page uses (for arranging data quickly). */
  rpc<M extends Method>(method: M, input: InputOf<M>, token?: string | null): Promise<OutputOf<M>>;
}

/** A web preview server on a fresh data folder (or one the test prepared); `close` stops it and removes the folder. */
export async function startApp(opts: { printPdf?: PdfPrinter; dataDir?: string } = {}): Promise<RunningApp & { close(): Promise<void> }> {
  const { dataDir: prepared, ...rest } = opts;
  const dataDir = prepared ?? mkdtempSync(join(tmpdir(), 'mitra-e2e-'));
  const server = await startWebServer({ dataDir, staticDir: resolve('out/renderer'), port: 0, ...rest });
  const rpc = async (method: string, input: unknown, token: string | null = null) => {
    const res = await fetch(new URL('/rpc', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mitra-Key': server.secret },
      body: JSON.stringify({ method, input, token }),
    });
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
    return body.value;
  };
  return {
    url: server.url,
    dataDir,
    rpc: rpc as RunningApp['rpc'],
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Each test gets its own server and a fresh data folder: no test sees another's records. */
export const test = base.extend<{ app: RunningApp }>({
  app: async ({ browser }, use) => {
    // PDFs are printed by the test's own Chromium, as the web preview does with a headless one.
    const app = await startApp({ printPdf: chromiumPdfPrinter(browser) });
    await use(app);
    await app.close();
  },
});
export { expect };

export const ADMIN_PASSWORD = SETUP.admin.password;

/**
 * The fixture client with a supervision still running on the day the suite runs: the suite uses the
 * real clock, and a client past its supervision end is no longer aktif (not in the client list's
 * default view, nor in participant pickers or the counts).
 */
export const CURRENT_CLIENT = { ...CLIENT, supervisionEnd: addMonths(new Date().toISOString().slice(0, 10), 12) };

/** Office set up through the API; returns the admin's token for arranging more data. */
export async function setUpOffice(app: RunningApp): Promise<string> {
  await app.rpc('setup.complete', SETUP);
  return (await app.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
}

export async function signIn(page: Page, app: RunningApp, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(app.url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();
}

/** Picks an option in a Mantine Select/MultiSelect by typing part of it. */
export async function pick(page: Page, label: string | RegExp, option: string | RegExp, type?: string): Promise<void> {
  const input = page.getByRole('textbox', { name: label }).first();
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}
