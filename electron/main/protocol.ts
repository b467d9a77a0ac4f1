import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { contentTypeOf } from '../mime';
import { resolveStaticPath, type StaticPath } from '../staticPath';

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

/** Maps an app:// URL to a file under `root`, or the status to refuse it with (404 for another host or a path that leaves root, 400 for a malformed one). */
export function resolveAppPath(root: string, url: string): StaticPath {
  if (!isAppUrl(url)) return { ok: false, status: 404 };
  return resolveStaticPath(root, new URL(url).pathname);
}

export async function serveAppRequest(root: string, url: string): Promise<Response> {
  const path = resolveAppPath(root, url);
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (!path.ok) return new Response(path.status === 400 ? 'bad request' : 'not found', { status: path.status, headers });
  try {
    const body = await readFile(path.file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(path.file) } });
  } catch {
    return new Response('not found', { status: 404, headers });
  }
}

export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request.url));
}
