import type { AuditEntry } from '../domain/audit';
import type { Caller } from '../domain/caller';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { DocumentExpiredError, NotFoundError } from '../domain/errors';
import { isExpired, type Message } from '../domain/message';
import type { CompanyMessage } from '../domain/company-message';
import type { Ports } from '../ports';
import type { Pdf } from '../ports/document-store';
import type { InboxFilter } from '../ports/messages-repository';
import { alongsideCheck, authorizeCompany } from './access-control';

type Deps = Pick<Ports, 'enterprises' | 'clientBindings' | 'messages' | 'documents' | 'clock' | 'companyMessages' | 'metrics'>;

/** A company's messages, newest first, filtered; one Query per page, read alongside the access check. */
export async function listInbox(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, filter: InboxFilter, pageSize: number, cursor?: string) {
  const now = deps.clock.now();
  const [, page] = await alongsideCheck(authorizeCompany(deps, caller, enterpriseNumber, 'mailbox'), () =>
    deps.messages.inboxPage(enterpriseNumber, now, filter, pageSize, cursor),
  );
  return page;
}

const expiredError = (messageId: string, expiresAt: string) =>
  new DocumentExpiredError(`Message ${messageId} expired on ${expiresAt}; expired documents are deleted`, expiresAt);

/**
 * The message read alongside the access check (the actor once it passed), if it is this
 * company's and still valid: 404 for others', 410 once expired.
 */
async function accessAndMessage(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, messageId: string) {
  // A person's grant comes with the message, in one consistent read.
  const read =
    caller.kind === 'person'
      ? deps.messages.getMessageAndGrant(enterpriseNumber, messageId, caller.ssin)
      : deps.messages.getMessage(enterpriseNumber, messageId).then((message) => ({ message, grant: undefined }));
  const [{ actor }, { message: stored }] = await alongsideCheck(
    authorizeCompany(
      deps,
      caller,
      enterpriseNumber,
      'mailbox',
      read.then(({ grant }) => grant),
    ),
    () => read,
  );
  return { actor, message: await visibleMessage(deps, enterpriseNumber, messageId, stored) };
}

/** The message as read, if still valid: 404 for others', 410 once expired. */
async function visibleMessage(deps: Deps, enterpriseNumber: EnterpriseNumber, messageId: string, message: Message | undefined): Promise<Message> {
  const now = deps.clock.now();
  if (message) {
    if (isExpired(message.expiresAt, now)) throw expiredError(messageId, message.expiresAt);
    return message;
  }
  // Already deleted by TTL: the sender's record still tells that it existed here.
  const delivery = await deps.messages.getDelivery(messageId);
  if (delivery?.recipient === enterpriseNumber && isExpired(delivery.expiresAt, now)) throw expiredError(messageId, delivery.expiresAt);
  throw new NotFoundError(`No message ${messageId} in the e-Box of ${enterpriseNumber}`);
}

/** Records a company-side read: the message becomes read, the first read is the sender's proof of receipt; audited. */
async function read(deps: Deps, message: Message, audit: AuditEntry): Promise<Message> {
  const recorded = await deps.messages.recordRead(message, audit.at, audit);
  if (!recorded) throw expiredError(message.messageId, message.expiresAt); // removed by TTL meanwhile
  return recorded;
}

/** Opening a message marks it read and is audited. Comes with the company's replies. */
export async function readMessage(
  deps: Deps,
  caller: Caller,
  enterpriseNumber: EnterpriseNumber,
  messageId: string,
): Promise<{ message: Message; replies: CompanyMessage[] }> {
  const { actor, message } = await accessAndMessage(deps, caller, enterpriseNumber, messageId);
  const at = deps.clock.now().toISOString();
  // Only a replyable message has replies (replying to another is refused): the others need no read.
  const [opened, replies] = await Promise.all([
    read(deps, message, { at, actor, action: 'MESSAGE_READ', messageId }),
    message.replyable ? deps.companyMessages.repliesTo(enterpriseNumber, messageId) : [],
  ]);
  deps.metrics.count('MessagesRead');
  return { message: opened, replies };
}

/**
 * A short-lived URL to the PDF, after the authorisation check, that expires with the document at
 * the latest; downloading marks the message read and is audited.
 */
export async function downloadAttachment(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, messageId: string, attachmentId: string) {
  const { actor, message } = await accessAndMessage(deps, caller, enterpriseNumber, messageId);
  const attachment = message.attachments.find((candidate) => candidate.attachmentId === attachmentId);
  if (!attachment) throw new NotFoundError(`Message ${messageId} has no attachment ${attachmentId}`);
  const now = deps.clock.now();
  // A URL valid for less than a second is of no use: the document is as good as gone.
  if (Date.parse(message.expiresAt) - now.getTime() < 1000) throw expiredError(messageId, message.expiresAt);
  const at = now.toISOString();
  const pdf: Pdf = { of: 'message', enterpriseNumber, messageId, attachmentId };
  // The link is signed while the read is recorded; it is handed out only once both succeeded.
  const [, link] = await Promise.all([
    read(deps, message, { at, actor, action: 'ATTACHMENT_DOWNLOADED', messageId, detail: attachment.fileName }),
    deps.documents.downloadUrl(pdf, attachment.fileName, { now, notAfter: new Date(message.expiresAt) }),
  ]);
  deps.metrics.count('AttachmentsDownloaded');
  return { ...link, sha256: attachment.sha256 };
}

/** Marks a message read or unread; the company's unread count follows. */
export async function markMessage(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, messageId: string, read: boolean): Promise<Message> {
  const { actor, message } = await accessAndMessage(deps, caller, enterpriseNumber, messageId);
  const at = deps.clock.now().toISOString();
  const changed = await deps.messages.setRead(message, read, at, { at, actor, action: read ? 'MESSAGE_MARKED_READ' : 'MESSAGE_MARKED_UNREAD', messageId });
  if (!changed) return (await deps.messages.getMessage(enterpriseNumber, messageId)) ?? message; // another request set it first
  const { readAt: _previous, ...rest } = message;
  return read ? { ...rest, read, readAt: at } : { ...rest, read };
}
