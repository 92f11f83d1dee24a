import { z } from 'zod';
import type { IdempotencyRecord } from '../../../ports/messages-repository';
import { keys, ttlOf } from '../keys';
import { SENDER_RECORD_RETENTION_DAYS } from './delivery';
import { parseItem, type Item, type ShapeOf } from './parse';

const schema = z.object({ messageId: z.string(), contentHash: z.string() } satisfies ShapeOf<IdempotencyRecord>);

/** The message a sender published under an externalId; kept as long as its delivery record. */
export const toItem = (senderId: string, externalId: string, record: IdempotencyRecord, expiresAt: string): Item => ({
  ...keys.idempotency(senderId, externalId),
  type: 'IDEMPOTENCY',
  messageId: record.messageId,
  contentHash: record.contentHash,
  ttl: ttlOf(expiresAt, SENDER_RECORD_RETENTION_DAYS),
});

export const fromItem = (item: Item): IdempotencyRecord => parseItem(schema, item);
