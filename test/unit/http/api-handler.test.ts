import '../fixtures/quiet-logs';
import { z } from 'zod';
import type { Caller } from '../../../shared/domain/caller';
import { MissingPermissionError, NotFoundError } from '../../../shared/domain/errors';
import { enterpriseNumberSchema, booleanQuerySchema, multilingualTextSchema } from '../../../shared/domain/schemas';
import type { Scope } from '../../../shared/domain/roles';
import { publicRouteHandler, routeHandler as stackRouteHandler } from '../../../shared/http/api-handler';
import type { RouteContract } from '../../../shared/http/route-contract';
import type { Problem } from '../../../shared/http/problem';
import { created, noContent, ok } from '../../../shared/http/responses';
import { signAccessToken, testAccessTokens } from '../fixtures/access-tokens';
import { clientClaims, httpEvent, jsonBody, lambdaContext, personClaims } from '../fixtures/http-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const context = lambdaContext();
const problemOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null') as Problem;

/** The HTTP stack as it runs in AWS, verifying the tokens of the fixture issuer. */
function routeHandler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  contract: RouteContract<P, Q, B>,
  run: Parameters<typeof stackRouteHandler<P, Q, B>>[1],
) {
  return stackRouteHandler(contract, run, () => testAccessTokens);
}

/** A route of these tests, declared as the real ones are (only the scopes and schemas matter here). */
function testRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(spec: {
  scopes?: readonly Scope[];
  params?: P;
  query?: Q;
  body?: B;
}): RouteContract<P, Q, B> {
  return {
    method: 'GET',
    path: '/test',
    summary: 'A route of these tests',
    tag: 'Retrieval',
    security: spec.scopes ?? 'public',
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    responses: [{ status: 200, description: 'ok' }],
    errors: [],
    touches: {},
  };
}

/** A route in the shape of the real ones: a company's message list, scope ebox/read. */
const listRoute = '/v1/enterprises/{enterpriseNumber}/messages';
const seen: Caller[] = [];
const listMessages = routeHandler(
  testRoute({
    scopes: ['ebox/read'],
    params: z.strictObject({ enterpriseNumber: enterpriseNumberSchema }),
    query: z.strictObject({ read: booleanQuerySchema.optional(), pageSize: z.coerce.number().int().min(1).max(100).default(25) }),
  }),
  async ({ caller, params, query }) => {
    seen.push(caller);
    return ok({ items: [], pageSize: query.pageSize, enterpriseNumber: params.enterpriseNumber, read: query.read ?? null });
  },
);

/** A route with a body: publish, scope ebox/publish or ebox/admin. */
const publish = routeHandler(
  testRoute({
    scopes: ['ebox/publish', 'ebox/admin'],
    body: z.strictObject({
      recipient: enterpriseNumberSchema,
      subject: multilingualTextSchema(200),
      attachments: z.array(z.strictObject({ fileName: z.string(), contentBase64: z.base64().max(200) })).max(10),
    }),
  }),
  async ({ body, caller }) => created({ recipient: body.recipient, subject: body.subject, by: caller.kind }, '/v1/messages/01JD0000000000000000000000'),
);

const publishEvent = (body: unknown, headers: Record<string, string> = {}) =>
  httpEvent({ method: 'POST', route: '/v1/messages', body, headers, claims: clientClaims() });

const validMessage = { recipient: 'BE0123.456.749', subject: { fr: 'Avertissement-extrait de rôle' }, attachments: [] };

beforeEach(() => {
  seen.length = 0;
});

