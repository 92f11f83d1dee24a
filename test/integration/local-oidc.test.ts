import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { BASE_URL, personToken } from './support/api';

/**
 * The local OpenID Connect provider the portal signs in with (authorization code + PKCE), driven
 * by hand over HTTP the way oauth4webapi drives it from the browser.
 */
interface Metadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  [name: string]: unknown;
}

interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  id_token: string;
  scope: string;
  error?: string;
  error_description?: string;
}

const CALLBACK = `${BASE_URL}/callback`;
const ANNE = { ssin: '85073003328', name: 'Anne Dupont' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let metadata: Metadata;
let clientId: string;

/** The provider's endpoints are on localhost; the runtime listens on 127.0.0.1, same port. */
const onBase = (url: string) => `${BASE_URL}${new URL(url).pathname}`;

const post = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: FORM, body: new URLSearchParams(fields).toString() });

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizationRequest(challenge: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const request: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope: 'openid profile ebox/read',
    state: randomBytes(16).toString('base64url'),
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(request).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const authorizeUrl = (request: Record<string, string>) => `${onBase(metadata.authorization_endpoint)}?${new URLSearchParams(request).toString()}`;

/** The sign-in page's hidden inputs, as the browser would post them back. */
function hiddenFields(html: string): Record<string, string> {
  const decodeEntities = (value: string) => value.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1] ?? '', decodeEntities(match[2] ?? '')]),
  );
}

/** Opens the sign-in page and submits it: the redirect back to the client, and what the client kept. */
async function signIn(person: { ssin: string; name: string } = ANNE, overrides: Record<string, string | undefined> = {}) {
  const { verifier, challenge } = pkce();
  const request = authorizationRequest(challenge, overrides);
  const page = await fetch(authorizeUrl(request), { redirect: 'manual' });
  expect(page.status).toBe(200);
  const answer = await post(onBase(metadata.authorization_endpoint), { ...hiddenFields(await page.text()), ...person });
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location') ?? '');
  return { location, code: location.searchParams.get('code') ?? '', verifier, request };
}

function exchange(fields: Record<string, string>) {
  return post(onBase(metadata.token_endpoint), { grant_type: 'authorization_code', redirect_uri: CALLBACK, client_id: clientId, ...fields });
}

beforeAll(async () => {
  // The client id the runtime hands the portal, so a drift between the two shows here.
  clientId = ((await (await fetch(`${BASE_URL}/config.json`)).json()) as { clientId: string }).clientId;
  metadata = (await (await fetch(`${BASE_URL}/local/.well-known/openid-configuration`)).json()) as Metadata;
});

