import type { AuditEntry } from '../domain/audit';
import type { OutgoingMessage } from '../domain/outgoing';

export type OutgoingPage = { messages: OutgoingMessage[]; next?: string };

/**
 * What companies send to institutions (replies and new messages): the company's "sent" list and
 * each institution's "received" list. Expired ones never come back from a list.
 */
export interface OutgoingRepository {
  /** The message with its audit entry; a reply is also kept with the message it answers. */
  put(message: OutgoingMessage, audit: AuditEntry): Promise<void>;
  sent(enterpriseNumber: string, id: string): Promise<OutgoingMessage | undefined>;
  repliesTo(enterpriseNumber: string, messageId: string): Promise<OutgoingMessage[]>;
  sentPage(enterpriseNumber: string, now: Date, limit: number, cursor?: string): Promise<OutgoingPage>;
  receivedPage(senderId: string, now: Date, limit: number, cursor?: string): Promise<OutgoingPage>;
  received(senderId: string, id: string): Promise<OutgoingMessage | undefined>;
}
