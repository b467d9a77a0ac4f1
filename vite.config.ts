import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The renderer is a plain static build (out/renderer) served by the app:// protocol in Electron
 * and by the loopback web server in the preview; relative base so both origins work.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
