import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import postcssSimpleVars from 'postcss-simple-vars';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * The SPA: built into web/dist, which the server serves (only /assets/* and /favicon.svg as files, every other
 * page path falls back to index.html). `vite --config web/vite.config.ts` serves it in development and sends
 * /api to a server on port 8080.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    // dist/.vite/manifest.json tells web/scripts/bundle-size.ts which chunks the first page needs (never served).
    manifest: true,
    // The server's CSP allows scripts from 'self' only: no inline module-preload polyfill is needed on Chromium,
    // Firefox and Safari of the last years, and the polyfill would be bundled anyway.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
