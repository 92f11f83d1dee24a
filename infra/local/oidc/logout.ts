import { compactVerify, createLocalJWKSet } from 'jose';
import type { LocalResponse } from '../gateway';
import type { LocalIssuer } from '../issuer';
import type { RegisteredClient } from './client';
import { signedOutPage } from './notice-pages';
import type { OAuthParameters } from './parameters';
import { page, redirect } from './responses';

/**
 * Whether an id_token_hint is one of ours, for this client. Its signature and issuer are checked
 * but not its expiry: a hint may be an old ID token (RP-Initiated Logout 1.0 §2).
 */
async function hintFromUs(hint: string, issuer: LocalIssuer, clientId: string): Promise<boolean> {
  try {
    const { payload } = await compactVerify(hint, createLocalJWKSet(issuer.jwks()), { algorithms: ['RS256'] });
    const claims = JSON.parse(new TextDecoder().decode(payload)) as { iss?: unknown; aud?: unknown };
    return claims.iss === issuer.issuer && [claims.aud].flat().includes(clientId);
  } catch {
    return false;
  }
}

/** The registered address to go back to, or why there is none to follow. */
async function returnAddress(parameters: OAuthParameters, issuer: LocalIssuer, client: RegisteredClient): Promise<{ url: URL } | { refused: string }> {
  const { values, repeated } = parameters;
  if (repeated.length) return { refused: `${repeated.join(', ')} was sent more than once` };
  const target = values.post_logout_redirect_uri;
  if (target === undefined || !client.postLogoutRedirectUris.includes(target)) return { refused: 'the address to return to is not registered' };
  if (values.client_id !== undefined && values.client_id !== client.clientId) return { refused: 'the client_id is not known' };
  if (values.id_token_hint !== undefined && !(await hintFromUs(values.id_token_hint, issuer, client.clientId)))
    return { refused: 'the id_token_hint was not issued here' };
  return { url: new URL(target) };
}

/**
 * GET or POST /local/logout (end_session_endpoint). The provider keeps no session, so signing out
 * is only the way back: to a registered post_logout_redirect_uri (with state), or to a page that
 * says it is done. An address that is not registered, or a hint that is not ours, is not followed.
 */
export async function endSession(parameters: OAuthParameters, context: { issuer: LocalIssuer; client: RegisteredClient }): Promise<LocalResponse> {
  const { issuer, client } = context;
  const portalUrl = `${new URL(issuer.issuer).origin}/`;
  if (!parameters.repeated.length && parameters.values.post_logout_redirect_uri === undefined) return page(200, signedOutPage({ portalUrl }), client.origins);
  const address = await returnAddress(parameters, issuer, client);
  if ('refused' in address) {
    return page(200, signedOutPage({ portalUrl, refusedReturn: `You were not sent back to the application: ${address.refused}.` }), client.origins);
  }
  const state = parameters.values.state;
  if (state !== undefined) address.url.searchParams.set('state', state);
  return redirect(address.url.href);
}
