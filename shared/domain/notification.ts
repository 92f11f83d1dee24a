import type { EnterpriseNumber } from './enterprise-number';

/**
 * Jobs on the notifications queue. Both are digests: one email per company, naming every
 * message concerned.
 */
export type NotificationJob =
  | { kind: 'NEW_MESSAGES'; enterpriseNumber: EnterpriseNumber; messageIds: string[] }
  | { kind: 'EXPIRY_WARNING'; enterpriseNumber: EnterpriseNumber; messageIds: string[] };

export type NotificationKind = NotificationJob['kind'];
