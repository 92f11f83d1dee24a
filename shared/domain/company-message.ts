import type { AttachmentMeta } from './message';
import type { EnterpriseNumber } from './enterprise-number';

/** A reply or a new message from a company to an institution. */
export interface CompanyMessage {
  id: string;
  from: EnterpriseNumber;
  to: string;
  /** The institution's message this answers; absent for a new message. */
  inReplyTo?: string;
  subject?: string;
  body: string;
  sentAt: string;
  /** A reply expires with the message it answers; a new message `companyMessageValidityDays` after it was sent. */
  expiresAt: string;
  sentBy: { ssin: string; name: string };
  attachments: AttachmentMeta[];
}

export const COMPANY_MESSAGE_LIMITS = { attachments: 5, bodyChars: 20_000, subjectChars: 200 } as const;
