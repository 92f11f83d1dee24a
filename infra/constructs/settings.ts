import type { Construct } from 'constructs';
import { z } from 'zod';

/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`). Every key has a
 * default (`portalUrl`'s, the CloudFront distribution's URL, is only known to the stack), so
 * `cdk synth` works with no context; values are validated at synth time so a typo fails the
 * deployment instead of the first cold start. Stage `prod` refuses the dev defaults
 * (`prodProblems`): the identity settings (issuer, audience, sender address) are not in cdk.json
 * on purpose, so prod must be given each of them (`-c key=value`), while dev gets the defaults.
 */
export const DEFAULT_SETTINGS = {
  stage: 'dev',
  jwtIssuer: 'https://auth.example.invalid/',
  jwtAudience: 'ebox-api',
  mailFrom: 'no-reply@ebox.example.be',
  portalClientId: 'ebox-portal',
  expiryWarningDays: 14,
  companyMessageValidityDays: 365,
  presignedUrlSeconds: 300,
  apiRateLimit: 200,
  apiBurstLimit: 400,
  edgeRateLimit: 2000,
} as const;

// `-c key=value` yields strings, cdk.json yields numbers: coerce both.
const schema = z.object({
  /** `prod`: real settings required, explicit account and region, deletion and termination protection. */
  stage: z.enum(['dev', 'prod']).default(DEFAULT_SETTINGS.stage),
  /** Where to deploy (`-c account=… -c region=…`): required in prod, where the CLI's credentials must not choose. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'a 12-digit AWS account id')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region such as eu-central-1')
    .optional(),
  // https only: the functions fetch the issuer's keys from it.
  jwtIssuer: z.url({ protocol: /^https$/ }).default(DEFAULT_SETTINGS.jwtIssuer),
  jwtAudience: z.string().min(1).default(DEFAULT_SETTINGS.jwtAudience),
  /** The issuer's JWKS; unset, `<jwtIssuer>/.well-known/jwks.json`. */
  jwksUrl: z.url({ protocol: /^https$/ }).optional(),
  mailFrom: z.email().default(DEFAULT_SETTINGS.mailFrom),
  /** The SES identity the notifier may send from: the domain of `mailFrom` unless set. */
  sesIdentity: z.string().min(1).optional(),
  /** Linked from the emails; unset, the stack uses its CloudFront distribution's URL. */
  portalUrl: z.url().optional(),
  /** The portal's OpenID client id at the provider (a public client: no secret). */
  portalClientId: z.string().min(1).default(DEFAULT_SETTINGS.portalClientId),
  /** Who receives the alarms (an SNS email subscription); unset, the topic has no subscriber. */
  alarmEmail: z.email().optional(),
  // What the OpenAPI document tells integrators (functions/openapi/settings.ts); required in prod,
  // where the local issuer's endpoint paths would be a guess.
  /** The provider's token endpoint (client credentials); unset, `<jwtIssuer>/oauth/token`. */
  oauthTokenUrl: z.url({ protocol: /^https$/ }).optional(),
  /** The provider's authorization endpoint (people, authorization code); unset, `<jwtIssuer>/authorize`. */
  oauthAuthorizationUrl: z.url({ protocol: /^https$/ }).optional(),
  /** Who integrators write to about the API (`info.contact`); unset, a placeholder. */
  apiContactEmail: z.email().optional(),
  /** The API's base URL in the document's `servers`; unset, the portal's URL (CloudFront, behind the WAF). */
  apiBaseUrl: z.url({ protocol: /^https$/ }).optional(),
  expiryWarningDays: z.coerce.number().int().min(1).max(90).default(DEFAULT_SETTINGS.expiryWarningDays),
  companyMessageValidityDays: z.coerce.number().int().min(1).max(3650).default(DEFAULT_SETTINGS.companyMessageValidityDays),
  presignedUrlSeconds: z.coerce.number().int().min(10).max(3600).default(DEFAULT_SETTINGS.presignedUrlSeconds),
  /** Requests per second for the whole HTTP API, all callers together (API Gateway's account quota: 10,000). */
  apiRateLimit: z.coerce.number().int().min(1).max(10000).default(DEFAULT_SETTINGS.apiRateLimit),
  /** Requests API Gateway lets through at once above the rate (its account quota: 5,000). */
  apiBurstLimit: z.coerce.number().int().min(1).max(5000).default(DEFAULT_SETTINGS.apiBurstLimit),
  /** Requests per 5 minutes from one IP address at CloudFront before WAF blocks it (WAF's bounds). */
  edgeRateLimit: z.coerce.number().int().min(10).max(2_000_000_000).default(DEFAULT_SETTINGS.edgeRateLimit),
});

type Parsed = z.infer<typeof schema>;
type OptionalSetting =
  | 'portalUrl'
  | 'jwksUrl'
  | 'alarmEmail'
  | 'account'
  | 'region'
  | 'oauthTokenUrl'
  | 'oauthAuthorizationUrl'
  | 'apiContactEmail'
  | 'apiBaseUrl';
export type Settings = Readonly<Required<Omit<Parsed, OptionalSetting>> & Pick<Parsed, OptionalSetting>>;

export function readSettings(scope: Construct): Settings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value: unknown = scope.node.tryGetContext(key);
    if (value !== undefined) raw[key] = value;
  }
  const given = new Set(Object.keys(raw));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid CDK context: ${problems}`);
  }
  const settings = result.data;
  if (settings.stage === 'prod') {
    const problems = prodProblems(settings, given);
    if (problems.length > 0) throw new Error(`stage prod needs real settings: ${problems.join(', ')}`);
  }
  return { ...settings, sesIdentity: settings.sesIdentity ?? domainOf(settings.mailFrom) };
}

/**
 * What production cannot run with: identity settings not given (or given as the dev
 * placeholders), and whatever would be left to guesswork. `portalUrl` and `apiBaseUrl` may stay
 * unset: the distribution's own URL is real.
 */
function prodProblems(settings: Parsed, given: ReadonlySet<string>): string[] {
  const identity = (key: 'jwtIssuer' | 'jwtAudience' | 'mailFrom', example: string) => {
    if (!given.has(key)) return [`${key} (unset: -c ${key}=${example})`];
    return key !== 'jwtAudience' && settings[key] === DEFAULT_SETTINGS[key] ? [`${key} (still the dev placeholder ${DEFAULT_SETTINGS[key]})`] : [];
  };
  const missing = (key: OptionalSetting, why: string) => (settings[key] === undefined ? [`${key} (${why})`] : []);
  return [
    ...identity('jwtIssuer', 'https://<your OpenID provider>/'),
    ...identity('jwtAudience', '<the audience your provider puts in access tokens>'),
    ...identity('mailFrom', '<a verified SES address>'),
    ...missing('alarmEmail', 'unset: nobody would receive the alarms'),
    ...missing('oauthTokenUrl', "unset: -c oauthTokenUrl=<the provider's token endpoint>"),
    ...missing('oauthAuthorizationUrl', "unset: -c oauthAuthorizationUrl=<the provider's authorization endpoint>"),
    ...missing('apiContactEmail', 'unset: -c apiContactEmail=<who integrators write to>'),
    ...missing('account', 'unset: -c account=<12-digit id>'),
    ...missing('region', 'unset: -c region=<e.g. eu-central-1>'),
  ];
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
