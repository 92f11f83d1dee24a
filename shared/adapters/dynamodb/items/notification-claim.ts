import type { NotificationKind } from '../../../domain/notification';
import { keys, ttlOf } from '../keys';
import type { Item } from './parse';

/** Claims are only written and checked by conditions, never read back; kept 400 days, past any retry. */
export const toItem = (messageId: string, kind: NotificationKind, now: Date): Item => ({
  ...keys.notified(messageId, kind),
  type: 'NOTIFIED',
  messageId,
  kind,
  status: 'CLAIMED',
  claimedAt: now.toISOString(),
  ttl: ttlOf(now.toISOString(), 400),
});
