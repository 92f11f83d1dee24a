import { ROUTES } from '../../../functions/routes';
import {
  PROBLEM_MEDIA_TYPE,
  SECURITY_SCHEMES,
  buildOpenApiDocument,
  pathParameterNames,
  type HttpMethod,
  type JsonSchema,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type Reference,
  type ResponseObject,
} from '../../../functions/openapi/document';
import type { RouteDefinition } from '../../../functions/routes';
import { documentSettings } from '../../../functions/openapi/settings';

const operationKey = (route: Pick<RouteDefinition, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** Built on first use, so that a missing operation fails the tests that name it rather than the whole file. */
let built: OpenApiDocument | undefined;
const doc = (): OpenApiDocument => (built ??= buildOpenApiDocument());

function operationOf(method: string, path: string): OperationObject {
  const operation = doc().paths[path]?.[method.toLowerCase() as HttpMethod];
  if (!operation) throw new Error(`${method} ${path} is not in the document`);
  return operation;
}

/** Follows one `#/components/...` reference within the doc(). */
function resolve<T>(value: T | Reference): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value;
  const target = value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], doc());
  if (target === undefined) throw new Error(`unresolved reference ${value.$ref}`);
  return target as T;
}

const schemaOf = (schema: JsonSchema): JsonSchema => resolve<JsonSchema>(schema as JsonSchema | Reference);

describe('the OpenAPI document covers every route', () => {
  it.each(ROUTES.map((route) => [operationKey(route), route] as const))('documents %s', (_key, route) => {
    const operation = operationOf(route.method, route.path);
    expect(operation.summary.length).toBeGreaterThan(0);
    expect(Object.keys(operation.responses).some((status) => /^[23]\d\d$/.test(status))).toBe(true);
  });

  it('documents nothing but the routes', () => {
    const documented = Object.entries(doc().paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => !key.startsWith('x-'))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map(operationKey).sort());
  });

  it('refuses to build when a route declares other path parameters than its path has', () => {
    const listInbox = ROUTES.find((route) => route.path === '/v1/enterprises/{enterpriseNumber}/messages');
    if (!listInbox) throw new Error('the inbox route is missing');
    const renamed = { ...listInbox, path: '/v1/companies/{companyNumber}/messages' };
    expect(() => buildOpenApiDocument([...ROUTES, renamed])).toThrow('the path parameters schema declares [enterpriseNumber], the path has [companyNumber]');
  });

  it('gives every operation a unique operationId', () => {
    const ids = ROUTES.map((route) => operationOf(route.method, route.path).operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationOf('POST', '/v1/messages').operationId).toBe('publishMessage');
  });

  it.each(ROUTES.map((route) => [operationKey(route), route] as const))('%s declares exactly the parameters of its path', (_key, route) => {
    const declared = (operationOf(route.method, route.path).parameters ?? [])
      .map((parameter) => resolve<ParameterObject>(parameter))
      .filter((parameter) => parameter.in === 'path');
    expect(declared.map((parameter) => parameter.name).sort()).toEqual(pathParameterNames(route.path).sort());
    for (const parameter of declared) expect(parameter.required).toBe(true);
  });
});

