import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ROUTES } from '../functions/routes';
import { AccessLogsBucket } from './constructs/access-logs-bucket';
import { Data } from './constructs/data';
import { DEAD_LETTER_OUTPUTS } from './definitions';
import { EboxHttpApi } from './constructs/http-api';
import { Jobs } from './constructs/jobs';
import { Monitoring } from './constructs/monitoring';
import { Notifications } from './constructs/notifications';
import { Portal } from './constructs/portal';
import { readSettings } from './constructs/settings';

export interface EboxStackProps extends StackProps {
  /** The CloudFront distribution's WAF web ACL, from the us-east-1 stack (infra/edge-stack.ts); none without it. */
  webAclArn?: string;
}

/** Everything e-Box Enterprise runs on in AWS. Settings come from CDK context (see cdk.json). */
export class EboxStack extends Stack {
  constructor(scope: Construct, id: string, props?: EboxStackProps) {
    super(scope, id, props);
    const settings = readSettings(this);
    const prod = settings.stage === 'prod';
    this.terminationProtection = prod;
    // Every bucket's server access logs, under a prefix each.
    const accessLogs = new AccessLogsBucket(this, 'AccessLogs');
    const data = new Data(this, 'Data', { deletionProtection: prod, accessLogs });
    const notifications = new Notifications(this, 'Notifications');

    // Unset, the emails link to the distribution, which needs the API, whose functions need this
    // URL: a lazy value lets the functions come first. In the template it is a plain chain
    // (route → function → distribution → API), with no cycle.
    const portalUrl: string = settings.portalUrl ?? Lazy.string({ produce: (): string => portal.url });

    // What shared/config.ts reads; every function gets all of it (AWS_REGION comes from Lambda).
    const environment = {
      TABLE_NAME: data.table.tableName,
      BUCKET_NAME: data.bucket.bucketName,
      NOTIFICATIONS_QUEUE_URL: notifications.queue.queueUrl,
      MAIL_FROM: settings.mailFrom,
      SES_CONFIGURATION_SET: notifications.configurationSet.configurationSetName,
      PORTAL_URL: portalUrl,
      EXPIRY_WARNING_DAYS: String(settings.expiryWarningDays),
      COMPANY_MESSAGE_VALIDITY_DAYS: String(settings.companyMessageValidityDays),
      PRESIGNED_URL_SECONDS: String(settings.presignedUrlSeconds),
      JWT_ISSUER: settings.jwtIssuer,
      JWT_AUDIENCE: settings.jwtAudience,
      ...(settings.jwksUrl ? { JWKS_URL: settings.jwksUrl } : {}),
      // The OpenAPI document's servers, OAuth2 endpoints and contact (functions/openapi/settings.ts).
      API_BASE_URL: settings.apiBaseUrl ?? portalUrl,
      ...(settings.oauthTokenUrl ? { OAUTH_TOKEN_URL: settings.oauthTokenUrl } : {}),
      ...(settings.oauthAuthorizationUrl ? { OAUTH_AUTHORIZATION_URL: settings.oauthAuthorizationUrl } : {}),
      ...(settings.apiContactEmail ? { API_CONTACT_EMAIL: settings.apiContactEmail } : {}),
    };

    const http = new EboxHttpApi(this, 'Http', {
      routes: ROUTES,
      environment,
      resources: { table: data.table, bucket: data.bucket, queues: { notifications: notifications.queue } },
      throttle: { rateLimit: settings.apiRateLimit, burstLimit: settings.apiBurstLimit },
    });
    const portal = new Portal(this, 'Portal', {
      api: http.api,
      jwtIssuer: settings.jwtIssuer,
      clientId: settings.portalClientId,
      webAclArn: props?.webAclArn,
      accessLogs,
    });
    const jobs = new Jobs(this, 'Jobs', {
      environment,
      table: data.table,
      bucket: data.bucket,
      notificationsQueue: notifications.queue,
      sesIdentity: settings.sesIdentity,
      sesConfigurationSetName: notifications.configurationSet.configurationSetName,
      accessLogs,
    });

    new CfnOutput(this, 'ApiUrl', { value: http.api.apiEndpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'BucketName', { value: data.bucket.bucketName });
    new CfnOutput(this, 'NotificationsQueueUrl', { value: notifications.queue.queueUrl });
    new CfnOutput(this, 'PortalUrl', { value: portal.url, description: 'The portal, and the API under /v1, on CloudFront' });
    new CfnOutput(this, 'DistributionId', { value: portal.distribution.distributionId });
    new CfnOutput(this, 'PortalBucketName', { value: portal.bucket.bucketName });
    // What ops need to recover failed work (README, "Recovering failed work"; npm run redrive reads them).
    new CfnOutput(this, DEAD_LETTER_OUTPUTS.notifications, { value: notifications.deadLetterQueue.queueUrl });
    new CfnOutput(this, DEAD_LETTER_OUTPUTS['daily-jobs'], { value: jobs.dailyDeadLetters.queueUrl });
    new CfnOutput(this, 'StreamFailuresBucketName', { value: jobs.streamFailures.bucketName });
    new CfnOutput(this, 'ReplayStreamFailuresFunctionName', { value: jobs.replayStreamFailures.functionName });

    // Last: it watches every dead-letter queue and function built above.
    new Monitoring(this, 'Monitoring', { api: http.api, dailyJobs: jobs.daily, notifications, alarmEmail: settings.alarmEmail });
  }
}
