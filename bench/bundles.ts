import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { median, spread } from './stats';

/**
 * The Lambda bundles `cdk synth` wrote to cdk.out: each one's size, and its module init, the time
 * `require` of the bundle takes in a fresh Node.js process (what a cold start spends before the
 * first invocation, less the runtime's own start), as a median of several processes, with the
 * function's NODE_OPTIONS. The SDK and Powertools resolve from node_modules here, as from the
 * runtime and the layer in AWS.
 */
export interface BundleResult {
  name: string;
  bytes: number;
  initMs: number[];
}

const ROOT = path.resolve(__dirname, '..');
const CDK_OUT = path.join(ROOT, 'cdk.out');
const TEMPLATE = path.join(CDK_OUT, 'EboxEnterprise.template.json');

interface Resource {
  Type: string;
  Metadata?: Record<string, string>;
  Properties?: { Environment?: { Variables?: Record<string, unknown> } };
}

/** Synthesizes the dev stack when cdk.out has none (about a minute). */
function ensureSynthesized(progress: (line: string) => void): void {
  if (existsSync(TEMPLATE)) return;
  progress('cdk.out has no EboxEnterprise template: npx cdk synth --quiet (about a minute)…');
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('cdk synth failed');
}

function bundlesOf(): Array<{ name: string; file: string; nodeOptions: string }> {
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { Resources: Record<string, Resource> };
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.['aws:asset:path'])
    .map((resource) => ({
      // EboxEnterprise/Http/GetV1Me/Resource → Http/GetV1Me
      name: (resource.Metadata?.['aws:cdk:path'] ?? '').split('/').slice(1, -1).join('/'),
      file: path.join(CDK_OUT, resource.Metadata?.['aws:asset:path'] ?? '', 'index.js'),
      // As the function runs in Lambda (--enable-source-maps, for one, costs a cold start dearly).
      nodeOptions: String(resource.Properties?.Environment?.Variables?.NODE_OPTIONS ?? ''),
    }))
    .filter((bundle) => existsSync(bundle.file))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function initOnce(file: string, nodeOptions: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', NODE_OPTIONS: nodeOptions },
  });
  if (result.status !== 0) throw new Error(`require(${file}) failed: ${result.stderr}`);
  return Number(result.stdout);
}

export function measureBundles(samples: number, progress: (line: string) => void): BundleResult[] {
  ensureSynthesized(progress);
  const results = bundlesOf().map((bundle) => ({ ...bundle, bytes: statSync(bundle.file).size, initMs: [] as number[] }));
  // Sample after sample over all the bundles, so that a busy moment of the machine hits them all alike.
  for (let sample = 0; sample < samples; sample += 1) {
    for (const result of results) result.initMs.push(initOnce(result.file, result.nodeOptions));
  }
  return results.map(({ name, bytes, initMs }) => ({ name, bytes, initMs }));
}

export const BUNDLE_TARGET_BYTES = 200 * 1000;
export const INIT_TARGET_MS = 60;

export function bundlesTable(results: BundleResult[]): string[] {
  const rows = ['| function | bundle (minified) | module init, median | spread | both met |', '| --- | --- | --- | --- | --- |'];
  for (const result of results) {
    const init = median(result.initMs);
    const met = result.bytes <= BUNDLE_TARGET_BYTES && init <= INIT_TARGET_MS;
    rows.push(
      `| ${result.name} | ${(result.bytes / 1000).toFixed(1)} KB | ${init.toFixed(1)} ms | ${spread(result.initMs, 1)} ms | ${met ? 'yes' : '**no**'} |`,
    );
  }
  const largest = Math.max(...results.map((result) => result.bytes));
  const slowest = Math.max(...results.map((result) => median(result.initMs)));
  rows.push(
    '',
    `${results.length} bundles; largest ${(largest / 1000).toFixed(1)} KB (target ≤ 200 KB), slowest median init ${slowest.toFixed(1)} ms (target ≤ ${INIT_TARGET_MS} ms), median of all ${median(results.map((result) => median(result.initMs))).toFixed(1)} ms.`,
  );
  return rows;
}
