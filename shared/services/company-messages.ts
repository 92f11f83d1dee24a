import type { Caller } from '../domain/caller';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import { ConflictError, DocumentExpiredError, InvalidInputError, NotFoundError } from '../domain/errors';
import { isExpired, type AttachmentMeta } from '../domain/message';
import type { CompanyMessage } from '../domain/company-message';
import type { Ports } from '../ports';
import type { Pdf } from '../ports/document-store';
import { authorizeCompany, authorizeCompanyPerson, authorizeInstitution } from './access-control';
import { checkInlinePdf, type InlineAttachment } from './inline-attachments';

type Deps = Pick<Ports, 'enterprises' | 'clientBindings' | 'messages' | 'senders' | 'companyMessages' | 'documents' | 'clock' | 'ids' | 'settings'>;

const DAY_MS = 86_400_000;

interface Draft {
  to: string;
  inReplyTo?: string;
  subject?: string;
  body: string;
  attachments: InlineAttachment[];
}

/** Stores the PDFs, then the message (with its audit entry) in one transaction. */
type Author = Awaited<ReturnType<typeof authorizeCompanyPerson>>;

async function store(
  deps: Deps,
  enterpriseNumber: EnterpriseNumber,
  { actor, person }: Author,
  draft: Draft,
  answeredExpiresAt?: string,
): Promise<CompanyMessage> {
  let inline = 0;
  const pdfs = draft.attachments.map((attachment, index) => {
    const pdf = checkInlinePdf(attachment, index, inline);
    inline += pdf.size;
    return pdf;
  });
  const now = deps.clock.now();
  const id = deps.ids.newId(now);
  // Each PDF with its id and where it goes.
  const placed = pdfs.map((pdf) => {
    const attachmentId = deps.ids.newId(now);
    const meta: AttachmentMeta = { attachmentId, fileName: pdf.fileName, mediaType: 'application/pdf', size: pdf.size, sha256: pdf.sha256 };
    const target: Pdf = { of: 'companyMessage', enterpriseNumber, id, attachmentId };
    return { pdf, meta, target };
  });
  const attachments = placed.map(({ meta }) => meta);
  const stored = placed.map(({ target }) => target);
  const message: CompanyMessage = {
    id,
    from: enterpriseNumber,
    to: draft.to,
    ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
    ...(draft.subject ? { subject: draft.subject } : {}),
    body: draft.body,
    sentAt: now.toISOString(),
    expiresAt: answeredExpiresAt ?? new Date(now.getTime() + deps.settings.companyMessageValidityDays * DAY_MS).toISOString(),
    sentBy: person,
    attachments,
  };
  try {
    const writes = await Promise.allSettled(placed.map(({ pdf, target }) => deps.documents.put(target, pdf.bytes, pdf.sha256)));
    const failed = writes.find((write): write is PromiseRejectedResult => write.status === 'rejected');
    if (failed) throw failed.reason;
    await deps.companyMessages.put(message, {
      at: message.sentAt,
      actor,
      action: draft.inReplyTo ? 'REPLY_SENT' : 'MESSAGE_SENT',
      messageId: draft.inReplyTo ?? id,
      detail: draft.to,
    });
  } catch (error) {
    await deps.documents.delete(stored).catch(() => undefined); // best effort: nothing refers to them
    throw error;
  }
  return message;
}

/** A reply, only to a replyable and unexpired message of this company. */
export async function reply(
  deps: Deps,
  caller: Caller,
  enterpriseNumber: EnterpriseNumber,
  messageId: string,
  draft: { body: string; attachments: InlineAttachment[] },
) {
  const author = await authorizeCompanyPerson(deps, caller, enterpriseNumber, 'act');
  const original = await deps.messages.getMessage(enterpriseNumber, messageId);
  if (!original) {
    const delivery = await deps.messages.getDelivery(messageId);
    if (delivery?.recipient === enterpriseNumber) throw new DocumentExpiredError(`Message ${messageId} expired on ${delivery.expiresAt}`, delivery.expiresAt);
    throw new NotFoundError(`No message ${messageId} in the e-Box of ${enterpriseNumber}`);
  }
  if (isExpired(original.expiresAt, deps.clock.now()))
    throw new DocumentExpiredError(`Message ${messageId} expired on ${original.expiresAt}; it can no longer be answered`, original.expiresAt);
  if (!original.replyable) throw new ConflictError('notReplyable', `${original.senderId} does not accept replies to message ${messageId}`);
  return store(deps, enterpriseNumber, author, { ...draft, to: original.senderId, inReplyTo: messageId }, original.expiresAt);
}

