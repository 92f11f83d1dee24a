import type { Actor } from './access';

/** What the audit trail records, one entry per action, never changed afterwards. */
export const AUDIT_ACTIONS = [
  'MESSAGE_READ',
  'ATTACHMENT_DOWNLOADED',
  'MESSAGE_MARKED_READ',
  'MESSAGE_MARKED_UNREAD',
  'ACCESS_GRANTED',
  'ACCESS_REVOKED',
  'ACCESS_MANAGER_GRANTED',
  'NOTIFICATION_EMAIL_CHANGED',
  'LANGUAGE_CHANGED',
  'DIGITAL_ONLY_CHANGED',
  'REPLY_SENT',
  'MESSAGE_SENT',
  'NOTIFICATION_SKIPPED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: string;
  actor: Actor;
  action: AuditAction;
  messageId?: string;
  detail?: string;
}
