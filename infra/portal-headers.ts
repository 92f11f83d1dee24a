/**
 * The security headers of the portal's pages, the same locally (infra/local/portal.ts) and in AWS
 * (the CloudFront response headers policy). The portal only talks to its own origin (API,
 * config.json) and to the OpenID provider, whose origin `connectSources` adds.
 */
export function portalContentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${connectSources.map((source) => ` ${source}`).join('')}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const PORTAL_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': portalContentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * HSTS, sent by CloudFront only (locally the portal is plain http, where browsers ignore it): two
 * years, subdomains included and preload, what the browsers' preload lists ask for.
 */
export const STRICT_TRANSPORT_SECURITY_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;
