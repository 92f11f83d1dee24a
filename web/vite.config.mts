import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The e-Box portal: a Preact single-page app, built to static files that the local runtime (and,
 * in AWS, CloudFront + S3) serve on the same origin as the API. `npm run web:build` prints the
 * size of every file, gzipped.
 */
export default defineConfig({
  root: path.dirname(new URL(import.meta.url).pathname),
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // The budget is 100 kB of gzipped JavaScript on the first page, checked by a test
    // (test/web/budget.test.ts); Vite's own warning counts raw kilobytes.
    chunkSizeWarningLimit: 350,
  },
});
