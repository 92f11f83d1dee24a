import { SUPPORTED_SCOPES } from './authorization-request';

/** OpenID Provider Metadata (OpenID Connect Discovery 1.0 §3, RFC 8414), for what this provider does. */
export function providerMetadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    end_session_endpoint: `${issuer}/logout`,
    scopes_supported: [...SUPPORTED_SCOPES],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'name'],
    // The code comes back with iss (RFC 9207); clients then require it, which defeats mix-up attacks.
    authorization_response_iss_parameter_supported: true,
    // Both default otherwise (request_uri to true): said explicitly, since neither is supported.
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    claims_parameter_supported: false,
  };
}
