import type { Construct } from 'constructs';
import { z } from 'zod';

/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`). Every key has a
 * default (`portalUrl`'s, the CloudFront distribution's URL, is only known to the stack), so
 * `cdk synth` works with no context; values are validated at synth time so a typo fails the
 * deployment instead of the first cold start.
 */
export const DEFAULT_SETTINGS = {
  jwtIssuer: 'https://auth.example.invalid/',
  jwtAudience: 'ebox-api',
  mailFrom: 'no-reply@ebox.example.be',
  portalClientId: 'ebox-portal',
  expiryWarningDays: 14,
  companyMessageValidityDays: 365,
  presignedUrlSeconds: 300,
} as const;

// `-c key=value` yields strings, cdk.json yields numbers: coerce both.
const schema = z.object({
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
  expiryWarningDays: z.coerce.number().int().min(1).max(90).default(DEFAULT_SETTINGS.expiryWarningDays),
  companyMessageValidityDays: z.coerce.number().int().min(1).max(3650).default(DEFAULT_SETTINGS.companyMessageValidityDays),
  presignedUrlSeconds: z.coerce.number().int().min(10).max(3600).default(DEFAULT_SETTINGS.presignedUrlSeconds),
});

type Parsed = z.infer<typeof schema>;
type OptionalSetting = 'portalUrl' | 'jwksUrl' | 'alarmEmail';
export type Settings = Readonly<Required<Omit<Parsed, OptionalSetting>> & Pick<Parsed, OptionalSetting>>;

export function readSettings(scope: Construct): Settings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value: unknown = scope.node.tryGetContext(key);
    if (value !== undefined) raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid CDK context: ${problems}`);
  }
  const settings = result.data;
  return { ...settings, sesIdentity: settings.sesIdentity ?? domainOf(settings.mailFrom) };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
