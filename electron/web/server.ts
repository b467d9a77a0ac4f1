import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createAppCore } from '../services/app';
import type { PdfPrinter } from '../services/context';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { contentTypeOf } from '../mime';
import { resolveStaticPath } from '../staticPath';

/**
 * The loopback web transport: the same services as the Electron IPC, over HTTP on 127.0.0.1, for
 * `npm run preview:web` and the end-to-end tests. Defences, since any local program or web page
 * could try to reach it: it binds 127.0.0.1 only; every /rpc call must carry the per-launch secret;
 * the Host header must name this very server (defeats DNS rebinding); a browser Origin, when sent,
 * must be this server's own.
 */
export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly secret: string;
  close(): Promise<void>;
}

/** Room for later attachments (scans up to 20 MB travel base64-encoded). */
const MAX_BODY = 30 * 1024 * 1024;

export async function startWebServer(opts: {
  dataDir: string;
  staticDir: string;
  port?: number;
  now?: () => Date;
  /** Makes "Simpan PDF" write a PDF (see chromium-pdf.ts); without it the browser's print dialog is offered. */
  printPdf?: PdfPrinter;
}): Promise<WebServer> {
  const core = createAppCore(opts.dataDir, { ...(opts.now ? { now: opts.now } : {}), ...(opts.printPdf ? { printPdf: opts.printPdf } : {}) });
  const secret = randomBytes(32).toString('base64url');
  const secretBytes = Buffer.from(secret);
  const root = resolve(opts.staticDir);
  let port = 0;

  const sameSecret = (given: string | undefined) => {
    const b = Buffer.from(given ?? '');
    return b.length === secretBytes.length && timingSafeEqual(b, secretBytes);
  };

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', ...extra });
    res.end(body);
  };

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameSecret(req.headers['x-mitra-key'] as string | undefined)) return send(res, 403, 'forbidden');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return send(res, 403, 'forbidden');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'unsupported media type');
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'payload too large');
    let envelope: { method?: unknown; input?: unknown; token?: unknown };
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      envelope = parsed;
    } catch {
      return send(res, 200, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'rpc.badRequest' } }), 'application/json');
    }
    const result = await core.dispatch({ method: envelope.method, input: envelope.input, token: envelope.token });
    send(res, 200, JSON.stringify(result), 'application/json', { 'Cache-Control': 'no-store' });
  }

  async function handleStatic(pathname: string, res: ServerResponse): Promise<void> {
    const path = resolveStaticPath(root, pathname);
    if (!path.ok) return send(res, path.status, path.status === 400 ? 'bad request' : 'not found');
    const { file } = path;
    try {
      const data = await readFile(file);
      const type = contentTypeOf(file);
      send(res, 200, data, type, {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
      });
    } catch {
      send(res, 404, 'not found');
    }
  }

  const server = createServer((req, res) => {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'misdirected request');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', `http://${host}`).pathname;
    } catch {
      return send(res, 400, 'bad request');
    }
    const work =
      pathname === '/rpc'
        ? req.method === 'POST'
          ? handleRpc(req, res)
          : Promise.resolve(send(res, 405, 'method not allowed', undefined, { Allow: 'POST' }))
        : req.method === 'GET' || req.method === 'HEAD'
          ? handleStatic(pathname, res)
          : Promise.resolve(send(res, 405, 'method not allowed'));
    work.catch((e: unknown) => {
      console.error('[web] request failed:', e instanceof Error ? e.message : e);
      if (!res.headersSent) send(res, 500, 'internal error');
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?key=${secret}`,
    port,
    secret,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        // The at-close backup (bounded) before the database closes; the close happens whatever it does.
        server.close(() => void core.shutdown().finally(ok));
      }),
  };
}
