import type { LocalResponse } from '../gateway';

/**
 * The provider's pages: no scripts, styles from its own origin only, never framed (a sign-in page
 * in a frame invites clickjacking). form-action names the client's origins too, because browsers
 * apply it to the redirect that follows the form post.
 */
export function page(status: number, html: string, clientOrigins: readonly string[]): LocalResponse {
  const csp = [
    "default-src 'self'",
    "script-src 'none'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self' ${clientOrigins.join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    },
    raw: html,
  };
}

/** A redirect carrying a code or an error: never cached, never leaked through Referer. */
export function redirect(location: string): LocalResponse {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }, raw: '' };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): LocalResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, raw: JSON.stringify(body) };
}

/** An RFC 6749 §5.2 error: plain JSON (not problem+json, which OAuth clients do not read). */
export function oauthError(error: string, description: string, headers: Record<string, string> = {}): LocalResponse {
  return json(400, { error, error_description: description }, { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers });
}

/**
 * The portal calls discovery, the JWKS and the token endpoint from the browser; when it runs on
 * 127.0.0.1 and the issuer is on localhost, that is cross-origin, so those answer with CORS
 * headers for the client's own origins (and only those).
 */
export function corsHeaders(origin: string | string[] | undefined, allowed: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (typeof origin === 'string' && allowed.includes(origin)) headers['Access-Control-Allow-Origin'] = origin;
  return headers;
}

/** The answer to a CORS preflight (a browser sends one if the client adds a non-simple header). */
export function preflight(origin: string | string[] | undefined, allowed: readonly string[], methods: string): LocalResponse {
  return {
    status: 204,
    headers: {
      ...corsHeaders(origin, allowed),
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': 'Accept, Content-Type',
      'Access-Control-Max-Age': '600',
    },
    raw: '',
  };
}
