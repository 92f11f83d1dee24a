import { documentKey } from '../adapters/s3/document-store';
import type { InboxFilter } from '../adapters/dynamodb/messages-repository';
import type { Container } from '../container';
import type { Caller } from '../domain/caller';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { DocumentExpiredError, NotFoundError } from '../domain/errors';
import { isExpired, type Message } from '../domain/message';
import type { OutgoingMessage } from '../domain/outgoing';
import { decodeCursor, encodeCursor } from '../domain/pagination';
import { authorizeCompany } from './access-control';

type Deps = Pick<Container, 'enterprises' | 'clientBindings' | 'messages' | 'audit' | 'documents' | 'clock' | 'outgoing'>;

/** A company's messages, newest first, filtered; one Query per page. */
export async function listInbox(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, filter: InboxFilter, pageSize: number, cursor?: string) {
  await authorizeCompany(deps, caller, enterpriseNumber, 'mailbox');
  const after = cursor ? decodeCursor(cursor, { pk: `ENT#${enterpriseNumber}` }, { sk: 'MSG#' }) : undefined;
  const page = await deps.messages.inboxPage(enterpriseNumber, deps.clock.now(), filter, pageSize, after);
  return { messages: page.messages, ...(page.last ? { next: encodeCursor(page.last) } : {}) };
}

/** The message, if it is this company's and still valid: 404 for others', 410 once expired. */
async function visibleMessage(deps: Deps, enterpriseNumber: EnterpriseNumber, messageId: string): Promise<Message> {
  const now = deps.clock.now();
  const gone = (expiresAt: string) => new DocumentExpiredError(`Message ${messageId} expired on ${expiresAt}; expired documents are deleted`);
  const message = await deps.messages.getMessage(enterpriseNumber, messageId);
  if (message) {
    if (isExpired(message.expiresAt, now)) throw gone(message.expiresAt);
    return message;
  }
  // Already deleted by TTL: the sender's record still tells that it existed here.
  const delivery = await deps.messages.getDelivery(messageId);
  if (delivery?.recipient === enterpriseNumber && isExpired(delivery.expiresAt, now)) throw gone(delivery.expiresAt);
  throw new NotFoundError(`No message ${messageId} in the e-Box of ${enterpriseNumber}`);
}

/** Reading a message is audited; the first read is the proof of receipt. Comes with the company's replies. */
export async function readMessage(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, messageId: string): Promise<{ message: Message; replies: OutgoingMessage[] }> {
  const { actor } = await authorizeCompany(deps, caller, enterpriseNumber, 'mailbox');
  const message = await visibleMessage(deps, enterpriseNumber, messageId);
  const at = deps.clock.now().toISOString();
  await deps.audit.append(enterpriseNumber, { at, actor, action: 'MESSAGE_READ', messageId });
  const replies = await deps.outgoing.repliesTo(enterpriseNumber, messageId);
  if (!message.firstReadAt) {
    await deps.messages.recordFirstRead(message, at);
    return { message: { ...message, firstReadAt: at }, replies };
  }
  return { message, replies };
}

/** A short-lived URL to the PDF, after the authorisation check; audited like a read. */
export async function downloadAttachment(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, messageId: string, attachmentId: string) {
  const { actor } = await authorizeCompany(deps, caller, enterpriseNumber, 'mailbox');
  const message = await visibleMessage(deps, enterpriseNumber, messageId);
  const attachment = message.attachments.find((candidate) => candidate.attachmentId === attachmentId);
  if (!attachment) throw new NotFoundError(`Message ${messageId} has no attachment ${attachmentId}`);
  const at = deps.clock.now().toISOString();
  await deps.audit.append(enterpriseNumber, { at, actor, action: 'ATTACHMENT_DOWNLOADED', messageId, detail: attachment.fileName });
  if (!message.firstReadAt) await deps.messages.recordFirstRead(message, at);
  const url = await deps.documents.downloadUrl(documentKey(enterpriseNumber, messageId, attachmentId), attachment.fileName);
  return { url, sha256: attachment.sha256 };
}

/** Marks a message read or unread; the company's unread count follows. */
export async function markMessage(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, messageId: string, read: boolean): Promise<Message> {
  const { actor } = await authorizeCompany(deps, caller, enterpriseNumber, 'mailbox');
  const message = await visibleMessage(deps, enterpriseNumber, messageId);
  const at = deps.clock.now().toISOString();
  const changed = await deps.messages.setRead(message, read, at, { at, actor, action: read ? 'MESSAGE_MARKED_READ' : 'MESSAGE_MARKED_UNREAD', messageId });
  if (!changed) return (await deps.messages.getMessage(enterpriseNumber, messageId)) ?? message; // another request set it first
  const { readAt: _previous, ...rest } = message;
  return read ? { ...rest, read, readAt: at } : { ...rest, read };
}
