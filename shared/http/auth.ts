import type { JWTPayload } from 'jose';
import type { Caller } from '../domain/caller';
import { MissingScopeError, UnauthenticatedError } from '../domain/errors';
import { parseSsin } from '../domain/ssin';

/**
 * Reads the caller from the claims of a verified access token (access-tokens.ts): `ssin` +
 * `name` for a person, `client_id` for a machine client.
 */
export function readCaller(claims: JWTPayload): Caller {
  // OAuth2 says "a b"; some providers send a list.
  const scopeClaim = Array.isArray(claims.scope) ? claims.scope.join(' ') : typeof claims.scope === 'string' ? claims.scope : '';
  const scopes = scopeClaim.split(/\s+/).filter((scope) => scope.length > 0);
  if (typeof claims.ssin === 'string') {
    const ssin = parseSsin(claims.ssin);
    if (!ssin.ok) throw new UnauthenticatedError('invalidAccessToken', 'The access token carries an invalid ssin claim');
    return { kind: 'person', ssin: ssin.value, name: typeof claims.name === 'string' ? claims.name : '', scopes };
  }
  if (typeof claims.client_id === 'string' && claims.client_id.length > 0) {
    return { kind: 'client', clientId: claims.client_id, scopes };
  }
  throw new UnauthenticatedError('invalidAccessToken', 'The access token identifies neither a person (ssin) nor a client (client_id)');
}

/** Refuses the caller unless its token carries one of `anyOf`. */
export function requireScope(caller: Caller, anyOf: readonly string[]): void {
  if (anyOf.length > 0 && !anyOf.some((scope) => caller.scopes.includes(scope))) {
    throw new MissingScopeError([...anyOf]);
  }
}
