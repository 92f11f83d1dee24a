import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { buildOpenApiDocument } from '../../../functions/openapi/document';

/**
 * Generated clients keep working: TypeScript types generated from the document with
 * openapi-typescript (as the portal's `npm run web:api` does), and a small openapi-fetch client
 * type-checked against them, strictly. The two files exist in memory only, beside this test, so
 * that `openapi-fetch` resolves from the project's node_modules.
 */

/** openapi-typescript loads ES modules that jest's CommonJS runtime cannot: it runs in a child Node process. */
function generateTypes(document: unknown): string {
  const script = [
    "import openapiTS, { astToString } from 'openapi-typescript';",
    "let input = '';",
    'for await (const chunk of process.stdin) input += chunk;',
    'process.stdout.write(astToString(await openapiTS(input)));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: path.resolve(__dirname, '../../..'),
    input: JSON.stringify(document),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`openapi-typescript failed: ${run.stderr || String(run.error)}`);
  return run.stdout;
}

const schemaFile = path.join(__dirname, 'generated-schema.d.ts');
const clientFile = path.join(__dirname, 'generated-client.ts');

const CLIENT = `
import createClient from 'openapi-fetch';
import type { components, paths } from './generated-schema';

type Problem = components['schemas']['Problem'];

export async function integrator(token: string): Promise<string[]> {
  const api = createClient<paths>({ baseUrl: 'https://ebox.example.be', headers: { authorization: \`Bearer \${token}\` } });
  const seen: string[] = [];

  const health = await api.GET('/health');
  const status: 'UP' | 'DOWN' | undefined = health.data?.status;
  seen.push(status ?? 'unreachable');

  const published = await api.POST('/v1/messages', {
    body: { recipient: '0123456749', documentType: 'TAX_NOTICE', subject: { fr: 'Avis' }, attachments: [{ fileName: 'a.pdf', uploadId: '01JD5Z3M8Q0000000000000000' }] },
  });
  if (published.data) {
    const delivery: components['schemas']['DeliveryStatus'] = published.data.status;
    const size: number | undefined = published.data.attachments[0]?.size;
    seen.push(delivery, String(size));
  } else {
    const refusal: Problem | components['schemas']['GatewayError'] | undefined = published.error;
    seen.push(refusal && 'type' in refusal ? refusal.type : 'gateway');
  }

  const received = await api.GET('/v1/received/{companyMessageId}', { params: { path: { companyMessageId: '01JD5Z3M8Q0000000000000001' } } });
  seen.push(received.data?.id ?? '');
  const sent = await api.GET('/v1/enterprises/{enterpriseNumber}/sent/{companyMessageId}', {
    params: { path: { enterpriseNumber: '0123456749', companyMessageId: '01JD5Z3M8Q0000000000000001' } },
  });
  seen.push(sent.data?.from ?? '');

  const inbox = await api.GET('/v1/enterprises/{enterpriseNumber}/messages', { params: { path: { enterpriseNumber: '0123456749' }, query: { read: 'false', pageSize: 10 } } });
  for (const message of inbox.data?.items ?? []) seen.push(message.messageId, String(message.attachmentCount));

  const grant = await api.PUT('/v1/enterprises/{enterpriseNumber}/access/{ssin}', {
    params: { path: { enterpriseNumber: '0123456749', ssin: '85073003328' } },
    body: { role: 'USER', name: 'Bob' },
  });
  const role: components['schemas']['Role'] | undefined = grant.data?.role;
  seen.push(role ?? '');

  const contract = await api.GET('/doc/openapi.json');
  seen.push(contract.data?.openapi ?? '');
  return seen;
}
`;

let types: string | undefined;

function diagnosticsOf(client: string): string[] {
  types ??= generateTypes(buildOpenApiDocument());
  const schema = types;
  const virtual = new Map([
    [schemaFile, schema],
    [clientFile, client],
  ]);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, onError) => {
    const text = virtual.get(file);
    return text === undefined ? getSourceFile(file, language, onError) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([clientFile], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file ? path.basename(diagnostic.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('a client generated from the document', () => {
  jest.setTimeout(60_000);

  it('type-checks against the types openapi-typescript generates', () => {
    expect(diagnosticsOf(CLIENT)).toEqual([]);
  });

  it('is checked for real: the old {id} path parameter is a type error', () => {
    const broken = `${CLIENT}
export async function old(): Promise<void> {
  const api = createClient<paths>({});
  await api.GET('/v1/received/{companyMessageId}', { params: { path: { id: '01JD5Z3M8Q0000000000000001' } } });
}
`;
    const errors = diagnosticsOf(broken);
    expect(errors).toEqual([expect.stringContaining("'id' does not exist in type '{ companyMessageId: string; }'")]);
  });
});
