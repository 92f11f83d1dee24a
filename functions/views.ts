import { z } from 'zod';
import type { Grant } from '../shared/domain/access';
import type { AuditEntry } from '../shared/domain/audit';
import type { EnterpriseProfile } from '../shared/domain/enterprise';
import { deliveryStatus, expiresSoon, type Delivery, type Message } from '../shared/domain/message';
import type { Sender } from '../shared/domain/sender';
import { LANGUAGES } from '../shared/domain/text';
import type { CompanyMessage } from '../shared/domain/company-message';
import { deliveryStatusSchema, roleSchema, senderLevelSchema } from './codes';

/**
 * The JSON the API returns, as zod schemas (for the OpenAPI document) and the mappers that build
 * it from domain objects (typed by those schemas, so the two cannot drift apart).
 */
const text = z
  .partialRecord(z.enum(LANGUAGES), z.string())
  .meta({ id: 'MultilingualText', description: 'A text in one or more of French, Dutch, German and English' });
const instant = z.string().meta({ format: 'date-time' });

const attachmentView = z
  .object({
    attachmentId: z.string(),
    fileName: z.string(),
    mediaType: z.literal('application/pdf'),
    size: z.number().int().nonnegative().meta({ description: 'In bytes' }),
    sha256: z.string().meta({ description: 'The SHA-256 of the PDF, in hexadecimal' }),
  })
  .meta({ title: 'Attachment', description: 'A PDF of the message' });

/** Who did something: a person (`ssin`, `name`) or a machine client (`clientId`). */
const actorView = z
  .object({ ssin: z.string().optional(), clientId: z.string().optional(), name: z.string().optional() })
  .meta({ title: 'Actor', description: 'A person (ssin and name) or a machine client (clientId)' });

export const senderView = z
  .object({
    senderId: z.string(),
    name: text,
    level: senderLevelSchema,
    acceptsMessages: z.boolean().meta({ description: 'Whether companies may write to it' }),
    documentTypes: z.array(
      z
        .object({ code: z.string(), name: text, validityDays: z.number().int().min(1).max(3650).meta({ description: 'How long its documents stay' }) })
        .meta({ title: 'DocumentType', description: 'A kind of document the institution publishes' }),
    ),
  })
  .meta({ id: 'Sender', description: 'An institution, with the kinds of documents it publishes' });

export const profileView = z
  .object({
    enterpriseNumber: z.string(),
    name: z.string().optional(),
    notificationEmail: z.string().optional(),
    language: z.enum(LANGUAGES),
    digitalOnly: z.boolean(),
    digitalOnlySince: instant.optional(),
    unreadCount: z.number().int().nonnegative().meta({ description: 'Messages not read yet (expired ones excluded)' }),
  })
  .meta({ id: 'EnterpriseProfile', description: "A company's e-Box settings and its unread count" });

export const deliveryView = z
  .object({
    messageId: z.string(),
    recipient: z.string(),
    documentType: z.string(),
    subject: text,
    registered: z.boolean(),
    replyable: z.boolean(),
    externalId: z.string().optional(),
    publishedAt: instant,
    expiresAt: instant,
    status: deliveryStatusSchema,
    firstReadAt: instant.optional(),
    attachments: z.array(attachmentView),
  })
  .meta({ id: 'SentMessage', description: 'A message as the institution that published it sees it (its delivery record)' });

export const messageSummaryView = z
  .object({
    messageId: z.string(),
    sender: z.object({ senderId: z.string(), name: text }).meta({ title: 'MessageSender', description: 'The institution that published it' }),
    documentType: z.object({ code: z.string(), name: text }).meta({ title: 'MessageDocumentType', description: 'What kind of document it is' }),
    subject: text,
    registered: z.boolean(),
    replyable: z.boolean(),
    publishedAt: instant,
    expiresAt: instant,
    expiresSoon: z.boolean(),
    read: z.boolean(),
    readAt: instant.optional(),
    attachmentCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'MessageSummary', description: "A message in a company's inbox" });

export const grantView = z
  .object({
    ssin: z.string(),
    name: z.string(),
    role: roleSchema,
    grantedAt: instant,
    grantedBy: actorView,
  })
  .meta({ id: 'Grant', description: "A person's access to the company's e-Box" });

