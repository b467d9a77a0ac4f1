/** `npm run preview:web`: the app in a browser tab, on 127.0.0.1, with a per-launch key. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startWebServer } from '../electron/web/server';

const staticDir = resolve('out/renderer');
if (!existsSync(resolve(staticDir, 'index.html'))) {
  console.error('The interface is not built yet: run `npm run build:renderer` first (npm run preview:web does this for you).');
  process.exit(1);
}
const dataDir = resolve(process.env.MITRA_DATA_DIR ?? '.data');
const server = await startWebServer({ dataDir, staticDir, port: Number(process.env.PORT ?? 0) });
console.log(`Mitra Lipas (web preview): ${server.url}`);
console.log(`Data folder: ${dataDir}`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
