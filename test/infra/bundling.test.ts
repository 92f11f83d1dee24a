import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { build } from 'esbuild';
import { lambdaBundleOptions } from '../../infra/bundling/bundle-options';

/**
 * What `infra/bundling/bundle-function.ts` makes of a handler: small (the largest, publishing,
 * ≤ 200 KB minified), English alone of zod's locales, the SDK and Powertools left to the runtime
 * and the layer; and a bundle that still works once its imports are rewritten. Bundled under
 * .local-data/, so that the externals resolve from node_modules as from the runtime and the layer.
 */
const OUT = path.resolve('.local-data/bundling-test');

async function bundle(entry: string, name: string, withPlugins = true) {
  const options = lambdaBundleOptions(entry, path.join(OUT, name, 'index.js'));
  const result = await build({ ...options, ...(withPlugins ? {} : { plugins: [] }), metafile: true, logLevel: 'silent' });
  const file = path.join(OUT, name, 'index.js');
  // What the bundle holds: modules esbuild read but shook out (a few bytes left at most) do not count.
  const inputs = Object.entries(Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 100)
    .map(([input]) => input);
  return { file, inputs, bytes: statSync(file).size, code: readFileSync(file, 'utf8') };
}

describe('a Lambda bundle', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('keeps English alone of zod’s locales, and only the zod it uses, within 200 KB', async () => {
    const without = await bundle('functions/delivery/publish-message/handler.ts', 'plain', false);
    const result = await bundle('functions/delivery/publish-message/handler.ts', 'publish');
    expect(without.inputs.filter((input) => input.includes('zod/v4/locales/')).length).toBeGreaterThan(30);
    expect(result.inputs.filter((input) => input.includes('zod/v4/locales/'))).toEqual(['node_modules/zod/v4/locales/en.js']);
    expect(result.inputs.some((input) => input.includes('zod/v4/core/compile.js'))).toBe(false);
    expect(result.bytes).toBeLessThan(without.bytes / 2);
    expect(result.bytes).toBeLessThanOrEqual(200 * 1000);
  });

  it('leaves the AWS SDK and Powertools (and the X-Ray SDK under it) to the runtime and the layer', async () => {
    const { inputs, code } = await bundle('functions/delivery/publish-message/handler.ts', 'publish');
    expect(inputs.filter((input) => /node_modules\/(@aws-sdk|@aws-lambda-powertools|aws-xray-sdk-core)\//.test(input))).toEqual([]);
    expect(code).toContain('require("@aws-lambda-powertools/logger")');
  });

  it('still works: the bundled GET /openapi.json builds the whole contract from the zod schemas', async () => {
    const { file } = await bundle('functions/openapi/get-openapi/handler.ts', 'openapi');
    const { handler } = require(file) as { handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2> };
    const event = {
      version: '2.0',
      routeKey: 'GET /openapi.json',
      rawPath: '/openapi.json',
      rawQueryString: '',
      headers: { host: 'localhost' },
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/openapi.json' }, requestId: 'bundle-test', routeKey: 'GET /openapi.json', stage: '$default' },
    } as unknown as APIGatewayProxyEventV2;
    const context = { functionName: 'openapi', awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 3000 } as unknown as Context;
    const response = await handler(event, context);
    expect(response.statusCode).toBe(200);
    const document = JSON.parse(String(response.body)) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths).length).toBeGreaterThan(20);
  });
});
