import type { Message } from '../domain/message';
import type { CompanyMessage } from '../domain/company-message';

/**
 * A change of stored data that the jobs react to: a message published or removed (at expiry), or
 * a company's own message removed (at expiry). `sequenceNumber` tells the stream where to resume.
 */
export type TableChange =
  | { item: 'message'; change: 'INSERT' | 'REMOVE'; message: Message; sequenceNumber: string }
  | { item: 'companyMessage'; change: 'REMOVE'; message: CompanyMessage; sequenceNumber: string };
