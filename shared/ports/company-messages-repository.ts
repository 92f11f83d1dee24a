import type { AuditEntry } from '../domain/audit';
import type { CompanyMessage } from '../domain/company-message';

export type CompanyMessagePage = { messages: CompanyMessage[]; next?: string };

/**
 * What companies send to institutions (replies and new messages): the company's "sent" list and
 * each institution's "received" list. Expired ones never come back from a list.
 */
export interface CompanyMessagesRepository {
  /** The message with its audit entry; a reply is also kept with the message it answers. */
  put(message: CompanyMessage, audit: AuditEntry): Promise<void>;
  sent(enterpriseNumber: string, id: string): Promise<CompanyMessage | undefined>;
  repliesTo(enterpriseNumber: string, messageId: string): Promise<CompanyMessage[]>;
  sentPage(enterpriseNumber: string, now: Date, limit: number, cursor?: string): Promise<CompanyMessagePage>;
  receivedPage(senderId: string, now: Date, limit: number, cursor?: string): Promise<CompanyMessagePage>;
  received(senderId: string, id: string): Promise<CompanyMessage | undefined>;
  /** Those of these company messages that still exist at `now`: stored and unexpired. Batched reads. */
  stillAvailable(messages: ReadonlyArray<{ enterpriseNumber: string; id: string }>, now: Date): Promise<Array<{ enterpriseNumber: string; id: string }>>;
}
