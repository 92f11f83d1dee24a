import type { BuildOptions } from 'esbuild';
import { EXTERNAL_MODULES } from './external-modules';
import { zodEnglishOnly, zodNamespaceImports } from './zod-plugins';

/** How every Lambda handler is bundled: by `bundle-function.ts` at synth, and by the bundling tests. */
export const lambdaBundleOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  minify: true,
  sourcemap: true,
  // Stack traces only need the mappings; leaving sources out keeps the zip small.
  sourcesContent: false,
  external: [...EXTERNAL_MODULES],
  plugins: [zodEnglishOnly, zodNamespaceImports],
});
