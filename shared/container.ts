import { createAwsClients, type AwsClients } from './adapters/aws-clients';
import { DynamoAuditRepository } from './adapters/dynamodb/audit-repository';
import { DynamoClientBindingsRepository } from './adapters/dynamodb/client-bindings-repository';
import { DynamoEnterprisesRepository } from './adapters/dynamodb/enterprises-repository';
import { DynamoMessagesRepository } from './adapters/dynamodb/messages-repository';
import { DynamoNotificationsRepository } from './adapters/dynamodb/notifications-repository';
import { DynamoCompanyMessagesRepository } from './adapters/dynamodb/company-messages-repository';
import { DynamoSendersRepository } from './adapters/dynamodb/senders-repository';
import { toTableChange, type StreamRecordImage } from './adapters/dynamodb/stream-records';
import { DynamoUploadsRepository } from './adapters/dynamodb/uploads-repository';
import { OffsetClock } from './adapters/offset-clock';
import { EmfMetrics } from './adapters/powertools/emf-metrics';
import { S3DocumentStore } from './adapters/s3/document-store';
import { S3StreamFailures } from './adapters/s3/stream-failures';
import { SesMailer } from './adapters/ses/mailer';
import { SqsNotificationQueue } from './adapters/sqs/notification-queue';
import { UlidGenerator } from './adapters/ulid-generator';
import { config, type Config } from './config';
import { createAccessTokenVerifier, remoteKeys, type AccessTokenVerifier } from './http/access-tokens';
import { powertoolsMetrics } from './observability';
import type { Ports } from './ports';
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
  toTableChange: (record: StreamRecordImage) => TableChange | undefined;
  /** The stream consumer's failed batches; only the replay job is given their bucket (STREAM_FAILURES_BUCKET). */
  streamFailures: StreamFailures | undefined;
}

let current: Container | undefined;

export function container(): Container {
  if (!current) {
    const loaded = config();
    const clients = createAwsClients(loaded);
    const table = loaded.tableName;
    const clock = new OffsetClock(loaded.clockOffsetMs);
    const { issuer, audiences, jwksUrl } = loaded.accessTokens;
    current = {
      config: loaded,
      settings: {
        portalUrl: loaded.portalUrl,
        expiryWarningDays: loaded.expiryWarningDays,
        companyMessageValidityDays: loaded.companyMessageValidityDays,
        presignedUrlSeconds: loaded.presignedUrlSeconds,
      },
      clock,
      accessTokens: createAccessTokenVerifier({ issuer, audiences, keys: remoteKeys(jwksUrl), clock }),
      ids: new UlidGenerator(),
      clients,
      senders: new DynamoSendersRepository(clients.documents, table),
      clientBindings: new DynamoClientBindingsRepository(clients.documents, table),
      enterprises: new DynamoEnterprisesRepository(clients.documents, table),
      messages: new DynamoMessagesRepository(clients.documents, table),
      uploads: new DynamoUploadsRepository(clients.documents, table),
      audit: new DynamoAuditRepository(clients.documents, table),
      documents: new S3DocumentStore(clients.s3, loaded.bucketName, loaded.presignedUrlSeconds),
      notifications: new DynamoNotificationsRepository(clients.documents, table),
      companyMessages: new DynamoCompanyMessagesRepository(clients.documents, table),
      notificationQueue: new SqsNotificationQueue(clients.sqs, loaded.notificationsQueueUrl),
      mailer: new SesMailer(clients.ses, loaded.mailFrom, loaded.sesConfigurationSet),
      metrics: new EmfMetrics(powertoolsMetrics),
      toTableChange,
      streamFailures: loaded.streamFailuresBucket ? new S3StreamFailures(clients.s3, loaded.streamFailuresBucket, toTableChange) : undefined,
    };
  }
  return current;
}
