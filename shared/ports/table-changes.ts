import type { Message } from '../domain/message';
import type { CompanyMessage } from '../domain/company-message';

/**
 * A change of stored data that the jobs react to: a message published or removed (at expiry), or
 * a company's own message removed (at expiry). `sequenceNumber` tells the stream where to resume.
 */
export type TableChange =
  | {
      item: 'message';
      change: 'INSERT' | 'REMOVE';
      message: Message;
      /** Whether the message still counted in its company's unread count (unread, and not taken out at expiry). */
      countedUnread: boolean;
      sequenceNumber: string;
    }
  | { item: 'companyMessage'; change: 'REMOVE'; message: CompanyMessage; sequenceNumber: string };
