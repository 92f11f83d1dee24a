import type { AuditEntry } from '../domain/audit';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import type { Message } from '../domain/message';
import type { NotificationKind } from '../domain/notification';

/** A document in the expiry index: expiring soon, not warned yet. */
export interface ExpiringEntry {
  enterpriseNumber: EnterpriseNumber;
  messageId: string;
  expiresAt: string;
}

/** The documents of one day of the expiry index, with what reading them cost. */
export interface ExpiringOnDay {
  entries: ExpiringEntry[];
  queries: number;
  capacityUnits: number;
}

/**
 * What the jobs need: the expiry index, the claims that make every email go out once per
 * message, the messages themselves, and the record of a message's removal.
 */
export interface NotificationsRepository {
  /** Documents expiring on `day` (YYYY-MM-DD, UTC) between `from` and `to`, both included. */
  expiringOn(day: string, from: Date, to: Date): Promise<ExpiringOnDay>;
  /** Takes a document out of the expiry index, once: false when another run already did. */
  markWarned(entry: ExpiringEntry, at: string): Promise<boolean>;
  /**
   * Claims the right to email about a message: false when it was already emailed, or another
   * notifier holds a fresh claim. Confirmed after the email was accepted.
   */
  claim(messageId: string, kind: NotificationKind, now: Date): Promise<boolean>;
  /** Marks the claims done, each with the audit entry (if any) that tells the company. */
  confirm(
    enterpriseNumber: string,
    claims: ReadonlyArray<{ messageId: string; audit?: AuditEntry }>,
    kind: NotificationKind,
    sentAt: string,
    emailId?: string,
  ): Promise<void>;
  /** Gives claims back after a failed send, so the retry can take them. */
  release(messageIds: string[], kind: NotificationKind): Promise<void>;
  /** The company copies of these messages that still exist. */
  messages(enterpriseNumber: string, messageIds: string[]): Promise<Message[]>;
  /**
   * What follows a message's deletion, once even when retried: its company's unread count drops
   * if it still counted there (`countedUnread`), and `audit` is appended.
   */
  recordRemoval(message: Message, countedUnread: boolean, removedAt: string, audit: AuditEntry[]): Promise<void>;
}
