import { SignJWT, generateKeyPair } from 'jose';
import { BASE_URL, call, clientToken, personToken } from './support/api';

const PROBLEM_JSON = 'application/problem+json';

describe('local runtime', () => {
  it('serves the belgif health check without a token', async () => {
    const response = await call('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'UP' });
  });

  it('serves the contract at /doc/openapi.json (belgif) and /openapi.json (v1), pointing at the local issuer', async () => {
    const belgif = await call<{ components: { securitySchemes: Record<string, { flows: Record<string, { tokenUrl: string }> }> } }>('GET', '/doc/openapi.json');
    expect(belgif.status).toBe(200);
    expect((await call('GET', '/openapi.json')).body).toEqual(belgif.body);
    const issuer = (await call<{ issuer: string; token_endpoint: string }>('GET', '/local/.well-known/openid-configuration')).body;
    expect(belgif.body.components.securitySchemes.Person?.flows.authorizationCode?.tokenUrl).toBe(issuer.token_endpoint);
  });

  it('answers an unknown path with a 404 problem', async () => {
    const response = await call('GET', '/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(response.body.type).toBe('urn:problem-type:belgif:resourceNotFound');
  });

  it('publishes its signing keys and an OpenID configuration', async () => {
    const configuration = await call<{ issuer: string; jwks_uri: string }>('GET', '/local/.well-known/openid-configuration');
    expect(configuration.body.issuer).toMatch(/\/local$/);
    const jwks = await call<{ keys: Array<{ kty: string; kid: string; alg: string }> }>('GET', '/local/.well-known/jwks.json');
    expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', kid: expect.any(String) })]);
  });

  it('refuses a token request with an invalid SSIN, naming the field', async () => {
    const response = await call('POST', '/local/token', { body: { ssin: '85073003329', name: 'Anne' } });
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:problem-type:belgif:badRequest');
  });

  it('moves the clock forward', async () => {
    const before = await call<{ now: string }>('GET', '/local/clock');
    const after = await call<{ now: string }>('POST', '/local/clock', { body: { advanceSeconds: 60 } });
    expect(Date.parse(after.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(60_000);
    const refused = await call('POST', '/local/clock', { body: { advanceDays: -1 } });
    expect(refused.status).toBe(400);
  });

  it('runs each job on demand and refuses unknown ones', async () => {
    for (const name of ['expiry-warnings', 'ttl', 'stream', 'notifier']) {
      const response = await call('POST', `/local/jobs/${name}`);
      expect(response.status).toBe(200);
      expect(response.body.ran).toBe(name);
    }
    expect((await call('POST', '/local/jobs/everything')).status).toBe(400);
  });

  it('lists the emails SES would have sent', async () => {
    const response = await call<{ items: unknown[] }>('GET', '/local/emails');
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.items)).toBe(true);
  });
});

describe('GET /v1/me and the token check (in the function, as in AWS)', () => {
  it('returns the identity of a person from the token', async () => {
    const token = await personToken('85073003328', 'Anne Dupont');
    const response = await call('GET', '/v1/me', { token, headers: { 'BelGov-Trace-Id': 'client-trace-1' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ssin: '85073003328', name: 'Anne Dupont', enterprises: expect.any(Array) });
    expect(response.headers.get('belgov-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('belgov-related-trace-id')).toBe('client-trace-1');
  });

  it('refuses a request without a token: noAccessToken, answered by the handler itself', async () => {
    const response = await call('GET', '/v1/me', { headers: { 'BelGov-Trace-Id': 'client-trace-2' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: 'urn:problem-type:belgif:noAccessToken', status: 401, instance: '/v1/me' });
    // The handler's HTTP stack (shared/http) adds these; the gateway has no authorizer of its own.
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ebox"');
    expect(response.headers.get('belgov-related-trace-id')).toBe('client-trace-2');
  });

  it('refuses a token signed by another key: invalidAccessToken', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const configuration = await call<{ issuer: string }>('GET', '/local/.well-known/openid-configuration');
    const forged = await new SignJWT({ ssin: '85073003328', name: 'Mallory', scope: 'ebox/read' })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(configuration.body.issuer)
      .setAudience('ebox-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const response = await call('GET', '/v1/me', { token: forged });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ebox", error="invalid_token"');
    expect(response.body.type).toBe('urn:problem-type:belgif:invalidAccessToken');
  });

  it('refuses a tampered token: invalidAccessToken', async () => {
    const token = await personToken('85073003328', 'Anne Dupont');
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ ssin: '85073003328', name: 'Anne', scope: 'ebox/admin' })).toString('base64url');
    const response = await call('GET', '/v1/me', { token: `${header}.${payload}.${signature}` });
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('urn:problem-type:belgif:invalidAccessToken');
  });

  it('refuses an expired token: expiredAccessToken', async () => {
    const token = await personToken('85073003328', 'Anne Dupont', { expiresIn: -60 });
    const response = await call('GET', '/v1/me', { token });
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('urn:problem-type:belgif:expiredAccessToken');
  });

  it('refuses a token for another audience: invalidAccessToken', async () => {
    const token = await personToken('85073003328', 'Anne Dupont', { audience: 'another-api' });
    const response = await call('GET', '/v1/me', { token });
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('urn:problem-type:belgif:invalidAccessToken');
  });

  it('refuses a valid token without the required scope: missingScope', async () => {
    const token = await clientToken('onss-backoffice', 'ebox/publish');
    const response = await call('GET', '/v1/me', { token });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: 'urn:problem-type:belgif:missingScope', requiredScopes: ['ebox/read'] });
  });

  it('is reached over the same base URL the runtime announced', () => {
    expect(BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
