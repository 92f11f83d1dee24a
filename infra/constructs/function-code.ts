import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { AssetHashType } from 'aws-cdk-lib';
import { Code, Runtime } from 'aws-cdk-lib/aws-lambda';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BUNDLER = path.join(REPO_ROOT, 'infra', 'bundling', 'bundle-function.ts');

/**
 * A handler's code, bundled by `infra/bundling/bundle-function.ts` (esbuild with a plugin that keeps
 * zod's locales out). Not NodejsFunction: it runs esbuild's command line, which takes no plugins.
 * As with NodejsFunction, the asset is hashed from its output, and a stack synthesized without
 * bundling (the template tests) never runs it.
 */
export function bundledHandler(handler: string): Code {
  return Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by CDK, unused: bundling is local (this machine's esbuild), never in Docker.
      image: Runtime.NODEJS_22_X.bundlingImage,
      // Part of CDK's cache key for the bundle (which ignores `local`): without it, every function
      // would get the first one's bundle.
      command: ['npx', 'tsx', 'infra/bundling/bundle-function.ts', handler, '/asset-output'],
      local: {
        tryBundle(outputDir) {
          const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), BUNDLER, path.join(REPO_ROOT, handler), outputDir], {
            cwd: REPO_ROOT,
            stdio: 'inherit',
          });
          if (result.status !== 0) throw new Error(`Bundling ${handler} failed (exit ${result.status ?? result.signal})`);
          return true;
        },
      },
    },
  });
}
