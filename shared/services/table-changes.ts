import { SYSTEM_ACTOR, type AuditEntry } from '../domain/audit';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import type { Message } from '../domain/message';
import type { NotificationJob } from '../domain/notification';
import type { CompanyMessage } from '../domain/company-message';
import { logger } from '../logger';
import type { Ports } from '../ports';
import type { Pdf } from '../ports/document-store';
import type { TableChange } from '../ports/table-changes';

type Deps = Pick<Ports, 'notificationQueue' | 'documents' | 'notifications' | 'clock' | 'metrics'>;

/**
 * Reacts to the table stream: new messages become one notification job per company (a digest);
 * removed messages (TTL at expiry) lose their PDFs, leave the unread count if still counted, and their
 * expiry and deletion enter the company's audit trail; removed company messages lose their PDFs.
 * Every step is idempotent, so a retried batch does no harm. Returns the sequence number of the
 * first change that failed (the stream is retried from there), or undefined.
 */
export async function handleTableChanges(deps: Deps, changes: TableChange[]): Promise<string | undefined> {
  const inserted = new Map<EnterpriseNumber, { messageIds: string[]; traceIds: string[] }>();
  for (const change of changes) {
    if (change.item === 'message' && change.change === 'INSERT') {
      const { enterpriseNumber, messageId, traceId } = change.message;
      const job = inserted.get(enterpriseNumber) ?? { messageIds: [], traceIds: [] };
      job.messageIds.push(messageId);
      if (traceId) job.traceIds.push(traceId);
      inserted.set(enterpriseNumber, job);
    }
  }
  const jobs: NotificationJob[] = [...inserted].map(([enterpriseNumber, job]) => ({ kind: 'NEW_MESSAGES', enterpriseNumber, ...job }));
  try {
    if (jobs.length) await deps.notificationQueue.send(jobs);
  } catch (error) {
    logger.error('could not queue new-message notifications', { error: error as Error, jobs: jobs.length });
    return changes[0]?.sequenceNumber;
  }

  for (const change of changes) {
    if (change.change !== 'REMOVE') continue;
    try {
      if (change.item === 'message') await removeMessage(deps, change.message, change.countedUnread);
      else await removeCompanyMessage(deps, change.message);
    } catch (error) {
      logger.error('could not clean up a removed message', {
        error: error as Error,
        messageId: change.item === 'message' ? change.message.messageId : change.message.id,
      });
      return change.sequenceNumber;
    }
  }
  return undefined;
}

async function removeMessage(deps: Deps, message: Message, countedUnread: boolean): Promise<void> {
  const { enterpriseNumber, messageId } = message;
  await deps.documents.delete(message.attachments.map(({ attachmentId }): Pdf => ({ of: 'message', enterpriseNumber, messageId, attachmentId })));
  const removedAt = deps.clock.now().toISOString();
  const pdfs = message.attachments.length;
  const audit: AuditEntry[] = [
    { at: message.expiresAt, actor: SYSTEM_ACTOR, action: 'MESSAGE_EXPIRED', messageId: message.messageId },
    { at: removedAt, actor: SYSTEM_ACTOR, action: 'MESSAGE_DELETED', messageId: message.messageId, detail: `${pdfs} PDF` },
  ];
  await deps.notifications.recordRemoval(message, countedUnread, removedAt, audit);
  deps.metrics.count('MessagesDeleted');
  logger.info('expired message removed', { messageId, enterpriseNumber, attachments: pdfs, traceId: message.traceId });
}

async function removeCompanyMessage(deps: Pick<Deps, 'documents' | 'metrics'>, message: CompanyMessage): Promise<void> {
  await deps.documents.delete(
    message.attachments.map(({ attachmentId }): Pdf => ({ of: 'companyMessage', enterpriseNumber: message.from, id: message.id, attachmentId })),
  );
  deps.metrics.count('MessagesDeleted');
  logger.info('expired company message removed', { id: message.id, enterpriseNumber: message.from, attachments: message.attachments.length });
}