export const auditView = z
  .object({
    at: instant,
    actor: actorView,
    action: z.string().meta({ description: 'What happened: MESSAGE_READ, ACCESS_GRANTED… (docs/api.md lists them)' }),
    messageId: z.string().optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'AuditEntry', description: 'One entry of the audit trail; never changed' });

export const downloadLinkView = z
  .object({
    url: z.string().meta({ description: 'The short-lived presigned URL of the PDF' }),
    expiresAt: instant.meta({ description: 'When the URL stops working: at most a few minutes, never after the document expires' }),
  })
  .meta({ id: 'DownloadLink', description: 'A short-lived link to a PDF, for clients that cannot follow a redirect' });

function pageOf<T extends z.ZodType>(item: T, id: string, description: string) {
  return z
    .object({
      items: z.array(item),
      pageSize: z.number().int().min(1).max(100),
      self: z.string().meta({ description: 'This page: path and query' }),
      next: z.string().optional().meta({ description: 'The next page (path and query), absent on the last one' }),
    })
    .meta({ id, description });
}

export const toSenderView = (sender: Sender): z.infer<typeof senderView> => ({
  senderId: sender.senderId,
  name: sender.name,
  level: sender.level,
  acceptsMessages: sender.acceptsMessages,
  documentTypes: sender.documentTypes.map(({ code, name, validityDays }) => ({ code, name, validityDays })),
});

export const toProfileView = (profile: EnterpriseProfile): z.infer<typeof profileView> => ({
  enterpriseNumber: profile.enterpriseNumber,
  ...(profile.name ? { name: profile.name } : {}),
  ...(profile.notificationEmail ? { notificationEmail: profile.notificationEmail } : {}),
  language: profile.language,
  digitalOnly: profile.digitalOnly,
  ...(profile.digitalOnly && profile.digitalOnlySince ? { digitalOnlySince: profile.digitalOnlySince } : {}),
  unreadCount: profile.unreadCount,
});

export const toDeliveryView = (delivery: Delivery, now: Date): z.infer<typeof deliveryView> => ({
  messageId: delivery.messageId,
  recipient: delivery.recipient,
  documentType: delivery.documentType,
  subject: delivery.subject,
  registered: delivery.registered,
  replyable: delivery.replyable,
  ...(delivery.externalId ? { externalId: delivery.externalId } : {}),
  publishedAt: delivery.publishedAt,
  expiresAt: delivery.expiresAt,
  status: deliveryStatus(delivery, now),
  ...(delivery.firstReadAt ? { firstReadAt: delivery.firstReadAt } : {}),
  attachments: delivery.attachments,
});

export const toMessageSummary = (message: Message, now: Date, warningDays: number): z.infer<typeof messageSummaryView> => ({
  messageId: message.messageId,
  sender: { senderId: message.senderId, name: message.senderName },
  documentType: message.documentType,
  subject: message.subject,
  registered: message.registered,
  replyable: message.replyable,
  publishedAt: message.publishedAt,
  expiresAt: message.expiresAt,
  expiresSoon: expiresSoon(message.expiresAt, now, warningDays),
  read: message.read,
  ...(message.read && message.readAt ? { readAt: message.readAt } : {}),
  attachmentCount: message.attachments.length,
});

export const toGrantView = (grant: Grant): z.infer<typeof grantView> => ({
  ssin: grant.ssin,
  name: grant.name,
  role: grant.role,
  grantedAt: grant.grantedAt,
  grantedBy: grant.grantedBy,
});

export const toAuditView = (entry: AuditEntry): z.infer<typeof auditView> => entry;

export const companyMessageView = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    inReplyTo: z.string().optional(),
    subject: z.string().optional(),
    body: z.string(),
    sentAt: instant,
    expiresAt: instant.meta({
      description: 'A reply expires with the message it answers; a new message a year (companyMessageValidityDays) after it was sent',
    }),
    sentBy: z.object({ name: z.string() }).meta({ title: 'Author', description: 'The person who wrote it' }),
    attachments: z.array(
      attachmentView
        .extend({ href: z.string().optional().meta({ description: 'Where to download it' }) })
        .meta({ title: 'CompanyMessageAttachment', description: 'A PDF of the message' }),
    ),
  })
  .meta({ id: 'CompanyMessage', description: 'A reply or a new message a company sent to an institution' });

