import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';

let base: string;
let server: WebServer;
beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'mitra-web-'));
  const staticDir = join(base, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mitra Lipas</title>');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  server = await startWebServer({ dataDir: join(base, 'data'), staticDir, port: 0 });
});
afterEach(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (fetch would re-encode it). */
const get = (path: string) =>
  new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });

describe('web preview server', () => {
  it('answers a path whose percent-encoding does not decode with 400, and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%zz', '/assets/%', '/%C0%AF', '/%00', '/a%ED%A0%80b']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).not.toContain('secret');
    }
    expect((await get('/')).status).toBe(200);
    expect((await get('/index.html')).body).toContain('Mitra Lipas');
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/nope.js')).status).toBe(404);
  });
});