/** A new message to an institution that accepts them. */
export async function sendToInstitution(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, draft: Omit<Draft, 'inReplyTo'>) {
  const author = await authorizeCompanyPerson(deps, caller, enterpriseNumber, 'act');
  const sender = await deps.senders.get(draft.to);
  if (!sender)
    throw new InvalidInputError([
      { in: 'body', name: 'to', kind: 'referencedResourceNotFound', detail: `no institution ${draft.to} is registered`, value: draft.to },
    ]);
  if (!sender.acceptsMessages) throw new ConflictError('messagesNotAccepted', `${sender.senderId} does not accept messages from companies`);
  return store(deps, enterpriseNumber, author, draft);
}

export async function listSent(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, pageSize: number, cursor?: string) {
  await authorizeCompany(deps, caller, enterpriseNumber, 'mailbox');
  return deps.companyMessages.sentPage(enterpriseNumber, deps.clock.now(), pageSize, cursor);
}

export async function getSent(deps: Deps, caller: Caller, enterpriseNumber: EnterpriseNumber, id: string): Promise<CompanyMessage> {
  await authorizeCompany(deps, caller, enterpriseNumber, 'mailbox');
  const message = await deps.companyMessages.sent(enterpriseNumber, id);
  if (!message) throw new NotFoundError(`${enterpriseNumber} sent no message ${id}`);
  return stillAvailable(message, deps.clock.now());
}

/** An expired company message is gone for both sides at once, before TTL removes it. */
function stillAvailable(message: CompanyMessage, now: Date): CompanyMessage {
  if (isExpired(message.expiresAt, now))
    throw new DocumentExpiredError(`Message ${message.id} expired on ${message.expiresAt}; expired messages are deleted`, message.expiresAt);
  return message;
}

/** The institution's side: only what was addressed to it. */
export async function listReceived(deps: Pick<Deps, 'clientBindings' | 'companyMessages' | 'clock'>, caller: Caller, pageSize: number, cursor?: string) {
  const { senderId } = await authorizeInstitution(deps, caller);
  return deps.companyMessages.receivedPage(senderId, deps.clock.now(), pageSize, cursor);
}

export async function getReceived(deps: Pick<Deps, 'clientBindings' | 'companyMessages' | 'clock'>, caller: Caller, id: string): Promise<CompanyMessage> {
  const { senderId } = await authorizeInstitution(deps, caller);
  const message = await deps.companyMessages.received(senderId, id);
  if (!message) throw new NotFoundError(`No message ${id} was sent to ${senderId}`);
  return stillAvailable(message, deps.clock.now());
}

export async function receivedAttachmentUrl(
  deps: Pick<Deps, 'clientBindings' | 'companyMessages' | 'documents' | 'clock'>,
  caller: Caller,
  id: string,
  attachmentId: string,
) {
  const message = await getReceived(deps, caller, id);
  const attachment = message.attachments.find((candidate) => candidate.attachmentId === attachmentId);
  if (!attachment) throw new NotFoundError(`Message ${id} has no attachment ${attachmentId}`);
  const pdf: Pdf = { of: 'companyMessage', enterpriseNumber: message.from, id, attachmentId };
  const link = await deps.documents.downloadUrl(pdf, attachment.fileName, { now: deps.clock.now(), notAfter: new Date(message.expiresAt) });
  return { ...link, sha256: attachment.sha256 };
}
