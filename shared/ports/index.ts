import type { AuditRepository } from './audit-repository';
import type { ClientBindingsRepository } from './client-bindings-repository';
import type { Clock } from './clock';
import type { DocumentStore } from './document-store';
import type { EnterprisesRepository } from './enterprises-repository';
import type { IdGenerator } from './id-generator';
import type { Mailer } from './mailer';
import type { MessagesRepository } from './messages-repository';
import type { Metrics } from './metrics';
import type { NotificationQueue } from './notification-queue';
import type { NotificationsRepository } from './notifications-repository';
import type { CompanyMessagesRepository } from './company-messages-repository';
import type { SendersRepository } from './senders-repository';
import type { Settings } from './settings';
import type { UploadsRepository } from './uploads-repository';

/**
 * Everything use cases reach outside themselves through. Each use case asks for the few it needs
 * (`Pick<Ports, 'messages' | 'clock'>`); the container provides all of them over AWS, unit tests
 * provide fakes.
 */
export interface Ports {
  senders: SendersRepository;
  clientBindings: ClientBindingsRepository;
  enterprises: EnterprisesRepository;
  messages: MessagesRepository;
  uploads: UploadsRepository;
  audit: AuditRepository;
  notifications: NotificationsRepository;
  companyMessages: CompanyMessagesRepository;
  documents: DocumentStore;
  mailer: Mailer;
  notificationQueue: NotificationQueue;
  clock: Clock;
  ids: IdGenerator;
  settings: Settings;
  metrics: Metrics;
}
