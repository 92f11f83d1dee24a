import type { EnterpriseNumber } from './enterprise-number';

/**
 * Jobs on the notifications queue. Both are digests: one email per company, naming every
 * message concerned.
 */
export type NotificationJob = {
  kind: 'NEW_MESSAGES' | 'EXPIRY_WARNING';
  enterpriseNumber: EnterpriseNumber;
  messageIds: string[];
  /** The BelGov-Trace-Ids that led to it (the publications, or the day's warning run), for the notifier's logs. */
  traceIds?: string[];
};

export type NotificationKind = NotificationJob['kind'];
