import fc from 'fast-check';
import { call, clientToken, type ApiResponse } from './support/api';
import {
  adminToken,
  publish,
  randomEnterpriseNumber,
  randomSsin,
  samplePdf,
  setupEnterprise,
  setupSender,
  type EnterpriseSetup,
  type SenderSetup,
} from './support/fixtures';
import { SchemaArbitraries, type JsonSchema, type OpenApiLike } from './support/schema-arbitrary';

/**
 * Property-based fuzzing of every write and list route over HTTP, with bodies and queries
 * generated from the OpenAPI document (itself generated from the handlers' zod schemas): whatever
 * comes in, the answer is never a 5xx, and every refusal is problem+json. A fixed seed makes a
 * failure reproducible; FUZZ_RUNS overrides the 1,000 runs per route.
 */
const SEED = 20_261_130;
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
jest.setTimeout(600_000);

interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: JsonSchema; $ref?: string }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
type Document = OpenApiLike & { paths: Record<string, Record<string, Operation>> };

interface Target {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The token of a caller entitled to the route, so requests get past authorisation. */
  token: () => string;
  /** Real values for the path parameters (fuzzed now and then). */
  params: () => Record<string, string>;
}

let document: Document;
let sender: SenderSetup;
let company: EnterpriseSetup;
let admin: string;
let messageId: string;
let user: string;
/** USERs granted beforehand, for the revocations to find someone to revoke. */
const revocable: string[] = [];

beforeAll(async () => {
  document = (await call<Document>('GET', '/openapi.json')).body as Document;
  [sender, company, admin] = await Promise.all([setupSender({ acceptsMessages: true }), setupEnterprise(), adminToken()]);
  messageId = (await publish(sender, company.enterpriseNumber, { replyable: true })).messageId;
  user = randomSsin();
  for (const ssin of [user, ...Array.from({ length: 20 }, () => randomSsin())]) {
    const granted = await call('PUT', `/v1/enterprises/${company.enterpriseNumber}/access/${ssin}`, {
      token: company.manager.token,
      body: { role: 'USER', name: 'Fuzz User' },
    });
    expect(granted.status).toBe(201);
    if (ssin !== user) revocable.push(ssin);
  }
});

const pdfBase64 = samplePdf('fuzz').toString('base64');

/** Values that reach deep into the use cases when the schema alone would rarely find them. */
function overrides() {
  return {
    recipient: fc.constantFrom(company.enterpriseNumber, `BE${company.enterpriseNumber}`, randomEnterpriseNumber(), '0123456789'),
    documentType: fc.constantFrom('TAX_NOTICE', 'REMINDER', 'UNKNOWN'),
    contentBase64: fc.oneof(
      fc.constant(pdfBase64),
      fc.base64String({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
    ),
    mediaType: fc.constantFrom('application/pdf', 'text/plain'),
    to: fc.constantFrom(sender.senderId, 'nobody'),
    senderId: fc.constantFrom(sender.senderId, 'nobody'),
    enterpriseNumber: fc.constantFrom(company.enterpriseNumber, '0123456749'),
    ssin: fc.constantFrom(randomSsin(), randomSsin(true), '00000000000'),
    uploadId: fc.constantFrom('01ARZ3NDEKTSV4RRFFQ69G5FAV'),
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
    // Fields whose well-formed values are a narrow target: multilingual texts (publications,
    // senders) or plain ones (replies, company messages), valid PDFs.
    subject: fc.constantFrom({ fr: 'Avis' }, { nl: 'Bericht', en: 'Notice' }, 'Question'),
    body: fc.constantFrom({ fr: 'Texte' }, 'Bonjour'),
    name: fc.constantFrom({ fr: 'Nom', nl: 'Naam' }, 'Nom Prénom'),
    attachments: fc.constantFrom([], [{ fileName: 'avis.pdf', mediaType: 'application/pdf', contentBase64: pdfBase64 }]),
    cursor: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
    ),
  };
}

const targets = (): Target[] => {
  const n = () => company.enterpriseNumber;
  const manager = () => company.manager.token;
  const publisher = () => sender.token;
  const ops = () => admin;
  return [
    // Writes
    { method: 'PUT', path: '/v1/admin/senders/{senderId}', token: ops, params: () => ({ senderId: `fuzz-${sender.senderId}` }) },
    { method: 'PUT', path: '/v1/admin/clients/{clientId}', token: ops, params: () => ({ clientId: `fuzz-${sender.clientId}` }) },
    { method: 'PUT', path: '/v1/admin/enterprises/{enterpriseNumber}', token: ops, params: () => ({ enterpriseNumber: randomEnterpriseNumber() }) },
    { method: 'POST', path: '/v1/messages', token: publisher, params: () => ({}) },
    { method: 'POST', path: '/v1/uploads', token: publisher, params: () => ({}) },
    { method: 'PATCH', path: '/v1/enterprises/{enterpriseNumber}', token: manager, params: () => ({ enterpriseNumber: n() }) },
    { method: 'PATCH', path: '/v1/enterprises/{enterpriseNumber}/messages/{messageId}', token: manager, params: () => ({ enterpriseNumber: n(), messageId }) },
    {
      method: 'POST',
      path: '/v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies',
      token: manager,
      params: () => ({ enterpriseNumber: n(), messageId }),
    },
    { method: 'POST', path: '/v1/enterprises/{enterpriseNumber}/sent', token: manager, params: () => ({ enterpriseNumber: n() }) },
    { method: 'PUT', path: '/v1/enterprises/{enterpriseNumber}/access/{ssin}', token: manager, params: () => ({ enterpriseNumber: n(), ssin: user }) },
    {
      method: 'DELETE',
      path: '/v1/enterprises/{enterpriseNumber}/access/{ssin}',
      token: manager,
      params: () => ({ enterpriseNumber: n(), ssin: revocable.pop() ?? randomSsin() }),
    },
    // Lists
    { method: 'GET', path: '/v1/messages', token: publisher, params: () => ({}) },
    { method: 'GET', path: '/v1/received', token: publisher, params: () => ({}) },
    { method: 'GET', path: '/v1/senders', token: manager, params: () => ({}) },
    { method: 'GET', path: '/v1/enterprises/{enterpriseNumber}/messages', token: manager, params: () => ({ enterpriseNumber: n() }) },
    { method: 'GET', path: '/v1/enterprises/{enterpriseNumber}/sent', token: manager, params: () => ({ enterpriseNumber: n() }) },
    { method: 'GET', path: '/v1/enterprises/{enterpriseNumber}/access', token: manager, params: () => ({ enterpriseNumber: n() }) },
    { method: 'GET', path: '/v1/enterprises/{enterpriseNumber}/audit', token: manager, params: () => ({ enterpriseNumber: n() }) },
  ];
};

/** What every answer must be, whatever was asked. */
function checkAnswer(request: string, response: ApiResponse<unknown>): void {
  const problem = response.body as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown };
  const shape = {
    request,
    serverError: response.status >= 500,
    problemJson: response.status < 400 || response.headers.get('content-type') === 'application/problem+json',
    problemFields:
      response.status < 400 ||
      (typeof problem.type === 'string' && typeof problem.title === 'string' && problem.status === response.status && typeof problem.detail === 'string'),
    traceId: response.headers.get('belgov-trace-id') !== null,
    noNull: !holdsNull(response.body),
  };
  expect(shape).toEqual({ request, serverError: false, problemJson: true, problemFields: true, traceId: true, noNull: true });
}

