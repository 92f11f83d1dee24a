import { z } from 'zod';
import { enterpriseNumberSchema } from '../../../domain/schemas';
import type { ExpiringEntry } from '../../../ports/notifications-repository';
import { parseItem, type Item, type ShapeOf } from './parse';

// A message item as the expiry index gives it: only what the warning needs (and its key, for errors).

export const PROJECTION = 'pk, sk, enterpriseNumber, messageId, expiresAt';

const schema = z.object({
  enterpriseNumber: enterpriseNumberSchema,
  messageId: z.string(),
  expiresAt: z.string(),
} satisfies ShapeOf<ExpiringEntry>);

export const fromItem = (item: Item): ExpiringEntry => parseItem(schema, item);
