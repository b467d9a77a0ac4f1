import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { contentTypeOf } from '../mime';

/**
 * The renderer is served from app://mitra/ rather than file://: a real origin, so the CSP and the
 * IPC sender check have something exact to compare, and no page can read arbitrary local files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mitra';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** True for a URL of our own origin. (Node gives non-special schemes the origin "null", so compare parts.) */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Maps an app:// URL to a file under `root`, or null for another host or a path that leaves it. */
export function resolveAppPath(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const base = resolve(root);
  const file = normalize(resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`));
  return file.startsWith(base + sep) ? file : null;
}

export async function serveAppRequest(root: string, url: string): Promise<Response> {
  const file = resolveAppPath(root, url);
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (!file) return new Response('not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
  } catch {
    return new Response('not found', { status: 404, headers });
  }
}

export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request.url));
}
