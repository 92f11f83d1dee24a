import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LocalResponse } from '../gateway';
import type { LocalIssuer } from '../issuer';
import type { AuthorizationCodes } from './authorization-codes';
import type { RegisteredClient } from './client';
import type { OAuthParameters } from './parameters';
import { json, oauthError } from './responses';

const TOKEN_PARAMETERS = ['grant_type', 'client_id', 'code', 'redirect_uri', 'code_verifier'];

const exchangeSchema = z.object({
  code: z.string({ error: 'code is required' }).max(200, 'code is too long'),
  redirect_uri: z.string({ error: 'redirect_uri is required' }).max(2000, 'redirect_uri is too long'),
  // RFC 7636 §4.1: 43 to 128 unreserved characters.
  code_verifier: z
    .string({ error: 'code_verifier is required (PKCE)' })
    .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'code_verifier must be 43 to 128 unreserved characters'),
});

function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

/**
 * POST /local/oauth/token: the authorization code grant for a public client (RFC 6749 §4.1.3 with
 * PKCE). The access token is the very one POST /local/token mints for the person, so the API takes
 * it as it takes those; the ID token is for the client. `form` is undefined when the body was not
 * form-urlencoded.
 */
export async function exchangeCode(
  form: OAuthParameters | undefined,
  context: { issuer: LocalIssuer; client: RegisteredClient; codes: AuthorizationCodes; cors: Record<string, string> },
): Promise<LocalResponse> {
  const { issuer, client, codes, cors } = context;
  const fail = (error: string, description: string) => oauthError(error, description, cors);
  if (!form) return fail('invalid_request', 'the body must be application/x-www-form-urlencoded');
  const { values, repeated } = form;
  const twice = repeated.filter((name) => TOKEN_PARAMETERS.includes(name));
  if (twice.length) return fail('invalid_request', `${twice.join(', ')} must be sent only once`);
  if (values.grant_type === undefined) return fail('invalid_request', 'grant_type is required');
  if (values.grant_type !== 'authorization_code') return fail('unsupported_grant_type', 'the only grant type is authorization_code');
  if (values.client_id !== client.clientId) return fail('invalid_client', `unknown client_id; the only client is ${client.clientId}`);
  const parsed = exchangeSchema.safeParse(values);
  if (!parsed.success) return fail('invalid_request', parsed.error.issues[0]?.message ?? 'invalid token request');
  const request = parsed.data;

  const grant = codes.redeem(request.code);
  if (!grant) return fail('invalid_grant', 'the code is unknown, expired or already used');
  if (grant.clientId !== values.client_id) return fail('invalid_grant', 'the code was issued to another client');
  if (grant.redirectUri !== request.redirect_uri) return fail('invalid_grant', 'redirect_uri differs from the authorization request');
  if (!pkceMatches(request.code_verifier, grant.codeChallenge)) return fail('invalid_grant', 'code_verifier does not match the code_challenge');

  const access = await issuer.mint({ ssin: grant.ssin, name: grant.name });
  const idToken = await issuer.signIdToken({ ssin: grant.ssin, name: grant.name, audience: grant.clientId, nonce: grant.nonce, authTime: grant.authTime });
  return json(
    200,
    { access_token: access.access_token, token_type: access.token_type, expires_in: access.expires_in, id_token: idToken, scope: grant.scope },
    { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...cors },
  );
}
