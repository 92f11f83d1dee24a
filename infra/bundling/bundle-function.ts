/**
 * Bundles one Lambda handler (run by `infra/constructs/function-code.ts` in a child process,
 * because CDK bundles synchronously and esbuild's plugins need its asynchronous API):
 * `tsx infra/bundling/bundle-function.ts <entry> <outdir>` writes `<outdir>/index.js` and its map.
 */
import { build } from 'esbuild';
import { lambdaBundleOptions } from './bundle-options';

async function main(): Promise<void> {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: bundle-function.ts <entry> <outdir>');
  // As NodejsFunction did: each bundle's size in the synth's output.
  await build({ ...lambdaBundleOptions(entry, `${outdir}/index.js`), logLevel: 'info' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
