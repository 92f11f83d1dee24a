/**
 * Settings that the CDK stack and the local runtime both build from, so the emulated resources
 * behave like the deployed ones. The table's schema lives in shared/adapters/dynamodb/table-schema.ts.
 */
export const NOTIFICATIONS_QUEUE = {
  name: 'notifications',
  deadLetterName: 'notifications-dlq',
  /** A notification that fails this many times goes to the dead-letter queue. */
  maxReceiveCount: 5,
  visibilityTimeoutSeconds: 180,
} as const;

/** The stack outputs naming each dead-letter queue `npm run redrive -- <name>` works on. */
export const DEAD_LETTER_OUTPUTS = { notifications: 'NotificationsDeadLetterQueueUrl', 'daily-jobs': 'DailyDeadLettersQueueUrl' } as const;

/** Presigned uploads land under this prefix; a lifecycle rule removes those never attached. */
export { UPLOADS_PREFIX } from '../shared/adapters/s3/document-store';