describe('routeHandler: success', () => {
  it('answers JSON with a fresh BelGov-Trace-Id and the parsed inputs', async () => {
    const event = httpEvent({
      route: listRoute,
      pathParameters: { enterpriseNumber: '0123456749' },
      queryStringParameters: { read: 'false', pageSize: '10' },
    });
    const response = await listMessages(event, context);
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['Content-Type']).toBe('application/json');
    expect(String(response.headers?.['BelGov-Trace-Id'])).toMatch(UUID);
    expect(response.headers).not.toHaveProperty('BelGov-Related-Trace-Id');
    expect(jsonBody(response)).toEqual({ items: [], pageSize: 10, enterpriseNumber: '0123456749', read: false });
  });

  it('gives every request its own trace id', async () => {
    const event = () => httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' } });
    const first = await listMessages(event(), context);
    const second = await listMessages(event(), context);
    expect(first.headers?.['BelGov-Trace-Id']).not.toBe(second.headers?.['BelGov-Trace-Id']);
  });

  it("echoes the client's belgov-trace-id as BelGov-Related-Trace-Id and still generates its own", async () => {
    const clientTrace = 'onss-7f3c2a10-req-42';
    const response = await listMessages(
      httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' }, headers: { 'BelGov-Trace-Id': clientTrace } }),
      context,
    );
    expect(response.headers?.['BelGov-Related-Trace-Id']).toBe(clientTrace);
    expect(String(response.headers?.['BelGov-Trace-Id'])).toMatch(UUID);
    expect(response.headers?.['BelGov-Trace-Id']).not.toBe(clientTrace);
  });

  it('normalises the enterprise number of the path', async () => {
    const response = await listMessages(httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: 'BE0417.497.106' } }), context);
    expect(jsonBody(response)).toEqual(expect.objectContaining({ enterpriseNumber: '0417497106', pageSize: 25 }));
  });

  it('keeps the headers of the route (201 + Location) next to the trace id', async () => {
    const response = await publish(publishEvent(validMessage), context);
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({
      'Content-Type': 'application/json',
      Location: '/v1/messages/01JD0000000000000000000000',
      'BelGov-Trace-Id': expect.stringMatching(UUID),
    });
    expect(jsonBody(response)).toEqual({ recipient: '0123456749', subject: { fr: 'Avertissement-extrait de rôle' }, by: 'client' });
  });

  it.each(['application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json'])('accepts the JSON content type %j', async (contentType) => {
    const response = await publish(publishEvent(JSON.stringify(validMessage), { 'Content-Type': contentType }), context);
    expect(response.statusCode).toBe(201);
  });

  it('decodes a base64-encoded body', async () => {
    const event = httpEvent({ method: 'POST', route: '/v1/messages', body: validMessage, isBase64Encoded: true, claims: clientClaims() });
    expect(event.body).not.toContain('recipient');
    const response = await publish(event, context);
    expect(response.statusCode).toBe(201);
    expect(jsonBody(response)).toEqual(expect.objectContaining({ recipient: '0123456749' }));
  });

  it('answers 204 without body or content type', async () => {
    const remove = routeHandler(testRoute({ scopes: ['ebox/read'] }), async () => noContent());
    const response = await remove(httpEvent({ method: 'DELETE' }), context);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBeUndefined();
    expect(response.headers).toEqual({ 'BelGov-Trace-Id': expect.stringMatching(UUID) });
  });
});

