import type { EnterpriseNumber } from './enterprise-number';
import type { Language } from './text';

/** A company's e-Box profile: where and how it is notified, and its "everything digital" consent. */
export interface EnterpriseProfile {
  enterpriseNumber: EnterpriseNumber;
  /** Absent for a company that received documents before anyone registered it. */
  name?: string;
  notificationEmail?: string;
  language: Language;
  digitalOnly: boolean;
  digitalOnlySince?: string;
  /** Who gave (or withdrew) the consent last. */
  digitalOnlyBy?: string;
  unreadCount: number;
  /** Bookkeeping of the unread count (see unread-count.ts), never shown: before it, the counter alone is exact. */
  unreadCountExactUntil?: string;
  /** When a message was last marked unread (see unread-count.ts). */
  unreadMarkedAt?: string;
}

export const DEFAULT_LANGUAGE: Language = 'fr';
