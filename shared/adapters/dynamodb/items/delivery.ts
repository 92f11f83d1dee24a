import { z } from 'zod';
import type { Delivery } from '../../../domain/message';
import { enterpriseNumberSchema } from '../../../domain/schemas';
import { keys, ttlOf } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';
import { attachmentSchema, textSchema } from './values';

/** The sender's records (delivery, idempotency) are kept this long after expiry, then TTL removes them. */
export const SENDER_RECORD_RETENTION_DAYS = 365;

const schema = z.object({
  messageId: z.string(),
  senderId: z.string(),
  recipient: enterpriseNumberSchema,
  documentType: z.string(),
  subject: textSchema,
  registered: z.boolean(),
  replyable: z.boolean(),
  externalId: z.string().optional(),
  publishedAt: z.string(),
  expiresAt: z.string(),
  firstReadAt: z.string().optional(),
  attachments: z.array(attachmentSchema),
} satisfies ShapeOf<Delivery>);

/** The sender's record (`MSG#<id>` / `DELIVERY`, by sender in gsi1): it outlives the message. */
export const toItem = (delivery: Delivery): Item => ({
  ...keys.delivery(delivery.messageId, delivery.senderId),
  type: 'DELIVERY',
  ttl: ttlOf(delivery.expiresAt, SENDER_RECORD_RETENTION_DAYS),
  ...delivery,
});

export const fromItem = (item: Item): Delivery => parseItem(schema, item);
