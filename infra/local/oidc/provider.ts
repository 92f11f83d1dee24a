import type { Clock } from '../../../shared/ports/clock';
import type { LocalEndpoint, LocalResponse } from '../gateway';
import type { LocalIssuer } from '../issuer';
import { AuthorizationCodes } from './authorization-codes';
import { showSignIn, signIn } from './authorization';
import { portalClient } from './client';
import { providerMetadata } from './discovery';
import { endSession } from './logout';
import { STYLESHEET_PATH } from './page-layout';
import { formBody, readParameters } from './parameters';
import { corsHeaders, json, preflight } from './responses';
import { SIGN_IN_CSS } from './stylesheet';
import { exchangeCode } from './token-endpoint';

type Request = Parameters<LocalEndpoint>[0];

/**
 * The local OpenID Connect provider, standing in for the federal authentication service (eID,
 * itsme) for the portal: discovery, JWKS, the sign-in page, the token endpoint and logout.
 * Everything is in memory and lasts as long as the runtime.
 */
export function createOidcProvider(options: { issuer: LocalIssuer; clock: Clock }): (request: Request) => Promise<LocalResponse | undefined> {
  const { issuer } = options;
  const client = portalClient(issuer.issuer);
  const codes = new AuthorizationCodes(options.clock);
  const context = { issuer: issuer.issuer, client, codes };
  const cors = (request: Request) => corsHeaders(request.headers.origin, client.origins);
  const form = (request: Request) => {
    const body = formBody(request.body, request.headers['content-type']);
    return body && readParameters(body);
  };

  const routes: Record<string, (request: Request) => LocalResponse | Promise<LocalResponse>> = {
    'GET /local/.well-known/openid-configuration': (request) => json(200, providerMetadata(issuer.issuer), { 'Cache-Control': 'no-cache', ...cors(request) }),
    // A new key each start: no-cache, so nobody holds on to the previous run's.
    'GET /local/.well-known/jwks.json': (request) => json(200, issuer.jwks(), { 'Cache-Control': 'no-cache', ...cors(request) }),
    [`GET ${STYLESHEET_PATH}`]: () => ({
      status: 200,
      headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
      raw: SIGN_IN_CSS,
    }),
    'GET /local/authorize': (request) => showSignIn(readParameters(request.query), context),
    'POST /local/authorize': (request) => {
      const body = formBody(request.body, request.headers['content-type']) ?? new URLSearchParams();
      // The sign-in page posts ssin and name; without them it is an authorization request sent by POST.
      return body.has('ssin') || body.has('name') ? signIn(readParameters(body), context) : showSignIn(readParameters(body), context);
    },
    'POST /local/oauth/token': (request) => exchangeCode(form(request), { issuer, client, codes, cors: cors(request) }),
    'GET /local/logout': (request) => endSession(readParameters(request.query), { issuer, client }),
    'POST /local/logout': (request) => endSession(form(request) ?? readParameters(new URLSearchParams()), { issuer, client }),
    'OPTIONS /local/.well-known/openid-configuration': (request) => preflight(request.headers.origin, client.origins, 'GET'),
    'OPTIONS /local/.well-known/jwks.json': (request) => preflight(request.headers.origin, client.origins, 'GET'),
    'OPTIONS /local/oauth/token': (request) => preflight(request.headers.origin, client.origins, 'POST'),
  };
  return async (request) => routes[`${request.method} ${request.path}`]?.(request);
}
