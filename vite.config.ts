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
    rollupOptions: {
      onwarn(warning, warn) {
        // Mantine and TanStack Query mark their modules "use client" for React Server Components.
        // This renderer is a client-only bundle, where the directive means nothing: hundreds of
        // "was ignored" lines would only bury a real warning.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        // zod's own comments mention `@__PURE__` in prose; Rollup drops them and says so. Not our code, no effect.
        if (warning.code === 'INVALID_ANNOTATION' && (warning.id ?? '').includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
