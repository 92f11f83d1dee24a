import { z } from 'zod';

/** Where the document points integrators: the API's base URL and the issuer's OAuth2 endpoints. */
export interface DocumentSettings {
  serverUrl: string;
  tokenUrl: string;
  authorizationUrl: string;
  /** Who integrators write to about the API (info.contact). */
  contactEmail: string;
}

/** The local runtime's issuer (infra/local/runtime.ts, default port): the document built without configuration (the portal's types, tests) points there. */
const LOCAL_ISSUER = 'http://localhost:3000/local';

const schema = z.object({
  /** The API's public base URL; `/` (the origin the document was fetched from) unless set. */
  API_BASE_URL: z.string().min(1).default('/'),
  JWT_ISSUER: z.url().default(LOCAL_ISSUER),
  /** The issuer's token endpoint, for a provider whose endpoints are not the local issuer's (`<issuer>/oauth/token`). */
  OAUTH_TOKEN_URL: z.url().optional(),
  /** The issuer's authorization endpoint (`<issuer>/authorize` unless set). */
  OAUTH_AUTHORIZATION_URL: z.url().optional(),
  /** A placeholder in the project's example.be domain, like mailFrom's, unless set. */
  API_CONTACT_EMAIL: z.email().default('ebox-support@ebox.example.be'),
});

/**
 * Read from the environment apart from shared/config.ts, which requires the stores' settings: the
 * document needs none of them, and is also built where they are absent.
 */
export function documentSettings(env: Readonly<Record<string, string | undefined>> = {}): DocumentSettings {
  const settings = schema.parse(env);
  const issuer = settings.JWT_ISSUER.replace(/\/$/, '');
  return {
    serverUrl: settings.API_BASE_URL,
    tokenUrl: settings.OAUTH_TOKEN_URL ?? `${issuer}/oauth/token`,
    authorizationUrl: settings.OAUTH_AUTHORIZATION_URL ?? `${issuer}/authorize`,
    contactEmail: settings.API_CONTACT_EMAIL,
  };
}
