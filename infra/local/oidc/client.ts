/**
 * The one client the local provider knows: the portal, a public client (no secret, PKCE instead).
 * runtime.ts hands the same id to the portal in /config.json.
 */
export const PORTAL_CLIENT_ID = 'ebox-portal';

export interface RegisteredClient {
  clientId: string;
  /** Exact-match redirect URIs (no patterns, as OAuth 2.1 requires). */
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  /** Where the portal may run: the browser may call discovery and the token endpoint from there. */
  origins: readonly string[];
}

/**
 * The portal is served on the issuer's own port, reached as localhost or as 127.0.0.1 (two origins
 * for the browser, so both are registered).
 */
export function portalClient(issuer: string): RegisteredClient {
  const origins = ['localhost', '127.0.0.1'].map((hostname) => {
    const url = new URL(issuer);
    url.hostname = hostname;
    return url.origin;
  });
  return {
    clientId: PORTAL_CLIENT_ID,
    redirectUris: origins.map((origin) => `${origin}/callback`),
    postLogoutRedirectUris: origins.map((origin) => `${origin}/signed-out`),
    origins,
  };
}
