import { keys, ttlOf } from '../keys';
import type { Item } from './parse';

/** The mark that a message's removal was handled; only its presence matters, for a week of stream retries. */
export const toItem = (messageId: string, removedAt: string): Item => ({ ...keys.removed(messageId), type: 'TOMBSTONE', removedAt, ttl: ttlOf(removedAt, 7) });
