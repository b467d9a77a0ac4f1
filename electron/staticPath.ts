import { normalize, resolve, sep } from 'node:path';

export type StaticPath = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly status: 400 | 404 };

/**
 * The renderer file a request path names, for both transports (app:// and the web preview). A
 * path whose percent-encoding does not decode (`/%E0%A4%A`, `/%zz`) or that decodes to a NUL byte
 * is the client's error (400), never an exception; one that leaves `root` names nothing (404).
 */
export function resolveStaticPath(root: string, pathname: string): StaticPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  const base = resolve(root);
  const file = normalize(resolve(base, `.${decoded === '/' ? '/index.html' : decoded}`));
  return file.startsWith(base + sep) ? { ok: true, file } : { ok: false, status: 404 };
}
