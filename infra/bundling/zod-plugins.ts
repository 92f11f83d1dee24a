import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * Keeps zod small in the Lambda bundles (~190 KB of it otherwise, ~100 KB with these two), without
 * touching a schema. Chosen over `zod/mini` (another API: every schema rewritten) and over an alias
 * of `zod` to a copy of its entry file (to keep in step with each zod release).
 *
 * zod 4's classic API and its core re-export every locale (`export * as locales from
 * '../locales/index.js'`): 40-odd languages, ~258 KB minified, that tree shaking cannot drop. The
 * API's errors are English, zod's default (set by `schemas.js` from `locales/en.js` directly), so
 * that one module becomes English alone.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: args.importer, namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.path.replace(/[\\/][^\\/]+$/, ''),
      loader: 'js',
    }));
  },
};

/**
 * `import { z } from 'zod'` hands over zod's namespace as one object, so esbuild keeps all of it
 * (JSON Schema import, the compiler, every schema type). `import * as z from 'zod'` is the same
 * thing to the code (zod's entry exports each member of `z` by name), and esbuild then keeps only
 * the members the code reads. The sources keep the documented form; the bundle gets the other.
 */
export const zodNamespaceImports: Plugin = {
  name: 'zod-namespace-imports',
  setup(build) {
    build.onLoad({ filter: /[\\/](functions|shared)[\\/].*\.ts$/ }, async (args) =>
      args.path.includes('node_modules')
        ? undefined
        : { contents: (await readFile(args.path, 'utf8')).replace(/^import \{ z \} from 'zod';$/m, "import * as z from 'zod';"), loader: 'ts' },
    );
  },
};
