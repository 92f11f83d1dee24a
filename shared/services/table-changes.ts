import { documentKey } from '../adapters/s3/document-store';
import type { MessageChange } from '../adapters/dynamodb/stream-records';
import type { Container } from '../container';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import type { NotificationJob } from '../domain/notification';
import { logger } from '../logger';

type Deps = Pick<Container, 'notificationQueue' | 'documents' | 'notifications' | 'clock'>;

/**
 * Reacts to the table stream: new messages become one notification job per company (a digest);
 * removed messages (TTL at expiry) lose their PDFs, and an unread one leaves the unread count.
 * Every step is idempotent, so a retried batch does no harm. Returns the sequence number of the
 * first change that failed (the stream is retried from there), or undefined.
 */
export async function handleMessageChanges(deps: Deps, changes: MessageChange[]): Promise<string | undefined> {
  const inserted = new Map<EnterpriseNumber, string[]>();
  for (const { change, message } of changes) {
    if (change === 'INSERT') inserted.set(message.enterpriseNumber, [...(inserted.get(message.enterpriseNumber) ?? []), message.messageId]);
  }
  const jobs: NotificationJob[] = [...inserted].map(([enterpriseNumber, messageIds]) => ({ kind: 'NEW_MESSAGES', enterpriseNumber, messageIds }));
  try {
    if (jobs.length) await deps.notificationQueue.send(jobs);
  } catch (error) {
    logger.error('could not queue new-message notifications', { error: error as Error, jobs: jobs.length });
    return changes[0]?.sequenceNumber;
  }

  for (const { change, message, sequenceNumber } of changes) {
    if (change !== 'REMOVE') continue;
    try {
      await deps.documents.delete(message.attachments.map((attachment) => documentKey(message.enterpriseNumber, message.messageId, attachment.attachmentId)));
      if (!message.read) await deps.notifications.forgetUnread(message.enterpriseNumber, message.messageId, deps.clock.now().toISOString());
      logger.info('expired message removed', { messageId: message.messageId, enterpriseNumber: message.enterpriseNumber, attachments: message.attachments.length });
    } catch (error) {
      logger.error('could not clean up a removed message', { error: error as Error, messageId: message.messageId });
      return sequenceNumber;
    }
  }
  return undefined;
}
