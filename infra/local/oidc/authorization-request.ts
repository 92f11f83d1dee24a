import { z } from 'zod';
import type { RegisteredClient } from './client';
import type { OAuthParameters } from './parameters';

export const SUPPORTED_SCOPES = ['openid', 'profile', 'ebox/read'] as const;

/**
 * What every sign-in grants, whatever subset was asked: the access token always carries ebox/read
 * (it is the one /local/token mints for a person) and the ID token always the name. RFC 6749 §3.3
 * allows granting another scope than requested, provided the token response says so.
 */
export const GRANTED_SCOPE = SUPPORTED_SCOPES.join(' ');

/** A validated authorization request (authorization code flow with PKCE S256). */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  state?: string;
  nonce?: string;
}

export type AuthorizationCheck =
  | { ok: true; request: AuthorizationRequest }
  /** Unknown client or redirect URI: said on a page, never sent to an unverified address (RFC 6749 §4.1.2.1). */
  | { ok: false; redirect: false; description: string }
  /** Anything else goes back to the client's registered redirect URI. */
  | { ok: false; redirect: true; redirectUri: string; state?: string; error: string; description: string };

const AUTHORIZATION_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'response_mode',
  'prompt',
];

/** The client's own values are free text (state, nonce): bounded, not interpreted. */
const opaque = z.string().max(2000, 'must be at most 2000 characters').optional();

const requestSchema = z.object({
  response_type: z.literal('code', { error: 'response_type must be code' }),
  scope: z
    .string({ error: 'scope is required and must include openid' })
    .max(1000)
    .refine((scope) => scope.split(' ').includes('openid'), 'scope must include openid')
    .refine(
      (scope) => scope.split(' ').every((value) => (SUPPORTED_SCOPES as readonly string[]).includes(value)),
      `scope may only hold ${SUPPORTED_SCOPES.join(', ')}`,
    ),
  code_challenge: z
    .string({ error: 'code_challenge is required (PKCE)' })
    .regex(/^[A-Za-z0-9_-]{43}$/, 'code_challenge must be a base64url SHA-256 digest of 43 characters'),
  code_challenge_method: z.literal('S256', { error: 'code_challenge_method must be S256' }),
  state: opaque,
  nonce: opaque,
  response_mode: z.literal('query', { error: 'response_mode must be query' }).optional(),
  prompt: z.string().max(100).optional(),
});

/** The OAuth error code an invalid parameter earns (RFC 6749 §4.1.2.1); the rest is invalid_request. */
function errorCode(parameter: PropertyKey | undefined, values: Record<string, string>): string {
  if (parameter === 'response_type' && values.response_type !== undefined) return 'unsupported_response_type';
  if (parameter === 'scope') return 'invalid_scope';
  return 'invalid_request';
}

export function checkAuthorizationRequest(parameters: OAuthParameters, client: RegisteredClient): AuthorizationCheck {
  const { values, repeated } = parameters;
  const clientId = values.client_id;
  const redirectUri = values.redirect_uri;
  if (repeated.includes('client_id') || clientId !== client.clientId) {
    return {
      ok: false,
      redirect: false,
      description: `The application that sent you here (client_id) is not known to this sign-in service; the only one is ${client.clientId}.`,
    };
  }
  if (repeated.includes('redirect_uri') || redirectUri === undefined || !client.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      redirect: false,
      description: `The address to return to (redirect_uri) is not registered for ${client.clientId}; registered: ${client.redirectUris.join(', ')}.`,
    };
  }
  const state = repeated.includes('state') ? undefined : opaque.safeParse(values.state).data;
  const fail = (error: string, description: string): AuthorizationCheck => ({ ok: false, redirect: true, redirectUri, state, error, description });

  const twice = repeated.filter((name) => AUTHORIZATION_PARAMETERS.includes(name));
  if (twice.length) return fail('invalid_request', `${twice.join(', ')} must be sent only once`);
  if (values.request !== undefined) return fail('request_not_supported', 'request objects are not supported');
  if (values.request_uri !== undefined) return fail('request_uri_not_supported', 'request_uri is not supported');
  const parsed = requestSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(errorCode(issue?.path[0], values), issue?.message ?? 'invalid authorization request');
  }
  // Nobody is ever signed in here beforehand, so a request that forbids showing the page fails.
  if (parsed.data.prompt?.split(' ').includes('none')) return fail('login_required', 'the user must sign in');
  const { scope, code_challenge: codeChallenge, nonce } = parsed.data;
  return { ok: true, request: { clientId, redirectUri, scope, codeChallenge, state, nonce } };
}

/** The request again, as the sign-in form's hidden inputs carry it back to POST /local/authorize. */
export function requestFields(request: AuthorizationRequest): Array<[string, string]> {
  const fields: Array<[string, string | undefined]> = [
    ['response_type', 'code'],
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['scope', request.scope],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', 'S256'],
    ['state', request.state],
    ['nonce', request.nonce],
  ];
  return fields.filter((field): field is [string, string] => field[1] !== undefined);
}
