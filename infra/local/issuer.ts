import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { z } from 'zod';
import { ssinSchema } from '../../shared/domain/schemas';
import type { Clock } from '../../shared/ports/clock';

/**
 * The local OpenID issuer: one RSA key made at start-up, a JWKS, and a token endpoint that mints
 * person or client tokens on request; the sign-in flow of infra/local/oidc signs with the same key.
 * It exists only in the local runtime; in AWS tokens come from the real OpenID provider (eID/itsme
 * through the federal authentication service, or Cognito).
 */
export const tokenRequestSchema = z.union([
  z.strictObject({
    ssin: ssinSchema,
    name: z.string().trim().min(1).max(200),
    scope: z.string().max(500).optional(),
    /** Lifetime in seconds; zero or negative mints an already expired token (for tests). */
    expiresIn: z.number().int().min(-86_400).max(86_400).optional(),
    /** Another audience than the API's, to see the gateway refuse it. */
    audience: z.string().min(1).optional(),
  }),
  z.strictObject({
    clientId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ - only'),
    scope: z.string().max(500).optional(),
    expiresIn: z.number().int().min(-86_400).max(86_400).optional(),
    audience: z.string().min(1).optional(),
  }),
]);
type TokenRequest = z.output<typeof tokenRequestSchema>;

export interface LocalIssuer {
  issuer: string;
  audience: string;
  jwks(): { keys: JWK[] };
  mint(request: TokenRequest): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }>;
  /** An OpenID Connect ID token for a client that signed a person in. */
  signIdToken(claims: IdTokenClaims): Promise<string>;
}

interface IdTokenClaims {
  ssin: string;
  name: string;
  /** The client's id. */
  audience: string;
  nonce?: string;
  /** When the person signed in, in seconds (real clock). */
  authTime: number;
}

/** ID tokens are read once, at the portal's callback (and kept only as a hint for logout). */
const ID_TOKEN_LIFETIME_SECONDS = 3600;

export async function createLocalIssuer(issuer: string, audience: string, clock: Clock): Promise<LocalIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    issuer,
    audience,
    jwks: () => ({ keys: [publicJwk] }),
    async mint(request) {
      const expiresIn = request.expiresIn ?? 3600;
      const now = Math.floor(clock.now().getTime() / 1000);
      const claims =
        'ssin' in request
          ? { ssin: request.ssin, name: request.name, scope: request.scope ?? 'ebox/read' }
          : { client_id: request.clientId, scope: request.scope ?? '' };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(request.audience ?? audience)
        .setSubject('ssin' in request ? request.ssin : request.clientId)
        .setJti(randomUUID())
        .setIssuedAt(now - (expiresIn <= 0 ? 3600 : 0))
        .setExpirationTime(now + expiresIn)
        .sign(privateKey);
      return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
    },
    // On the real clock, unlike access tokens: the client checks iat and exp against the browser's
    // clock, and the local clock may be days ahead of it (POST /local/clock).
    async signIdToken(claims) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ name: claims.name, auth_time: claims.authTime, ...(claims.nonce === undefined ? {} : { nonce: claims.nonce }) })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(claims.audience)
        .setSubject(claims.ssin)
        .setIssuedAt(now)
        .setExpirationTime(now + ID_TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
    },
  };
}
