import type { Grant } from '../domain/access';
import type { AuditEntry } from '../domain/audit';
import type { Delivery, Message } from '../domain/message';

export interface InboxFilter {
  read?: boolean;
  senderId?: string;
  documentType?: string;
  registered?: boolean;
  publishedAfter?: Date;
  publishedBefore?: Date;
}

export interface IdempotencyRecord {
  messageId: string;
  contentHash: string;
}

export interface PublishOptions {
  contentHash: string;
  /** Uploads attached to the message: used up by it, so no other message can take them. */
  consumedUploads: string[];
  audit: AuditEntry;
}

/** An unread message in the company's unread count, by when it expires. */
export interface UnreadEntry {
  messageId: string;
  expiresAt: string;
}

export interface ExpiredUnread {
  total: number;
  first: UnreadEntry[];
  /**
   * What follows them: the earliest expiry among the counted messages still valid (`expiresAt`
   * absent when there is none), or unknown after a mass expiry (more than `first` holds).
   */
  next: { known: true; expiresAt?: string } | { known: false };
}

/** A page of a list, newest first; `next` is an opaque cursor, present only when more follow. */
export type InboxPage = { messages: Message[]; next?: string };
export type DeliveriesPage = { deliveries: Delivery[]; next?: string };

/**
 * Messages: the company's copy, the sender's delivery record (it outlives the message) and the
 * idempotency record of an externalId. Cursors are the repository's own: a foreign one is refused
 * with InvalidInputError on `cursor`.
 */
export interface MessagesRepository {
  /**
   * Writes the message, its delivery, its idempotency record, the unread count and the audit entry
   * together, or nothing: IdempotencyRaceError when the externalId was taken meanwhile,
   * ConcurrentWriteError when another concurrent write got in the way (an upload taken, …).
   */
  publish(message: Message, delivery: Delivery, options: PublishOptions): Promise<void>;
  getIdempotency(senderId: string, externalId: string): Promise<IdempotencyRecord | undefined>;
  getMessage(enterpriseNumber: string, messageId: string): Promise<Message | undefined>;
  /** The message and a person's grant on its company, both strongly consistent, in one read. */
  getMessageAndGrant(enterpriseNumber: string, messageId: string, ssin: string): Promise<{ message?: Message; grant?: Grant }>;
  getDelivery(messageId: string): Promise<Delivery | undefined>;
  /** A company's unexpired messages, filtered, newest first. */
  inboxPage(enterpriseNumber: string, now: Date, filter: InboxFilter, limit: number, cursor?: string): Promise<InboxPage>;
  /**
   * Those of these messages that still exist at `now`: stored and unexpired (an expired message
   * waiting for TTL is gone for every reader already). Batched reads, whatever the count.
   */
  stillAvailable(
    messages: ReadonlyArray<{ enterpriseNumber: string; messageId: string }>,
    now: Date,
  ): Promise<Array<{ enterpriseNumber: string; messageId: string }>>;
  /**
   * Unread messages that expired but still count in the company's stored unread count (nobody took
   * them out yet): how many, and the first of them (at most a transaction's worth).
   */
  expiredStillCounted(enterpriseNumber: string, now: Date): Promise<ExpiredUnread>;
  /**
   * Takes these expired unread messages out of the stored unread count, each at most once whoever
   * else tries (a read mark, TTL's removal, another request). False when one of them changed
   * meanwhile: then none was taken out, and the next reader tries again.
   */
  uncountExpired(enterpriseNumber: string, entries: UnreadEntry[]): Promise<boolean>;
  /** A sender's deliveries, newest first, expired ones included. */
  deliveriesPage(senderId: string, limit: number, cursor?: string): Promise<DeliveriesPage>;
  /** Sets the read flag (the unread count follows) with its audit entry; false when it already had that value. */
  setRead(message: Message, read: boolean, at: string, audit: AuditEntry): Promise<boolean>;
  /**
   * A company-side read (opened, or a PDF downloaded): marks the message read unless it is, records
   * the first read on both copies once, and appends `audit`. Undefined once the message is gone.
   */
  recordRead(message: Message, at: string, audit: AuditEntry): Promise<Message | undefined>;
}
