import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Caller } from '../domain/caller';
import { MissingScopeError, UnauthenticatedError } from '../domain/errors';
import { parseSsin } from '../domain/ssin';

type Claims = Record<string, string | number | boolean | string[]>;

/**
 * Reads the caller from the claims the JWT authorizer verified (API Gateway in AWS, the local
 * gateway on a laptop): `ssin` + `name` for a person, `client_id` for a machine client.
 */
export function readCaller(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  const claims: Claims | undefined = event.requestContext.authorizer?.jwt?.claims;
  if (!claims) throw new UnauthenticatedError('noAccessToken', 'This operation requires a bearer access token');
  // API Gateway hands a list claim over as "[a b]"; a plain OAuth2 scope claim is "a b".
  const scopeClaim = Array.isArray(claims.scope) ? claims.scope.join(' ') : String(claims.scope ?? '').replace(/^\[(.*)\]$/, '$1');
  const scopes = scopeClaim.split(/[\s,]+/).filter((scope) => scope.length > 0);
  if (typeof claims.ssin === 'string') {
    const ssin = parseSsin(claims.ssin);
    if (!ssin.ok) throw new UnauthenticatedError('invalidAccessToken', 'The access token carries an invalid ssin claim');
    return { kind: 'person', ssin: ssin.value, name: String(claims.name ?? ''), scopes };
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
