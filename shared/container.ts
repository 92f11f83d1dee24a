import { createAwsClients, type AwsClients } from './adapters/aws-clients';
import type * as AuditRepository from './adapters/dynamodb/audit-repository';
import type * as CachedRepositories from './adapters/dynamodb/cached-repositories';
import type * as ClientBindingsRepository from './adapters/dynamodb/client-bindings-repository';
import type * as CompanyMessagesRepository from './adapters/dynamodb/company-messages-repository';
import type * as EnterprisesRepository from './adapters/dynamodb/enterprises-repository';
import type * as MessagesRepository from './adapters/dynamodb/messages-repository';
import type * as NotificationsRepository from './adapters/dynamodb/notifications-repository';
import type * as SendersRepository from './adapters/dynamodb/senders-repository';
import type * as StreamRecords from './adapters/dynamodb/stream-records';
import type * as UploadsRepository from './adapters/dynamodb/uploads-repository';
import type * as HealthProbeAdapter from './adapters/health-probe';
import type * as EmfMetricsAdapter from './adapters/powertools/emf-metrics';
import type * as DocumentStore from './adapters/s3/document-store';
import type * as StreamFailuresAdapter from './adapters/s3/stream-failures';
import type * as Mailer from './adapters/ses/mailer';
import type * as NotificationQueue from './adapters/sqs/notification-queue';
import { OffsetClock } from './adapters/offset-clock';
import { UlidGenerator } from './adapters/ulid-generator';
import { config, type Config } from './config';
import { createAccessTokenVerifier, remoteKeys, type AccessTokenVerifier } from './http/access-tokens';
import { lazyProperties } from './lazy-properties';
import { powertoolsMetrics } from './observability';
import type { Ports } from './ports';
import type { HealthProbe } from './ports/health';
import type { StreamFailures } from './ports/stream-failures';
import type { TableChange } from './ports/table-changes';

/**
 * The composition root: configuration, clock, AWS clients and the adapters over them, created
 * once per container (cold start) and shared by every invocation. Use cases receive the ports
 * they need as arguments, so unit tests pass fakes instead.
 */
export interface Container extends Ports {
  config: Config;
  /** The local runtime moves it (POST /local/clock). */
  clock: OffsetClock;
  clients: AwsClients;
  /** Verifies the API's bearer tokens; the issuer's keys are cached for the container's life. */
  accessTokens: AccessTokenVerifier;
  /** How jobs/on-table-change reads the table stream's records. */
  toTableChange: (record: StreamRecords.StreamRecordImage) => TableChange | undefined;
  /** The stream consumer's failed batches; only the replay job is given their bucket (STREAM_FAILURES_BUCKET). */
  streamFailures: StreamFailures | undefined;
  /** GET /health: whether the table and the bucket answer. */
  health: HealthProbe;
}

/**
 * Each adapter module, required when the container first needs it (its types imported above,
 * types only: nothing of it is loaded at init).
 */
const adapter = {
  audit: () => require('./adapters/dynamodb/audit-repository') as typeof AuditRepository,
  cached: () => require('./adapters/dynamodb/cached-repositories') as typeof CachedRepositories,
  clientBindings: () => require('./adapters/dynamodb/client-bindings-repository') as typeof ClientBindingsRepository,
  companyMessages: () => require('./adapters/dynamodb/company-messages-repository') as typeof CompanyMessagesRepository,
  enterprises: () => require('./adapters/dynamodb/enterprises-repository') as typeof EnterprisesRepository,
  messages: () => require('./adapters/dynamodb/messages-repository') as typeof MessagesRepository,
  notifications: () => require('./adapters/dynamodb/notifications-repository') as typeof NotificationsRepository,
  senders: () => require('./adapters/dynamodb/senders-repository') as typeof SendersRepository,
  streamRecords: () => require('./adapters/dynamodb/stream-records') as typeof StreamRecords,
  uploads: () => require('./adapters/dynamodb/uploads-repository') as typeof UploadsRepository,
  health: () => require('./adapters/health-probe') as typeof HealthProbeAdapter,
  metrics: () => require('./adapters/powertools/emf-metrics') as typeof EmfMetricsAdapter,
  documentStore: () => require('./adapters/s3/document-store') as typeof DocumentStore,
  streamFailures: () => require('./adapters/s3/stream-failures') as typeof StreamFailuresAdapter,
  mailer: () => require('./adapters/ses/mailer') as typeof Mailer,
  notificationQueue: () => require('./adapters/sqs/notification-queue') as typeof NotificationQueue,
};

let current: Container | undefined;

export function container(): Container {
  if (!current) {
    const loaded = config();
    const clients = createAwsClients(loaded);
    const table = loaded.tableName;
    const clock = new OffsetClock(loaded.clockOffsetMs);
    const { issuer, audiences, jwksUrl } = loaded.accessTokens;
    // Adapters are required on first use, not imported: a function loads only the modules and SDK
    // clients its invocations reach, which keeps them out of its cold start (lazyProperties).
    const made: Container = lazyProperties<Container>({
      config: () => loaded,
      settings: () => ({
        portalUrl: loaded.portalUrl,
        expiryWarningDays: loaded.expiryWarningDays,
        companyMessageValidityDays: loaded.companyMessageValidityDays,
        presignedUrlSeconds: loaded.presignedUrlSeconds,
      }),
      clock: () => clock,
      accessTokens: () => createAccessTokenVerifier({ issuer, audiences, keys: remoteKeys(jwksUrl), clock }),
      ids: () => new UlidGenerator(),
      clients: () => clients,
      // Read by every publication, changed rarely by ops: cached briefly (docs/data-model.md, "Cached reads").
      senders: () => new (adapter.cached().CachedSenders)(new (adapter.senders().DynamoSendersRepository)(clients.documents, table)),
      clientBindings: () =>
        new (adapter.cached().CachedClientBindings)(new (adapter.clientBindings().DynamoClientBindingsRepository)(clients.documents, table)),
      enterprises: () => new (adapter.enterprises().DynamoEnterprisesRepository)(clients.documents, table),
      messages: () => new (adapter.messages().DynamoMessagesRepository)(clients.documents, table),
      uploads: () => new (adapter.uploads().DynamoUploadsRepository)(clients.documents, table),
      audit: () => new (adapter.audit().DynamoAuditRepository)(clients.documents, table),
      documents: () => new (adapter.documentStore().S3DocumentStore)(clients.s3, loaded.bucketName, loaded.presignedUrlSeconds),
      notifications: () => new (adapter.notifications().DynamoNotificationsRepository)(clients.documents, table),
      companyMessages: () => new (adapter.companyMessages().DynamoCompanyMessagesRepository)(clients.documents, table),
      notificationQueue: () => new (adapter.notificationQueue().SqsNotificationQueue)(clients.sqs, loaded.notificationsQueueUrl),
      mailer: () => new (adapter.mailer().SesMailer)(clients.ses, loaded.mailFrom, loaded.sesConfigurationSet),
      metrics: () => new (adapter.metrics().EmfMetrics)(powertoolsMetrics()),
      toTableChange: () => adapter.streamRecords().toTableChange,
      streamFailures: () =>
        loaded.streamFailuresBucket ? new (adapter.streamFailures().S3StreamFailures)(clients.s3, loaded.streamFailuresBucket, made.toTableChange) : undefined,
      health: () => new (adapter.health().AwsHealthProbe)(clients.documents, table, clients.s3, loaded.bucketName),
    });
    current = made;
  }
  return current;
}