describe('routeHandler: the caller', () => {
  it('hands a person (ssin + name claims) to the route', async () => {
    const event = httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' }, claims: personClaims({ scope: 'openid ebox/read' }) });
    expect((await listMessages(event, context)).statusCode).toBe(200);
    expect(seen).toEqual([{ kind: 'person', ssin: '85073003328', name: 'Anne Dupont', scopes: ['openid', 'ebox/read'] }]);
  });

  it('hands a person born from 2000 to the route', async () => {
    // 2 000 000 000 + 010203123 = 2010203123 = 97 × 20723743 + 52 → check 45
    const event = httpEvent({
      route: listRoute,
      pathParameters: { enterpriseNumber: '0123456749' },
      claims: personClaims({ ssin: '01020312345', name: 'Lina Peeters' }),
    });
    expect((await listMessages(event, context)).statusCode).toBe(200);
    expect(seen).toEqual([{ kind: 'person', ssin: '01020312345', name: 'Lina Peeters', scopes: ['ebox/read'] }]);
  });

  it('hands a machine client (client_id claim) to the route', async () => {
    const event = httpEvent({
      route: listRoute,
      pathParameters: { enterpriseNumber: '0123456749' },
      claims: clientClaims({ client_id: 'acme-erp', sub: 'acme-erp', scope: 'ebox/read' }),
    });
    expect((await listMessages(event, context)).statusCode).toBe(200);
    expect(seen).toEqual([{ kind: 'client', clientId: 'acme-erp', scopes: ['ebox/read'] }]);
  });

  it('refuses a token whose ssin claim is not a valid SSIN (401 invalidAccessToken)', async () => {
    const event = httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' }, claims: personClaims({ ssin: '85073003329' }) });
    const response = await listMessages(event, context);
    expect(response.statusCode).toBe(401);
    expect(problemOf(response)).toEqual(expect.objectContaining({ type: 'urn:problem-type:belgif:invalidAccessToken', status: 401 }));
    expect(seen).toEqual([]);
  });

  it('refuses a token that names neither a person nor a client (401 invalidAccessToken)', async () => {
    const event = httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' }, claims: { sub: 'someone', scope: 'ebox/read' } });
    const response = await listMessages(event, context);
    expect(response.statusCode).toBe(401);
    expect(problemOf(response).type).toBe('urn:problem-type:belgif:invalidAccessToken');
  });
});

