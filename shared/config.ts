import { z } from 'zod';

/**
 * The one configuration module: environment variables parsed with zod once per cold start, failing
 * fast with every problem listed. The CDK stack and the local runtime set the same variables.
 */
const schema = z.object({
  TABLE_NAME: z.string().min(3),
  BUCKET_NAME: z.string().min(3),
  // Not z.url(): emulator queue URLs such as http://sqs.eu-west-1.127.0.0.1:4566/… fail its host check.
  NOTIFICATIONS_QUEUE_URL: z.string().regex(/^https?:\/\/\S+$/, 'an http(s) queue URL'),
  /** Where the stream consumer's failed batches are kept; only the job that replays them is given it. */
  STREAM_FAILURES_BUCKET: z.string().min(3).optional(),
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  /** Emulator endpoints; absent in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  SQS_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  /** The verified SES identity that every notification comes from. */
  MAIL_FROM: z.email(),
  /** The SES configuration set every email is sent with, which reports bounces and complaints; absent locally. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Base URL of the company portal, linked from emails. */
  PORTAL_URL: z.url(),
  /** Days before expiry when a company is warned. */
  EXPIRY_WARNING_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** How long a company's own message to an institution stays available (replies expire with the message they answer). */
  COMPANY_MESSAGE_VALIDITY_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Lifetime of presigned download and upload URLs. */
  PRESIGNED_URL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** The OpenID issuer whose access tokens the API accepts (`iss`). */
  JWT_ISSUER: z.url(),
  /** Comma-separated: a token must carry one of them in `aud` (or, without `aud`, in `client_id`). */
  JWT_AUDIENCE: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((audience) => audience.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, 'at least one audience')),
  /** The issuer's signing keys; `<issuer>/.well-known/jwks.json` unless set (Cognito, Keycloak, the local issuer). */
  JWKS_URL: z.url().optional(),
  /** Shifts the clock (local runtime and tests only; 0 in AWS). */
  CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
});

export type Config = Readonly<{
  tableName: string;
  bucketName: string;
  notificationsQueueUrl: string;
  streamFailuresBucket?: string;
  region: string;
  endpoints: Readonly<{ dynamodb?: string; s3?: string; sqs?: string; ses?: string }>;
  mailFrom: string;
  sesConfigurationSet?: string;
  portalUrl: string;
  expiryWarningDays: number;
  companyMessageValidityDays: number;
  presignedUrlSeconds: number;
  clockOffsetMs: number;
  accessTokens: Readonly<{ issuer: string; audiences: readonly string[]; jwksUrl: string }>;
}>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = result.data;
  return {
    tableName: e.TABLE_NAME,
    bucketName: e.BUCKET_NAME,
    notificationsQueueUrl: e.NOTIFICATIONS_QUEUE_URL,
    ...(e.STREAM_FAILURES_BUCKET ? { streamFailuresBucket: e.STREAM_FAILURES_BUCKET } : {}),
    region: e.AWS_REGION,
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, s3: e.S3_ENDPOINT, sqs: e.SQS_ENDPOINT, ses: e.SES_ENDPOINT },
    mailFrom: e.MAIL_FROM,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    portalUrl: e.PORTAL_URL,
    expiryWarningDays: e.EXPIRY_WARNING_DAYS,
    companyMessageValidityDays: e.COMPANY_MESSAGE_VALIDITY_DAYS,
    presignedUrlSeconds: e.PRESIGNED_URL_SECONDS,
    clockOffsetMs: e.CLOCK_OFFSET_MS,
    accessTokens: { issuer: e.JWT_ISSUER, audiences: e.JWT_AUDIENCE, jwksUrl: e.JWKS_URL ?? `${e.JWT_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json` },
  };
}

let loaded: Config | undefined;

/** The configuration of this container, read on first use. */
export function config(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
