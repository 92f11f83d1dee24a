import { z } from 'zod';
import { enterpriseNumberSchema } from '../../../domain/schemas';
import type { OutgoingMessage } from '../../../domain/outgoing';
import { outgoingKeys, ttlOf } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';
import { attachmentSchema } from './values';

/** A company's message to an institution (`ENT#<n>` / `SENT#<id>`); its reply copy is of type REPLY. */
export const TYPE = 'OUTGOING';

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
} satisfies ShapeOf<OutgoingMessage>);

/** In the company's "sent" list, and in the institution's "received" list (gsi1); TTL at expiry. */
export const toSentItem = (message: OutgoingMessage): Item => ({
  ...outgoingKeys.sent(message.from, message.id, message.to),
  type: TYPE,
  ttl: ttlOf(message.expiresAt),
  ...message,
});

/** The copy of a reply under the message it answers, shown with it. */
export const toReplyItem = (message: OutgoingMessage & { inReplyTo: string }): Item => ({
  ...outgoingKeys.reply(message.from, message.inReplyTo, message.id),
  type: 'REPLY',
  ttl: ttlOf(message.expiresAt),
  ...message,
});

export const fromItem = (item: Item): OutgoingMessage => parseItem(schema, item);
