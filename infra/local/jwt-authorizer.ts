import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { UnauthenticatedError } from '../../shared/domain/errors';
import type { Clock } from '../../shared/ports/clock';

export interface AuthorizedClaims {
  /** Every claim as a string, as API Gateway hands them to the function. */
  claims: Record<string, string>;
  scopes: string[];
}

/**
 * The same check as the API Gateway HTTP API JWT authorizer: a bearer token from the
 * Authorization header, signed by a key of the issuer's JWKS, from the configured issuer, not
 * expired, with the configured audience in `aud` (or, without `aud`, in `client_id`).
 */
export function createJwtAuthorizer(options: { issuer: string; audience: string; jwks: () => JSONWebKeySet; clock: Clock }) {
  return async function authorize(authorization: string | undefined): Promise<AuthorizedClaims> {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw new UnauthenticatedError('noAccessToken', 'This operation requires a bearer access token in the Authorization header');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, createLocalJWKSet(options.jwks()), {
        issuer: options.issuer,
        algorithms: ['RS256'],
        currentDate: options.clock.now(),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('expiredAccessToken', 'The access token has expired');
      throw new UnauthenticatedError('invalidAccessToken', 'The access token is invalid (signature, issuer or format)');
    }
    const audiences = payload.aud === undefined ? [payload.client_id] : [payload.aud].flat();
    if (!audiences.includes(options.audience)) {
      throw new UnauthenticatedError('invalidAccessToken', 'The access token was not issued for this API (audience)');
    }
    const claims = Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]));
    return { claims, scopes: (claims.scope ?? '').split(' ').filter(Boolean) };
  };
}
