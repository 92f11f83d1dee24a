import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildOpenApiDocument } from '../../../functions/openapi/document';

interface ValidationResult {
  valid: boolean;
  errors?: unknown;
}

/**
 * @seriousme/openapi-schema-validator checks a document against the official OpenAPI 3.1 JSON
 * schema and resolves every $ref. It ships as an ES module only (it locates its schemas through
 * import.meta.url), which jest's CommonJS runtime cannot load, so it runs in a child Node process.
 */
function validate(document: unknown): ValidationResult {
  const script = [
    "import { Validator } from '@seriousme/openapi-schema-validator';",
    "let input = '';",
    'for await (const chunk of process.stdin) input += chunk;',
    'const validator = new Validator();',
    'const result = await validator.validate(JSON.parse(input));',
    'process.stdout.write(JSON.stringify({ ...result, version: validator.version }));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: resolve(__dirname, '../../..'),
    input: JSON.stringify(document),
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`the validator failed to run: ${run.stderr || String(run.error)}`);
  const { version, ...result } = JSON.parse(run.stdout) as ValidationResult & { version: string };
  if (version !== '3.1') throw new Error(`validated as OpenAPI ${version}, not 3.1`);
  return result;
}

describe('the OpenAPI document is valid OpenAPI 3.1', () => {
  it('passes the OpenAPI 3.1 schema, with every reference resolved', () => {
    expect(validate(buildOpenApiDocument())).toEqual({ valid: true });
  });

  it('is checked for real: a broken document fails', () => {
    const document = buildOpenApiDocument();
    const { info: _info, ...withoutInfo } = document;
    expect(validate(withoutInfo).valid).toBe(false);
    const dangling = structuredClone(document);
    delete dangling.components.schemas.Problem;
    expect(validate(dangling)).toMatchObject({ valid: false, errors: expect.stringContaining('#/components/schemas/Problem') });
  });
});