describe('routeHandler: the bearer token, verified by the function itself', () => {
  const secondsAt = (date: Date) => Math.floor(date.getTime() / 1000);
  const now = secondsAt(new Date('2026-11-28T21:56:39.123Z'));
  const withToken = (authorization: string) => httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' }, headers: { authorization } });
  const refusal = async (authorization: string) => {
    const response = await listMessages(withToken(authorization), context);
    return {
      status: response.statusCode,
      type: problemOf(response).type,
      detail: problemOf(response).detail,
      challenge: response.headers?.['WWW-Authenticate'],
    };
  };
  const invalid = 'urn:problem-type:belgif:invalidAccessToken';

  beforeEach(() => {
    seen.length = 0;
  });
  afterEach(() => expect(seen).toEqual([]));

  it('refuses a token signed by a key the issuer never published', async () => {
    expect(await refusal(`Bearer ${signAccessToken(personClaims(), { signedBy: 'stranger' })}`)).toEqual({
      status: 401,
      type: invalid,
      detail: 'The access token is invalid (signature, issuer or format)',
      challenge: 'Bearer realm="ebox", error="invalid_token"',
    });
  });

  it('refuses an expired token as expiredAccessToken', async () => {
    expect(await refusal(`Bearer ${signAccessToken({ ...personClaims(), iat: now - 7200, exp: now - 1 })}`)).toEqual({
      status: 401,
      type: 'urn:problem-type:belgif:expiredAccessToken',
      detail: 'The access token has expired',
      challenge: 'Bearer realm="ebox", error="invalid_token", error_description="The access token expired"',
    });
  });

  it('refuses a token from another issuer', async () => {
    expect(await refusal(`Bearer ${signAccessToken({ ...personClaims(), iss: 'https://elsewhere.example.com' })}`)).toMatchObject({
      status: 401,
      type: invalid,
    });
  });

  it('refuses a token issued for another API (audience)', async () => {
    expect(await refusal(`Bearer ${signAccessToken({ ...personClaims(), aud: ['another-api'] })}`)).toEqual(
      expect.objectContaining({ status: 401, type: invalid, detail: 'The access token was not issued for this API (audience)' }),
    );
  });

  it('accepts a client-credentials token without aud whose client_id is a configured audience (Cognito)', async () => {
    const response = await listMessages(withToken(`Bearer ${signAccessToken({ aud: undefined, client_id: 'ebox-api', scope: 'ebox/read' })}`), context);
    expect(response.statusCode).toBe(200);
    seen.length = 0;
  });

  it('refuses an unsigned token (alg none) and a token that is not a JWT', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(personClaims())).toString('base64url')}.`;
    expect(await refusal(`Bearer ${unsigned}`)).toMatchObject({ status: 401, type: invalid });
    expect(await refusal('Bearer not-a-token')).toMatchObject({ status: 401, type: invalid });
  });

  it('refuses another scheme than Bearer as invalid, not as missing', async () => {
    expect(await refusal('Basic b25zczpzZWNyZXQ=')).toEqual(
      expect.objectContaining({ status: 401, type: invalid, detail: 'The Authorization header must be "Bearer <access token>"' }),
    );
  });
});

describe('routeHandler: refusals as application/problem+json', () => {
  it('answers 401 noAccessToken when the request carries no token', async () => {
    const event = httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' }, claims: null, headers: { 'belgov-trace-id': 'trace-1' } });
    const response = await listMessages(event, context);
    expect(response.statusCode).toBe(401);
    expect(response.headers).toEqual({
      'Content-Type': 'application/problem+json',
      'WWW-Authenticate': 'Bearer realm="ebox"',
      'BelGov-Trace-Id': expect.stringMatching(UUID),
      'BelGov-Related-Trace-Id': 'trace-1',
    });
    expect(problemOf(response)).toEqual({
      type: 'urn:problem-type:belgif:noAccessToken',
      title: 'No Access Token',
      status: 401,
      detail: 'This operation requires a bearer access token in the Authorization header',
      instance: '/v1/enterprises/0123456749/messages',
    });
    expect(seen).toEqual([]);
  });

  it('answers 403 missingScope with requiredScopes when the token lacks the scope', async () => {
    const event = httpEvent({ method: 'POST', route: '/v1/messages', body: validMessage, claims: clientClaims({ scope: 'ebox/read' }) });
    const response = await publish(event, context);
    expect(response.statusCode).toBe(403);
    expect(response.headers?.['Content-Type']).toBe('application/problem+json');
    expect(problemOf(response)).toEqual({
      type: 'urn:problem-type:belgif:missingScope',
      title: 'Missing Scope',
      status: 403,
      detail: 'This operation requires the scope ebox/publish or ebox/admin',
      requiredScopes: ['ebox/publish', 'ebox/admin'],
      instance: '/v1/messages',
    });
  });

  it('does not take a scope that merely contains the required one', async () => {
    const event = httpEvent({
      route: listRoute,
      pathParameters: { enterpriseNumber: '0123456749' },
      claims: personClaims({ scope: 'ebox/reader ebox/read-only' }),
    });
    expect((await listMessages(event, context)).statusCode).toBe(403);
  });

  it('checks the scope before validating inputs', async () => {
    const event = httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: 'nonsense' }, claims: personClaims({ scope: '' }) });
    expect(problemOf(await listMessages(event, context)).type).toBe('urn:problem-type:belgif:missingScope');
  });

  it('answers 400 badRequest for a body that is not JSON', async () => {
    const response = await publish(publishEvent('{"recipient": "0123456749",', { 'content-type': 'application/json' }), context);
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['Content-Type']).toBe('application/problem+json');
    expect(problemOf(response)).toEqual({
      type: 'urn:problem-type:belgif:badRequest',
      title: 'Bad Request',
      status: 400,
      detail: 'The body is not valid JSON',
      instance: '/v1/messages',
      issues: [
        {
          type: 'urn:problem-type:belgif:input-validation:schemaViolation',
          title: "Input isn't valid with respect to schema",
          in: 'body',
          name: 'body',
          detail: 'The body is not valid JSON',
        },
      ],
    });
  });

  it('answers 400 when a JSON body is required but absent', async () => {
    const event = httpEvent({ method: 'POST', route: '/v1/messages', headers: { 'content-type': 'application/json' }, claims: clientClaims() });
    const problem = problemOf(await publish(event, context));
    expect(problem.status).toBe(400);
    expect(problem.detail).toBe('A JSON body is required');
    expect(problem.issues).toEqual([expect.objectContaining({ in: 'body', name: 'body' })]);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['application/jsonp', 'application/jsonp'],
  ])('answers 400 naming the Content-Type header for %j', async (contentType, echoed) => {
    const response = await publish(publishEvent(JSON.stringify(validMessage), { 'content-type': contentType }), context);
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toEqual(
      expect.objectContaining({
        type: 'urn:problem-type:belgif:badRequest',
        detail: 'The request body must be JSON (Content-Type: application/json)',
        issues: [
          {
            type: 'urn:problem-type:belgif:input-validation:schemaViolation',
            title: "Input isn't valid with respect to schema",
            in: 'header',
            name: 'Content-Type',
            value: echoed,
            detail: 'Content-Type must be application/json',
          },
        ],
      }),
    );
  });

  it('answers 400 naming Content-Type when the header is missing', async () => {
    const event = httpEvent({ method: 'POST', route: '/v1/messages', body: JSON.stringify(validMessage), claims: clientClaims() });
    expect(event.headers['content-type']).toBeUndefined();
    const problem = problemOf(await publish(event, context));
    expect(problem.issues?.map((issue) => [issue.in, issue.name])).toEqual([['header', 'Content-Type']]);
  });

  it('answers 400 with every zod violation named by its path and location', async () => {
    const body = {
      recipient: '0123456748',
      subject: { fr: '', es: 'Aviso' },
      attachments: [
        { fileName: 'avis.pdf', contentBase64: 'JVBERi0xLjcK' },
        { fileName: 'big.pdf', contentBase64: 'JVBERi0xLjcK'.repeat(20) },
      ],
      priority: 'high',
    };
    const response = await publish(publishEvent(body), context);
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.type).toBe('urn:problem-type:belgif:badRequest');
    expect(problem.detail).toBe('The input message is incorrect');
    const issues = problem.issues ?? [];
    expect(issues.map((issue) => `${issue.in} ${issue.name} ${issue.type.split(':').pop() ?? ''}`).sort()).toEqual([
      'body attachments[1].contentBase64 schemaViolation',
      'body priority unknownInput',
      'body recipient schemaViolation',
      'body subject.es unknownInput',
      'body subject.fr schemaViolation',
    ]);
    expect(issues.find((issue) => issue.name === 'recipient')).toEqual(
      expect.objectContaining({ value: '0123456748', detail: 'recipient: Invalid enterprise number: the check digits of this enterprise number are wrong' }),
    );
    expect(issues.find((issue) => issue.name === 'attachments[1].contentBase64')).not.toHaveProperty('value');
    expect(response.body).not.toContain('JVBERi0xLjcKJVBERi0x');
  });

  it('answers 400 naming path and query parameters with in: path / in: query', async () => {
    const event = httpEvent({
      route: listRoute,
      pathParameters: { enterpriseNumber: '0123.456.748' },
      queryStringParameters: { read: 'yes' },
    });
    const response = await listMessages(event, context);
    expect(response.statusCode).toBe(400);
    // the path is checked before the query: only the path issue is reported
    expect(problemOf(response).issues).toEqual([expect.objectContaining({ in: 'path', name: 'enterpriseNumber', value: '0123.456.748' })]);
    const queryOnly = await listMessages(
      httpEvent({ route: listRoute, pathParameters: { enterpriseNumber: '0123456749' }, queryStringParameters: { read: 'yes', pageSize: '500', sort: 'asc' } }),
      context,
    );
    expect(problemOf(queryOnly).issues?.map((issue) => [issue.in, issue.name, issue.value])).toEqual([
      ['query', 'read', 'yes'],
      ['query', 'pageSize', '500'],
      ['query', 'sort', undefined],
    ]);
    expect(seen).toEqual([]);
  });

  it('maps a domain error thrown by the route to its problem type', async () => {
    const route = routeHandler(testRoute({ scopes: ['ebox/read'] }), async () => {
      throw new MissingPermissionError('Only an access manager may grant access');
    });
    const response = await route(
      httpEvent({ method: 'PUT', route: '/v1/enterprises/{n}/access/{ssin}', path: '/v1/enterprises/0123456749/access/85073003328' }),
      context,
    );
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toEqual({
      type: 'urn:problem-type:belgif:missingPermission',
      title: 'Missing Permission',
      status: 403,
      detail: 'Only an access manager may grant access',
      instance: '/v1/enterprises/0123456749/access/85073003328',
    });
  });

  it('answers 500 without internals when the route throws an unknown error', async () => {
    const secret = 'ConditionalCheckFailed on arn:aws:dynamodb:eu-west-1:123456789012:table/ebox-prod';
    const route = routeHandler(testRoute({ scopes: ['ebox/read'] }), async () => {
      throw new Error(secret);
    });
    const response = await route(httpEvent({ headers: { 'belgov-trace-id': 'trace-500' } }), context);
    expect(response.statusCode).toBe(500);
    expect(response.headers).toEqual({
      'Content-Type': 'application/problem+json',
      'BelGov-Trace-Id': expect.stringMatching(UUID),
      'BelGov-Related-Trace-Id': 'trace-500',
    });
    expect(problemOf(response)).toEqual({
      type: 'urn:problem-type:belgif:internalServerError',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server encountered an unexpected error; quote the BelGov-Trace-Id header when reporting it',
      instance: '/v1/me',
    });
    expect(response.body).not.toContain('ConditionalCheckFailed');
    expect(response.body).not.toContain('arn:aws');
    expect(response.body).not.toContain('api-handler.test');
    expect(response.body).not.toMatch(/\bat\s/);
  });
});

describe('handlers and their contracts', () => {
  it('a handler carries the contract it was built from', () => {
    const contract = testRoute({ scopes: ['ebox/read'] });
    expect(routeHandler(contract, async () => noContent()).contract).toBe(contract);
  });

  it('refuses to build a public contract as an authenticated route, and the other way round', () => {
    expect(() => routeHandler(testRoute({}), async () => noContent())).toThrow('is public');
    expect(() => publicRouteHandler(testRoute({ scopes: ['ebox/read'] }), async () => noContent())).toThrow('needs a token');
  });
});

describe('publicRouteHandler', () => {
  const health = publicRouteHandler(testRoute({}), async () => ok({ status: 'UP' }));

  it('answers without any token', async () => {
    const response = await health(httpEvent({ route: '/health', claims: null }), context);
    expect(response.statusCode).toBe(200);
    expect(jsonBody(response)).toEqual({ status: 'UP' });
    expect(String(response.headers?.['BelGov-Trace-Id'])).toMatch(UUID);
  });

  it('echoes the client trace id too', async () => {
    const response = await health(httpEvent({ route: '/health', claims: null, headers: { 'belgov-trace-id': 'probe-1' } }), context);
    expect(response.headers?.['BelGov-Related-Trace-Id']).toBe('probe-1');
  });

  it('validates its query and answers problem+json', async () => {
    const openapi = publicRouteHandler(testRoute({ query: z.strictObject({ format: z.enum(['json', 'yaml']).default('json') }) }), async ({ query }) =>
      ok({ format: query.format }),
    );
    const good = await openapi(httpEvent({ route: '/openapi.json', claims: null, queryStringParameters: { format: 'yaml' } }), context);
    expect(jsonBody(good)).toEqual({ format: 'yaml' });
    const bad = await openapi(httpEvent({ route: '/openapi.json', claims: null, queryStringParameters: { format: 'xml' } }), context);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers?.['Content-Type']).toBe('application/problem+json');
    expect(problemOf(bad).issues).toEqual([expect.objectContaining({ in: 'query', name: 'format', value: 'xml' })]);
  });

  it('maps a NotFoundError to 404 resourceNotFound', async () => {
    const missing = publicRouteHandler(testRoute({}), async () => {
      throw new NotFoundError('Nothing here');
    });
    const response = await missing(httpEvent({ route: '/nothing', claims: null }), context);
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toEqual({
      type: 'urn:problem-type:belgif:resourceNotFound',
      title: 'Resource Not Found',
      status: 404,
      detail: 'Nothing here',
      instance: '/nothing',
    });
  });
});