describe('discovery', () => {
  it('describes an authorization code + PKCE provider for a public client', () => {
    const issuer = `http://localhost:${new URL(BASE_URL).port}/local`;
    expect(metadata).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      end_session_endpoint: `${issuer}/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'ebox/read'],
      token_endpoint_auth_methods_supported: ['none'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: expect.arrayContaining(['sub', 'name', 'nonce', 'auth_time']),
      authorization_response_iss_parameter_supported: true,
    });
    expect(clientId).toBe('ebox-portal');
  });

  it('lets the portal read it from its other origin (CORS), and nobody else', async () => {
    const other = BASE_URL.replace('127.0.0.1', 'localhost');
    const allowed = await fetch(`${BASE_URL}/local/.well-known/openid-configuration`, { headers: { origin: other } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(other);
    const refused = await fetch(`${BASE_URL}/local/.well-known/openid-configuration`, { headers: { origin: 'https://evil.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the sign-in page', () => {
  it('is a complete page with the labelled fields and the button', async () => {
    const response = await fetch(authorizeUrl(authorizationRequest(pkce().challenge)), { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toMatch(/<title>[^<]*Sign in[^<]*<\/title>/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html.match(/<main[ >]/g)).toHaveLength(1);
    expect(html).toMatch(/eID|itsme/);
    expect(html).toContain('<label for="ssin">National number (SSIN)</label>');
    expect(html).toContain('<label for="name">Name</label>');
    expect(html).toMatch(/<input id="ssin" name="ssin" type="text" inputmode="numeric" autocomplete="off"[^>]*aria-describedby="ssin-hint"/);
    expect(html).toMatch(/<input id="name" name="name" type="text" autocomplete="name"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(hiddenFields(html)).toMatchObject({ client_id: clientId, redirect_uri: CALLBACK, code_challenge_method: 'S256' });
  });

  it('runs under a CSP without inline script or style, its styles coming from a file', async () => {
    const request = authorizationRequest(pkce().challenge, { state: '"><script>alert(1)</script><p style="x">' });
    const response = await fetch(authorizeUrl(request), { redirect: 'manual' });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).not.toMatch(/<script|<style/i);
    // Attributes, their (escaped) values aside: the state above holds ` style=` as mere text.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    expect(hiddenFields(html).state).toBe(request.state); // echoed, escaped
    const stylesheet = html.match(/<link rel="stylesheet" href="([^"]+)">/)?.[1] ?? '';
    const css = await fetch(`${BASE_URL}${stylesheet}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain(':focus-visible');
  });

  it('says what is wrong, next to each field and in a summary, keeping what was typed (400)', async () => {
    const page = await fetch(authorizeUrl(authorizationRequest(pkce().challenge)), { redirect: 'manual' });
    const response = await post(onBase(metadata.authorization_endpoint), { ...hiddenFields(await page.text()), ssin: '85.07.30-033.29', name: '  ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toMatch(
      /<div class="error-summary" role="alert"[^>]*>[\s\S]*<a href="#ssin">Enter a valid national number: the check digits of this SSIN are wrong<\/a>[\s\S]*<a href="#name">Enter your name<\/a>/,
    );
    expect(html).toContain(
      '<p class="error-message" id="ssin-error"><span class="visually-hidden">Error:</span> Enter a valid national number: the check digits of this SSIN are wrong</p>',
    );
    expect(html).toMatch(/<input id="ssin" [^>]*value="85\.07\.30-033\.29" aria-describedby="ssin-hint ssin-error" aria-invalid="true">/);
    expect(html).toMatch(/<input id="name" [^>]*aria-describedby="name-hint name-error" aria-invalid="true">/);
    expect(hiddenFields(html).client_id).toBe(clientId); // the request survives for the next try
  });

  it('refuses an unregistered redirect_uri or client on a page, never redirecting there (400)', async () => {
    for (const overrides of [
      { redirect_uri: 'https://evil.example/callback' },
      { redirect_uri: `${BASE_URL}/elsewhere` },
      { client_id: 'someone-else' },
      { redirect_uri: undefined },
    ]) {
      const response = await fetch(authorizeUrl(authorizationRequest(pkce().challenge, overrides)), { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('This sign-in request cannot be used');
    }
  });

  it('sends other mistakes back to the client as an error with state and iss', async () => {
    const cases: Array<[Record<string, string | undefined>, string]> = [
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'profile' }, 'invalid_scope'],
    ];
    for (const [overrides, error] of cases) {
      const request = authorizationRequest(pkce().challenge, overrides);
      const response = await fetch(authorizeUrl(request), { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({ error, state: request.state, iss: metadata.issuer });
    }
  });
});

describe('the authorization code flow', () => {
  it('signs a person in: the code comes back with state and iss, and buys tokens the API accepts', async () => {
    const { location, code, verifier, request } = await signIn({ ssin: '85.07.30-033.28', name: ' Anne Dupont ' });
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('state')).toBe(request.state);
    expect(location.searchParams.get('iss')).toBe(metadata.issuer);
    expect(code).toMatch(/^[\w-]{43}$/);

    const response = await exchange({ code, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json');
    const tokens = (await response.json()) as TokenResponse;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile ebox/read' });

    const me = await fetch(`${BASE_URL}/v1/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ ssin: ANNE.ssin, name: ANNE.name });

    // The access token is the one the token tool mints for Anne: same key, claims and lifetime.
    const minted = await personToken(ANNE.ssin, ANNE.name);
    expect(decodeProtectedHeader(tokens.access_token)).toEqual(decodeProtectedHeader(minted));
    const access = decodeJwt(tokens.access_token);
    const reference = decodeJwt(minted);
    for (const claim of ['iss', 'aud', 'sub', 'ssin', 'name', 'scope']) expect(access[claim]).toEqual(reference[claim]);
    expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(3600);

    const jwks = createRemoteJWKSet(new URL(onBase(metadata.jwks_uri)));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, jwks, { issuer: metadata.issuer, audience: clientId, algorithms: ['RS256'] });
    expect(protectedHeader.kid).toBe(decodeProtectedHeader(minted).kid);
    expect(payload).toMatchObject({ sub: ANNE.ssin, name: ANNE.name, nonce: request.nonce, aud: clientId });
    expect(typeof payload.auth_time).toBe('number');
  });

  it('leaves nonce and state out when the client sent none', async () => {
    const { location, code, verifier } = await signIn(ANNE, { state: undefined, nonce: undefined });
    expect(location.searchParams.has('state')).toBe(false);
    const tokens = (await (await exchange({ code, code_verifier: verifier })).json()) as TokenResponse;
    expect(decodeJwt(tokens.id_token).nonce).toBeUndefined();
  });

  it('refuses a wrong code_verifier, and the code is spent after that attempt (invalid_grant)', async () => {
    const { code, verifier } = await signIn();
    const wrong = await exchange({ code, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('cache-control')).toBe('no-store');
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('code_verifier') });
    expect(await (await exchange({ code, code_verifier: verifier })).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code used twice (invalid_grant)', async () => {
    const { code, verifier } = await signIn();
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(200);
    const again = await exchange({ code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code for another redirect_uri (invalid_grant), and malformed requests', async () => {
    const { code, verifier } = await signIn();
    const otherOrigin = BASE_URL.replace('127.0.0.1', 'localhost');
    expect(await (await exchange({ code, code_verifier: verifier, redirect_uri: `${otherOrigin}/callback` })).json()).toMatchObject({ error: 'invalid_grant' });
    expect(await (await exchange({ code, code_verifier: verifier, grant_type: 'refresh_token' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect(await (await exchange({ code, code_verifier: verifier, client_id: 'someone-else' })).json()).toMatchObject({ error: 'invalid_client' });
    expect(await (await exchange({ code, code_verifier: 'short' })).json()).toMatchObject({ error: 'invalid_request' });
    const json = await fetch(onBase(metadata.token_endpoint), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });

  // Codes expire on the runtime's clock (60 s), like everything the server checks, so moving the
  // clock expires one without waiting; the ID token stays on the real clock the browser checks.
  it('refuses a code older than 60 s on the local clock, and keeps the ID token on the real clock', async () => {
    const { code, verifier } = await signIn();
    await fetch(`${BASE_URL}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 61 }) });
    expect(await (await exchange({ code, code_verifier: verifier })).json()).toMatchObject({ error: 'invalid_grant' });

    const fresh = await signIn();
    const tokens = (await (await exchange({ code: fresh.code, code_verifier: fresh.verifier })).json()) as TokenResponse;
    const localNow = Date.parse(((await (await fetch(`${BASE_URL}/local/clock`)).json()) as { now: string }).now) / 1000;
    const realNow = Date.now() / 1000;
    expect(Math.abs((decodeJwt(tokens.access_token).iat ?? 0) - localNow)).toBeLessThan(5);
    expect(Math.abs((decodeJwt(tokens.id_token).iat ?? 0) - realNow)).toBeLessThan(5);
    expect((await fetch(`${BASE_URL}/v1/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(200);
  });
});

describe('logout', () => {
  it('sends the browser back to a registered post_logout_redirect_uri with state', async () => {
    const { code, verifier } = await signIn();
    const { id_token: idToken } = (await (await exchange({ code, code_verifier: verifier })).json()) as TokenResponse;
    const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: `${BASE_URL}/signed-out`, id_token_hint: idToken, state: 'bye' });
    const response = await fetch(`${onBase(metadata.end_session_endpoint)}?${query.toString()}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${BASE_URL}/signed-out?state=bye`);
  });

  it('shows a signed-out page instead of following an unregistered address or a foreign hint', async () => {
    const queries: Array<Record<string, string>> = [
      {},
      { post_logout_redirect_uri: 'https://evil.example/signed-out' },
      { post_logout_redirect_uri: `${BASE_URL}/signed-out`, id_token_hint: await personToken(ANNE.ssin, ANNE.name, { audience: 'another-client' }) },
    ];
    for (const query of queries) {
      const response = await fetch(`${onBase(metadata.end_session_endpoint)}?${new URLSearchParams(query).toString()}`, { redirect: 'manual' });
      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('<h1>You are signed out</h1>');
    }
  });
});
