import { z } from 'zod';
import { enterpriseNumberSchema } from '../../../domain/schemas';
import type { CompanyMessage } from '../../../domain/company-message';
import { companyMessageKeys, ttlOf } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';
import { attachmentSchema } from './values';

/** A company's message to an institution (`ENT#<n>` / `SENT#<id>`); its reply copy is of type REPLY. */
export const TYPE = 'COMPANY_MESSAGE';

const schema = z.object({
  id: z.string(),
  from: enterpriseNumberSchema,
  to: z.string(),
  inReplyTo: z.string().optional(),
  subject: z.string().optional(),
  body: z.string(),
  sentAt: z.string(),
  expiresAt: z.string(),
  sentBy: z.object({ ssin: z.string(), name: z.string() }),
  attachments: z.array(attachmentSchema),
} satisfies ShapeOf<CompanyMessage>);

/** In the company's "sent" list, and in the institution's "received" list (gsi1); TTL at expiry. */
export const toSentItem = (message: CompanyMessage): Item => ({
  ...companyMessageKeys.sent(message.from, message.id, message.to),
  type: TYPE,
  ttl: ttlOf(message.expiresAt),
  ...message,
});

/** The copy of a reply under the message it answers, shown with it. */
export const toReplyItem = (message: CompanyMessage & { inReplyTo: string }): Item => ({
  ...companyMessageKeys.reply(message.from, message.inReplyTo, message.id),
  type: 'REPLY',
  ttl: ttlOf(message.expiresAt),
  ...message,
});

export const fromItem = (item: Item): CompanyMessage => parseItem(schema, item);