/** JSON never carries null: absent values are omitted. */
function holdsNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  return Object.values(value).some(holdsNull);
}

function pathWith(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

describe('fuzzing every write and list route', () => {
  it(`never answers 5xx nor anything but problem+json to a refusal (${RUNS} generated requests per route, seed ${SEED})`, async () => {
    const generators = new SchemaArbitraries(document, overrides());
    const fuzzedPathValue = fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 1 });
    const counts: Record<string, Record<number, number>> = {};
    await Promise.all(
      targets().map(async (target) => {
        const operation = document.paths[target.path]?.[target.method.toLowerCase()];
        if (!operation) throw new Error(`${target.method} ${target.path} is not in the OpenAPI document`);
        const parameters = (operation.parameters ?? []).filter((parameter) => parameter.$ref === undefined);
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        const body = bodySchema ? generators.value(bodySchema) : fc.constant(undefined);
        const tally: Record<number, number> = {};
        counts[`${target.method} ${target.path}`] = tally;
        await fc.assert(
          fc.asyncProperty(generators.query(parameters), body, fuzzedPathValue, async (query, payload, pathValue) => {
            const values = target.params();
            const firstName = Object.keys(values)[0];
            if (pathValue !== undefined && firstName) values[firstName] = pathValue;
            const url = `${pathWith(target.path, values)}${query}`;
            const response = await call<unknown>(target.method, url, { token: target.token(), ...(payload === undefined ? {} : { body: payload }) });
            tally[response.status] = (tally[response.status] ?? 0) + 1;
            checkAnswer(`${target.method} ${url} ${JSON.stringify(payload)?.slice(0, 300) ?? ''}`, response);
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }),
    );
    console.info(`fuzz statuses per route: ${JSON.stringify(counts, null, 1)}`);
    // The generated requests reach past validation: every route saw successes as well as refusals.
    for (const [route, tally] of Object.entries(counts)) {
      const statuses = Object.keys(tally).map(Number);
      expect({ route, success: statuses.some((status) => status < 300), refused: statuses.some((status) => status >= 400) }).toEqual({
        route,
        success: true,
        refused: true,
      });
    }
  });

  it('leaves the company usable: the fuzzed tokens and data did not break its e-Box', async () => {
    const profile = await call('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token: company.manager.token });
    expect(profile.status).toBe(200);
    const inbox = await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: company.manager.token });
    expect(inbox.status).toBe(200);
    const stillPublishing = await clientToken(sender.clientId, 'ebox/publish');
    expect((await call('GET', '/v1/messages', { token: stillPublishing })).status).toBe(200);
  });
});
