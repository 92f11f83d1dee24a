import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../domain/errors';
import type { Clock } from '../ports/clock';

/** Checks the bearer token of a request and returns its verified claims. */
export interface AccessTokenVerifier {
  verify(authorization: string | undefined): Promise<JWTPayload>;
}

export interface AccessTokenOptions {
  /** The one issuer whose tokens the API accepts (`iss`). */
  issuer: string;
  /** A token must carry one of them in `aud` or, without `aud`, in `client_id` (Cognito client credentials). */
  audiences: readonly string[];
  /** The issuer's signing keys. */
  keys: JWTVerifyGetKey;
  /** Expiry is judged on the e-Box's clock (the local runtime moves it). */
  clock: Clock;
}

/** Asymmetric signatures only: never `none`, never a shared secret. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256'];

/**
 * The issuer's JWKS, fetched on first use and kept for the life of the Lambda container: a key
 * is fetched again only for a token signed with a key id not seen yet (at most every 30 s), or
 * after 10 minutes.
 */
export const remoteKeys = (jwksUrl: string): JWTVerifyGetKey =>
  createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 3_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });

/** How many verified tokens a container remembers (a few hundred bytes each). */
const VERIFIED_TOKENS = 1_000;

/**
 * Verifies access tokens in the function itself (signature, issuer, expiry, audience), so that a
 * missing or bad token gets the same belgif problem+json in AWS as locally. An unreachable JWKS
 * is not the caller's fault: that error propagates (500, logged) instead of becoming a 401.
 *
 * A token that passed is remembered, by its exact text (signature included), until its `exp`: the
 * RSA check was ~0.6 ms of every request while a client reuses its token for its whole life. Only
 * expiry can change the verdict on the same text (a key withdrawn from the JWKS would also, but
 * keys are already cached for 10 minutes), so a remembered token is checked against the clock again.
 */
export function createAccessTokenVerifier(options: AccessTokenOptions): AccessTokenVerifier {
  const verified = new Map<string, JWTPayload & { exp: number }>();
  return {
    async verify(authorization) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
      if (!token) {
        const detail = authorization
          ? 'The Authorization header must be "Bearer <access token>"'
          : 'This operation requires a bearer access token in the Authorization header';
        throw new UnauthenticatedError(authorization ? 'invalidAccessToken' : 'noAccessToken', detail);
      }
      const remembered = verified.get(token);
      if (remembered) {
        if (remembered.exp * 1000 > options.clock.now().getTime()) return remembered;
        verified.delete(token);
        throw new UnauthenticatedError('expiredAccessToken', 'The access token has expired');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, options.keys, { issuer: options.issuer, algorithms: ALGORITHMS, currentDate: options.clock.now() }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('expiredAccessToken', 'The access token has expired');
        if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw error;
        throw new UnauthenticatedError('invalidAccessToken', 'The access token is invalid (signature, issuer or format)');
      }
      const audiences = payload.aud === undefined ? [payload.client_id] : [payload.aud].flat();
      if (!audiences.some((audience) => typeof audience === 'string' && options.audiences.includes(audience))) {
        throw new UnauthenticatedError('invalidAccessToken', 'The access token was not issued for this API (audience)');
      }
      if (typeof payload.exp === 'number') {
        // The oldest entry goes first (a Map keeps insertion order).
        if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value ?? '');
        verified.set(token, { ...payload, exp: payload.exp });
      }
      return payload;
    },
  };
}
