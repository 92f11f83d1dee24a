import { keys, ttlOf } from '../keys';
import type { Item } from './parse';

/**
 * The mark that a message's removal was handled; only its presence matters. It outlives the stream's
 * retries and the 14 days a failed batch is kept for replay (with room for S3's late lifecycle
 * deletions), so a replayed removal is still a no-op.
 */
export const toItem = (messageId: string, removedAt: string): Item => ({ ...keys.removed(messageId), type: 'TOMBSTONE', removedAt, ttl: ttlOf(removedAt, 30) });
