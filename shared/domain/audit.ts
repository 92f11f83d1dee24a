import type { Actor } from './access';

/** What the audit trail records, one entry per action, never changed afterwards. */
export const AUDIT_ACTIONS = [
  // The life of a message, from publication to deletion.
  'MESSAGE_PUBLISHED',
  'NOTIFICATION_SENT',
  'NOTIFICATION_SKIPPED',
  'MESSAGE_READ',
  'ATTACHMENT_DOWNLOADED',
  'MESSAGE_MARKED_READ',
  'MESSAGE_MARKED_UNREAD',
  'EXPIRY_WARNING_SENT',
  'MESSAGE_EXPIRED',
  'MESSAGE_DELETED',
  // Access and settings of the company's e-Box.
  'ACCESS_GRANTED',
  'ACCESS_UPDATED',
  'ACCESS_REVOKED',
  'ACCESS_MANAGER_GRANTED',
  'NOTIFICATION_EMAIL_CHANGED',
  'LANGUAGE_CHANGED',
  'DIGITAL_ONLY_CHANGED',
  // What the company sent to institutions.
  'REPLY_SENT',
  'MESSAGE_SENT',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The e-Box itself, as the actor of what it records on its own (emails, expiry, deletion). */
export const SYSTEM_ACTOR = { clientId: 'e-box', name: 'e-Box Enterprise' } as const;

/**
 * One action. `detail` is data about it, not prose (an address, a name and SSIN, a code, `old → new`),
 * so every language can show it.
 */
export interface AuditEntry {
  at: string;
  actor: Actor;
  action: AuditAction;
  messageId?: string;
  detail?: string;
}
