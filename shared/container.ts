import { createAwsClients, type AwsClients } from './adapters/aws-clients';
import { AuditRepository } from './adapters/dynamodb/audit-repository';
import { EnterprisesRepository } from './adapters/dynamodb/enterprises-repository';
import { MessagesRepository } from './adapters/dynamodb/messages-repository';
import { NotificationsRepository } from './adapters/dynamodb/notifications-repository';
import { OutgoingRepository } from './adapters/dynamodb/outgoing-repository';
import { ClientsRepository, SendersRepository } from './adapters/dynamodb/senders-repository';
import { UploadsRepository } from './adapters/dynamodb/uploads-repository';
import { DocumentStore } from './adapters/s3/document-store';
import { Mailer } from './adapters/ses/mailer';
import { NotificationQueue } from './adapters/sqs/notification-queue';
import { OffsetClock } from './clock';
import { config, type Config } from './config';

/**
 * The composition root: configuration, clock, AWS clients and the adapters over them, created
 * once per container (cold start) and shared by every invocation. Use cases receive these ports
 * as arguments, so unit tests pass plain fakes instead.
 */
export interface Container {
  config: Config;
  clock: OffsetClock;
  clients: AwsClients;
  senders: SendersRepository;
  clientBindings: ClientsRepository;
  enterprises: EnterprisesRepository;
  messages: MessagesRepository;
  uploads: UploadsRepository;
  audit: AuditRepository;
  documents: DocumentStore;
  notifications: NotificationsRepository;
  outgoing: OutgoingRepository;
  notificationQueue: NotificationQueue;
  mailer: Mailer;
}

let current: Container | undefined;

export function container(): Container {
  if (!current) {
    const settings = config();
    const clients = createAwsClients(settings);
    const table = settings.tableName;
    current = {
      config: settings,
      clock: new OffsetClock(settings.clockOffsetMs),
      clients,
      senders: new SendersRepository(clients.documents, table),
      clientBindings: new ClientsRepository(clients.documents, table),
      enterprises: new EnterprisesRepository(clients.documents, table),
      messages: new MessagesRepository(clients.documents, table),
      uploads: new UploadsRepository(clients.documents, table),
      audit: new AuditRepository(clients.documents, table),
      documents: new DocumentStore(clients.s3, settings.bucketName, settings.presignedUrlSeconds),
      notifications: new NotificationsRepository(clients.documents, table),
      outgoing: new OutgoingRepository(clients.documents, table),
      notificationQueue: new NotificationQueue(clients.sqs, settings.notificationsQueueUrl),
      mailer: new Mailer(clients.ses, settings.mailFrom),
    };
  }
  return current;
}