/** A company's message as its author or its addressee sees it; `hrefBase` is where its PDFs are served. */
export const toCompanyMessageView = (message: CompanyMessage, hrefBase?: string): z.infer<typeof companyMessageView> => ({
  id: message.id,
  from: message.from,
  to: message.to,
  ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
  ...(message.subject ? { subject: message.subject } : {}),
  body: message.body,
  sentAt: message.sentAt,
  expiresAt: message.expiresAt,
  sentBy: { name: message.sentBy.name },
  attachments: message.attachments.map((attachment) => ({
    ...attachment,
    ...(hrefBase ? { href: `${hrefBase}/${message.id}/attachments/${attachment.attachmentId}/content` } : {}),
  })),
});

export const messageDetailView = messageSummaryView
  .extend({
    body: text.optional(),
    attachments: z.array(
      attachmentView
        .extend({ href: z.string().meta({ description: 'Where to download it' }) })
        .meta({ title: 'MessageAttachment', description: 'A PDF of the message' }),
    ),
    replies: z.array(companyMessageView),
  })
  .meta({ id: 'Message', description: 'A message with its body, its PDFs and the replies of the company' });

export const toMessageDetail = (message: Message, replies: CompanyMessage[], now: Date, warningDays: number): z.infer<typeof messageDetailView> => ({
  ...toMessageSummary(message, now, warningDays),
  ...(message.body ? { body: message.body } : {}),
  attachments: message.attachments.map((attachment) => ({
    ...attachment,
    href: `/v1/enterprises/${message.enterpriseNumber}/messages/${message.messageId}/attachments/${attachment.attachmentId}/content`,
  })),
  replies: replies.map((reply) => toCompanyMessageView(reply)),
});

// Answers of the routes that have no mapper of their own.

export const openApiView = z
  .looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }).meta({ title: 'OpenApiInfo', description: 'What the API is' }),
    paths: z.record(z.string(), z.unknown()).meta({ title: 'OpenApiPaths', description: 'Its operations, by path' }),
  })
  .meta({ id: 'OpenApiDocument', description: 'This document (OpenAPI 3.1)' });

const personMeView = z
  .object({
    ssin: z.string(),
    name: z.string(),
    enterprises: z.array(
      z
        .object({ enterpriseNumber: z.string(), name: z.string(), role: roleSchema })
        .meta({ title: 'PersonEnterprise', description: 'A company the person has access to' }),
    ),
  })
  .meta({ id: 'PersonIdentity', description: 'A person and the companies they have access to' });

const clientMeView = z
  .object({
    clientId: z.string(),
    senderId: z.string().optional(),
    enterprises: z.array(
      z
        .object({ enterpriseNumber: z.string(), name: z.string().optional() })
        .meta({ title: 'ClientEnterprise', description: 'The company the client is bound to' }),
    ),
  })
  .meta({ id: 'ClientIdentity', description: 'A machine client and what it is bound to' });

export const meView = z.union([personMeView, clientMeView]).meta({ id: 'Me', description: 'A person (ssin claim) or a machine client (client_id claim)' });

export const preferencesView = z
  .object({ enterpriseNumber: z.string(), digitalOnly: z.boolean(), digitalOnlySince: z.string().meta({ format: 'date-time' }).optional() })
  .meta({ id: 'Preferences', description: 'Whether a company asked to receive everything digitally' });

export const senderList = z.object({ items: z.array(senderView) }).meta({ id: 'SenderList', description: 'Every institution' });
export const grantList = z.object({ items: z.array(grantView) }).meta({ id: 'GrantList', description: 'Every grant on the company' });
export const sentMessagePage = pageOf(deliveryView, 'SentMessagePage', 'A page of the messages the institution published, newest first');
export const messageSummaryPage = pageOf(messageSummaryView, 'MessageSummaryPage', "A page of a company's inbox, newest first");
export const auditPage = pageOf(auditView, 'AuditPage', "A page of a company's audit trail, newest first");
export const companyMessagePage = pageOf(companyMessageView, 'CompanyMessagePage', 'A page of the messages companies sent, newest first');

/** The answers of GET /v1/me and of the preferences route are the use cases' own: typed here by their documented shapes. */
export const toMeView = (me: z.infer<typeof meView>): z.infer<typeof meView> => me;
export const toPreferencesView = (preferences: z.infer<typeof preferencesView>): z.infer<typeof preferencesView> => preferences;
