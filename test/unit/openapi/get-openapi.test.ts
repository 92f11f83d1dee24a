import '../fixtures/quiet-logs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { buildOpenApiDocument } from '../../../functions/openapi/document';
import { ROUTES } from '../../../functions/routes';
import { documentSettings } from '../../../functions/openapi/settings';
import type { Problem } from '../../../shared/http/problem';
import { serveJwks, TEST_AUDIENCE, TEST_ISSUER } from '../fixtures/access-tokens';
import { clientClaims, httpEvent, jsonBody, lambdaContext } from '../fixtures/http-event';

interface HandlerModule {
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
}

const root = join(__dirname, '../../..');
const load = (handler: string): HandlerModule['handler'] => jest.requireActual<HandlerModule>(join(root, handler)).handler;

describe('GET /openapi.json and GET /doc/openapi.json', () => {
  it.each([
    ['functions/openapi/get-openapi/handler.ts', '/openapi.json'],
    ['functions/openapi/get-doc-openapi/handler.ts', '/doc/openapi.json'],
  ])('%s serves the generated document, without a token', async (module, route) => {
    const response = await load(module)(httpEvent({ route, claims: null }), lambdaContext());
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['Content-Type']).toBe('application/json');
    expect(jsonBody(response)).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(ROUTES, documentSettings(process.env)))));
  });
});

describe('the documented scopes are the ones the handlers enforce', () => {
  // The real handlers build their container from the environment, as in Lambda, and fetch the
  // fixture issuer's keys; nothing else is reached: the scope check comes before any input.
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  beforeAll(async () => {
    jwks = await serveJwks();
    Object.assign(process.env, {
      TABLE_NAME: 'ebox-unit',
      BUCKET_NAME: 'ebox-unit-documents',
      NOTIFICATIONS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/ebox-unit',
      MAIL_FROM: 'no-reply@ebox.example.be',
      PORTAL_URL: 'https://ebox.example.be',
      JWT_ISSUER: TEST_ISSUER,
      JWT_AUDIENCE: TEST_AUDIENCE,
      JWKS_URL: jwks.url,
    });
  });
  afterAll(() => jwks.stop());
  // Valid now on the machine's clock, which the real container reads.
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  const secured = ROUTES.filter((route) => route.auth === 'jwt').map((route) => [`${route.method} ${route.path}`, route] as const);

  it.each(secured)('%s', async (key, route) => {
    const spec = route;
    if (spec.security === 'public') throw new Error(`${key} is documented as public`);
    // A token without any e-Box scope: the handler refuses it before reading any input.
    const event = httpEvent({ method: route.method, route: route.path, claims: clientClaims({ scope: 'openid', iat: inAnHour() - 7200, exp: inAnHour() }) });
    const response = await load(route.handler)(event, lambdaContext());
    expect(response.statusCode).toBe(403);
    const problem = jsonBody(response) as Problem;
    expect([...(problem.requiredScopes ?? [])].sort()).toEqual([...spec.security].sort());
  });
});
