import { z } from 'zod';
import type { Grant } from '../shared/domain/access';
import type { AuditEntry } from '../shared/domain/audit';
import type { EnterpriseProfile } from '../shared/domain/enterprise';
import { deliveryStatus, expiresSoon, type Delivery, type Message } from '../shared/domain/message';
import { ROLES } from '../shared/domain/roles';
import { SENDER_LEVELS, type Sender } from '../shared/domain/sender';
import { LANGUAGES } from '../shared/domain/text';
import type { CompanyMessage } from '../shared/domain/company-message';

/**
 * The JSON the API returns, as zod schemas (for the OpenAPI document) and the mappers that build
 * it from domain objects (typed by those schemas, so the two cannot drift apart).
 */
const text = z.partialRecord(z.enum(LANGUAGES), z.string()).meta({ id: 'MultilingualText' });
const instant = z.string().meta({ format: 'date-time' });

const attachmentView = z.object({
  attachmentId: z.string(),
  fileName: z.string(),
  mediaType: z.literal('application/pdf'),
  size: z.number().int(),
  sha256: z.string(),
});

export const senderView = z
  .object({
    senderId: z.string(),
    name: text,
    level: z.enum(SENDER_LEVELS),
    acceptsMessages: z.boolean(),
    documentTypes: z.array(z.object({ code: z.string(), name: text, validityDays: z.number().int() })),
  })
  .meta({ id: 'Sender' });

export const profileView = z
  .object({
    enterpriseNumber: z.string(),
    name: z.string().optional(),
    notificationEmail: z.string().optional(),
    language: z.enum(LANGUAGES),
    digitalOnly: z.boolean(),
    digitalOnlySince: instant.optional(),
    unreadCount: z.number().int(),
  })
  .meta({ id: 'EnterpriseProfile' });

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
    status: z.enum(['DELIVERED', 'READ', 'EXPIRED']),
    firstReadAt: instant.optional(),
    attachments: z.array(attachmentView),
  })
  .meta({ id: 'SentMessage' });

export const messageSummaryView = z
  .object({
    messageId: z.string(),
    sender: z.object({ senderId: z.string(), name: text }),
    documentType: z.object({ code: z.string(), name: text }),
    subject: text,
    registered: z.boolean(),
    replyable: z.boolean(),
    publishedAt: instant,
    expiresAt: instant,
    expiresSoon: z.boolean(),
    read: z.boolean(),
    readAt: instant.optional(),
    attachmentCount: z.number().int(),
  })
  .meta({ id: 'MessageSummary' });

export const grantView = z
  .object({
    ssin: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    grantedAt: instant,
    grantedBy: z.object({ ssin: z.string().optional(), clientId: z.string().optional(), name: z.string().optional() }),
  })
  .meta({ id: 'Grant' });

export const auditView = z
  .object({
    at: instant,
    actor: z.object({ ssin: z.string().optional(), clientId: z.string().optional(), name: z.string().optional() }),
    action: z.string(),
    messageId: z.string().optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'AuditEntry' });

export const downloadLinkView = z
  .object({
    url: z.string().meta({ description: 'The short-lived presigned URL of the PDF' }),
    expiresAt: instant.meta({ description: 'When the URL stops working: at most a few minutes, never after the document expires' }),
  })
  .meta({ id: 'DownloadLink' });

function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), pageSize: z.number().int(), self: z.string(), next: z.string().optional() }).meta({ id });
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
    sentBy: z.object({ name: z.string() }),
    attachments: z.array(attachmentView.extend({ href: z.string().optional() })),
  })
  .meta({ id: 'CompanyMessage' });

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
    attachments: z.array(attachmentView.extend({ href: z.string() })),
    replies: z.array(companyMessageView),
  })
  .meta({ id: 'Message' });

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

export const healthView = z.object({ status: z.literal('UP') }).meta({ id: 'Health' });

export const openApiView = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
  .meta({ id: 'OpenApiDocument', description: 'This document (OpenAPI 3.1)' });

const personMeView = z
  .object({
    ssin: z.string(),
    name: z.string(),
    enterprises: z.array(z.object({ enterpriseNumber: z.string(), name: z.string(), role: z.enum(ROLES) })),
  })
  .meta({ id: 'PersonIdentity' });

const clientMeView = z
  .object({
    clientId: z.string(),
    senderId: z.string().optional(),
    enterprises: z.array(z.object({ enterpriseNumber: z.string(), name: z.string().optional() })),
  })
  .meta({ id: 'ClientIdentity' });

export const meView = z.union([personMeView, clientMeView]).meta({ id: 'Me', description: 'A person (ssin claim) or a machine client (client_id claim)' });

export const preferencesView = z
  .object({ enterpriseNumber: z.string(), digitalOnly: z.boolean(), digitalOnlySince: z.string().meta({ format: 'date-time' }).optional() })
  .meta({ id: 'Preferences' });

export const senderList = z.object({ items: z.array(senderView) }).meta({ id: 'SenderList' });
export const grantList = z.object({ items: z.array(grantView) }).meta({ id: 'GrantList' });
export const sentMessagePage = pageOf(deliveryView, 'SentMessagePage');
export const messageSummaryPage = pageOf(messageSummaryView, 'MessageSummaryPage');
export const auditPage = pageOf(auditView, 'AuditPage');
export const companyMessagePage = pageOf(companyMessageView, 'CompanyMessagePage');

/** The answers of GET /v1/me and of the preferences route are the use cases' own: typed here by their documented shapes. */
export const toMeView = (me: z.infer<typeof meView>): z.infer<typeof meView> => me;
export const toPreferencesView = (preferences: z.infer<typeof preferencesView>): z.infer<typeof preferencesView> => preferences;
