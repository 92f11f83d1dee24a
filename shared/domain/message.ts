import type { EnterpriseNumber } from './enterprise-number';
import type { MultilingualText } from './text';

const DAY_MS = 86_400_000;

export interface AttachmentMeta {
  attachmentId: string;
  fileName: string;
  mediaType: 'application/pdf';
  size: number;
  /** Lowercase hex SHA-256 of the bytes, recorded at publication. */
  sha256: string;
}

/** The company's copy of a message: what its inbox lists and shows. */
export interface Message {
  messageId: string;
  enterpriseNumber: EnterpriseNumber;
  senderId: string;
  senderName: MultilingualText;
  documentType: { code: string; name: MultilingualText };
  subject: MultilingualText;
  body?: MultilingualText;
  registered: boolean;
  replyable: boolean;
  externalId?: string;
  publishedAt: string;
  expiresAt: string;
  read: boolean;
  readAt?: string;
  firstReadAt?: string;
  attachments: AttachmentMeta[];
  /** The BelGov-Trace-Id of the request that published it: the jobs that follow (email, deletion) log it. */
  traceId?: string;
}

/** The sender's record of a delivery: it outlives the message so the sender can see it expired. */
export interface Delivery {
  messageId: string;
  senderId: string;
  recipient: EnterpriseNumber;
  documentType: string;
  subject: MultilingualText;
  registered: boolean;
  replyable: boolean;
  externalId?: string;
  publishedAt: string;
  expiresAt: string;
  firstReadAt?: string;
  attachments: AttachmentMeta[];
}

export type DeliveryStatus = 'DELIVERED' | 'READ' | 'EXPIRED';

/** publishedAt + validity: a message may ask for a shorter validity than its type's, never a longer one. */
export function expiryOf(publishedAt: Date, validityDays: number): Date {
  return new Date(publishedAt.getTime() + validityDays * DAY_MS);
}

export function isExpired(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) <= now.getTime();
}

/** Within the warning window before expiry. */
export function expiresSoon(expiresAt: string, now: Date, warningDays: number): boolean {
  return !isExpired(expiresAt, now) && Date.parse(expiresAt) - now.getTime() <= warningDays * DAY_MS;
}

export function deliveryStatus(delivery: Pick<Delivery, 'expiresAt' | 'firstReadAt'>, now: Date): DeliveryStatus {
  if (isExpired(delivery.expiresAt, now)) return 'EXPIRED';
  return delivery.firstReadAt ? 'READ' : 'DELIVERED';
}

/** PDFs start with `%PDF-`; anything else is refused. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

export const LIMITS = {
  attachments: 10,
  inlineBytes: 4 * 1024 * 1024,
  uploadBytes: 50 * 1024 * 1024,
  subjectChars: 200,
  bodyChars: 20_000,
} as const;