describe('security', () => {
  it('describes OAuth2: client credentials for machine clients, authorization code for people, with every scope', () => {
    const { MachineClient, Person } = doc().components.securitySchemes;
    expect(MachineClient).toMatchObject({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://localhost:3000/local/oauth/token' } } });
    expect(Object.keys(MachineClient.flows.clientCredentials?.scopes ?? {}).sort()).toEqual(['ebox/admin', 'ebox/publish', 'ebox/read']);
    expect(Person.flows.authorizationCode).toMatchObject({
      authorizationUrl: 'http://localhost:3000/local/authorize',
      tokenUrl: 'http://localhost:3000/local/oauth/token',
      scopes: { 'ebox/read': expect.any(String) },
    });
    expect(Object.keys(Person.flows.authorizationCode?.scopes ?? {})).toEqual(['ebox/read']);
  });

  it("takes the issuer's endpoints and the base URL from the configuration", () => {
    const configured = buildOpenApiDocument(
      ROUTES,
      documentSettings({
        JWT_ISSUER: 'https://idp.example.be/realms/ebox/',
        API_BASE_URL: 'https://ebox.example.be',
        OAUTH_TOKEN_URL: 'https://idp.example.be/token',
      }),
    );
    expect(configured.servers[0]?.url).toBe('https://ebox.example.be');
    expect(configured.components.securitySchemes.MachineClient.flows.clientCredentials?.tokenUrl).toBe('https://idp.example.be/token');
    expect(configured.components.securitySchemes.Person.flows.authorizationCode?.authorizationUrl).toBe('https://idp.example.be/realms/ebox/authorize');
  });

  it('leaves /health and /openapi.json public and requires a token everywhere else', () => {
    for (const route of ROUTES) {
      const security = operationOf(route.method, route.path).security;
      if (route.auth === 'none') expect(security).toEqual([]);
      else expect(security.length).toBeGreaterThan(0);
    }
    expect(operationOf('GET', '/health').security).toEqual([]);
    expect(operationOf('GET', '/openapi.json').security).toEqual([]);
    expect(operationOf('GET', '/doc/openapi.json').security).toEqual([]);
  });

  it.each([
    ['PUT', '/v1/admin/senders/{senderId}', [['ebox/admin']]],
    ['POST', '/v1/messages', [['ebox/publish']]],
    ['GET', '/v1/enterprises/{enterpriseNumber}/preferences', [['ebox/publish']]],
    ['GET', '/v1/enterprises/{enterpriseNumber}/messages', [['ebox/read']]],
    ['DELETE', '/v1/enterprises/{enterpriseNumber}/access/{ssin}', [['ebox/read']]],
    ['GET', '/v1/senders', [['ebox/read'], ['ebox/publish']]],
  ])('%s %s requires one of the scopes %j', (method, path, scopes) => {
    // One requirement per scheme that can carry the scope: people get ebox/read only.
    const expected = scopes.flatMap(([scope]) =>
      Object.entries(SECURITY_SCHEMES)
        .filter(([, carried]) => (carried as readonly string[]).includes(scope ?? ''))
        .map(([scheme]) => ({ [scheme]: [scope] })),
    );
    expect(operationOf(method, path).security).toEqual(expected);
  });

  it('answers 401 and 403 on every authenticated route', () => {
    for (const route of ROUTES.filter((candidate) => candidate.auth === 'jwt')) {
      expect(Object.keys(operationOf(route.method, route.path).responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });
});

describe('errors', () => {
  it('answers 400 wherever there is input to validate', () => {
    for (const route of ROUTES) {
      if (route.params || route.query || route.body) expect([operationKey(route), route.errors]).toEqual([operationKey(route), expect.arrayContaining([400])]);
    }
  });

  it('describes every error response as application/problem+json with the shared Problem schema', () => {
    let seen = 0;
    for (const route of ROUTES) {
      for (const [status, response] of Object.entries(operationOf(route.method, route.path).responses)) {
        // The health check's 503 is its DOWN status; `default` has API Gateway's own body too (below).
        if (status === 'default' || Number(status) < 400 || (route.path === '/health' && status === '503')) continue;
        seen += 1;
        expect((response as Reference).$ref).toMatch(/^#\/components\/responses\//);
        const content = resolve<ResponseObject>(response).content ?? {};
        expect(Object.keys(content)).toEqual([PROBLEM_MEDIA_TYPE]);
        expect(content[PROBLEM_MEDIA_TYPE]?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
    expect(seen).toBeGreaterThan(ROUTES.length);
  });

  it('has the belgif Problem shape with issues, requiredScopes and expiredAt', () => {
    const problem = doc().components.schemas.Problem;
    expect(problem?.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(Object.keys(problem?.properties ?? {})).toEqual(['type', 'title', 'status', 'detail', 'instance', 'issues', 'requiredScopes', 'expiredAt']);
    expect(problem?.properties?.requiredScopes).toMatchObject({ type: 'array', items: { type: 'string' } });
    const issue = doc().components.schemas.InputValidationIssue;
    expect(issue?.required).toEqual(['type', 'title', 'in', 'name', 'detail']);
    expect(issue?.properties?.in).toMatchObject({ enum: ['body', 'query', 'path', 'header'] });
  });

  it.each([
    ['POST', '/v1/messages', ['400', '401', '403', '409', '413', '415', '500']],
    ['GET', '/v1/enterprises/{enterpriseNumber}/messages/{messageId}', ['400', '401', '403', '404', '410', '500']],
    ['GET', '/health', ['500', '503']],
  ])('%s %s answers %j', (method, path, statuses) => {
    expect(Object.keys(operationOf(method, path).responses).filter((status) => Number(status) >= 400)).toEqual(statuses);
  });

  it("answers by default a problem, or API Gateway's own JSON when it refuses before any function runs", () => {
    for (const route of ROUTES) expect(operationOf(route.method, route.path).responses.default).toEqual({ $ref: '#/components/responses/DefaultProblem' });
    const fallback = doc().components.responses.DefaultProblem;
    expect(fallback?.content?.[PROBLEM_MEDIA_TYPE]?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(fallback?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/GatewayError' });
  });
});

describe('schemas', () => {
  it("documents the publish request from the handler's own schema (input side of the transforms)", () => {
    const requestBody = operationOf('POST', '/v1/messages').requestBody;
    expect(requestBody?.required).toBe(true);
    const body = schemaOf(requestBody?.content['application/json']?.schema ?? {});
    expect(body.required).toEqual(['recipient', 'documentType', 'subject']);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties?.recipient).toMatchObject({ type: 'string', example: '0123456749' });
    const attachments = body.properties?.attachments;
    expect(attachments).toMatchObject({ type: 'array', maxItems: 10 });
    const item = typeof attachments === 'object' && !Array.isArray(attachments.items) ? attachments.items : undefined;
    expect(Object.keys((typeof item === 'object' ? item.properties : undefined) ?? {})).toEqual(['fileName', 'mediaType', 'contentBase64', 'uploadId']);
    expect(body.properties?.subject).toMatchObject({ properties: { fr: { maxLength: 200 } } });
  });

  it('documents the enterpriseNumber path parameter with its accepted formats', () => {
    const parameter = (operationOf('GET', '/v1/enterprises/{enterpriseNumber}').parameters ?? [])
      .map((candidate) => resolve<ParameterObject>(candidate))
      .find((candidate) => candidate.name === 'enterpriseNumber');
    expect(parameter).toMatchObject({ in: 'path', required: true, schema: { type: 'string' } });
    expect(parameter?.description).toContain('BE0123456749');
  });

  it('documents query parameters with their defaults and text-encoded booleans', () => {
    const parameters = (operationOf('GET', '/v1/enterprises/{enterpriseNumber}/messages').parameters ?? []).map((candidate) =>
      resolve<ParameterObject>(candidate),
    );
    const byName = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter]));
    expect(byName.pageSize).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } });
    expect(byName.read).toMatchObject({ in: 'query', required: false, schema: { enum: ['true', 'false'] } });
    expect(byName['BelGov-Trace-Id']).toMatchObject({ in: 'header', required: false });
  });

  it('puts the response views into components/schemas and references them', () => {
    const ok = resolve<ResponseObject>(operationOf('GET', '/v1/enterprises/{enterpriseNumber}/messages').responses['200'] ?? { $ref: '#/missing' });
    expect(ok.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/MessageSummaryPage' });
    expect(doc().components.schemas.MessageSummaryPage?.properties?.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/MessageSummary' } });
    expect(doc().components.schemas.MessageSummaryPage?.required).toEqual(['items', 'pageSize', 'self']);
    expect(doc().components.schemas.MultilingualText).toBeDefined();
    const refs = JSON.stringify(doc()).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.filter((ref) => ref.includes('$defs'))).toEqual([]);
  });

  it('documents the responses that are not in views: /v1/me and the preferences', () => {
    const me = schemaOf(doc().components.schemas.Me ?? {});
    expect(me.anyOf).toEqual([{ $ref: '#/components/schemas/PersonIdentity' }, { $ref: '#/components/schemas/ClientIdentity' }]);
    expect(doc().components.schemas.Preferences?.required).toEqual(['enterpriseNumber', 'digitalOnly']);
  });

  it('documents the Location of a publication and the redirect of a download', () => {
    const created = resolve<ResponseObject>(operationOf('POST', '/v1/messages').responses['201'] ?? { $ref: '#/missing' });
    expect(Object.keys(created.headers ?? {})).toContain('Location');
    const download = operationOf('GET', '/v1/enterprises/{enterpriseNumber}/messages/{messageId}/attachments/{attachmentId}/content');
    const redirect = resolve<ResponseObject>(download.responses['302'] ?? { $ref: '#/missing' });
    expect(redirect.content).toBeUndefined();
    expect(Object.keys(redirect.headers ?? {})).toEqual(expect.arrayContaining(['Location', 'Repr-Digest']));
  });

  it("serves no JSON Schema dialect of its own: the schemas use OpenAPI 3.1's (draft 2020-12)", () => {
    expect(JSON.stringify(doc())).not.toContain('"$schema"');
    expect(doc().openapi).toBe('3.1.0');
    expect(doc().servers).toEqual([expect.objectContaining({ url: '/' })]);
  });
});
