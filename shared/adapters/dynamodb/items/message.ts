import { z } from 'zod';
import type { Message } from '../../../domain/message';
import { enterpriseNumberSchema } from '../../../domain/schemas';
import { keys, ttlOf } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';
import { attachmentSchema, textSchema } from './values';

/** The company's copy of a message (`ENT#<n>` / `MSG#<id>`). */
export const TYPE = 'MESSAGE';

const schema = z.object({
  messageId: z.string(),
  enterpriseNumber: enterpriseNumberSchema,
  senderId: z.string(),
  senderName: textSchema,
  documentType: z.object({ code: z.string(), name: textSchema }),
  subject: textSchema,
  body: textSchema.optional(),
  registered: z.boolean(),
  replyable: z.boolean(),
  externalId: z.string().optional(),
  publishedAt: z.string(),
  expiresAt: z.string(),
  read: z.boolean(),
  readAt: z.string().optional(),
  firstReadAt: z.string().optional(),
  attachments: z.array(attachmentSchema),
  traceId: z.string().optional(),
} satisfies ShapeOf<Message>);

/** A new (unread) message: in the expiry index until warned, in the unread index until read; TTL at expiry. */
export const toItem = (message: Message): Item => ({
  ...keys.message(message.enterpriseNumber, message.messageId),
  ...keys.expiry(message.expiresAt.slice(0, 10), message.messageId, message.expiresAt, message.enterpriseNumber),
  ...keys.unread(message.enterpriseNumber, message.expiresAt, message.messageId),
  type: TYPE,
  ttl: ttlOf(message.expiresAt),
  ...message,
});

export const fromItem = (item: Item): Message => parseItem(schema, item);

/**
 * Set on an unread message when it expired and was taken out of its company's unread count
 * (docs/data-model.md, "Unread count"): it never leaves the count a second time.
 */
export const UNCOUNTED = 'uncounted';

export const wasUncounted = (item: Item): boolean => item[UNCOUNTED] === true;

/** Counted in the company's unread count: unread, and not taken out at expiry. */
export const isCountedUnread = (item: Item): boolean => item.read === false && !wasUncounted(item);
