import { createHash } from 'node:crypto';

/**
 * Every key of the single table, in one place (docs/data-model.md lists the access patterns).
 * Pure functions: no I/O.
 */
export const EXPIRY_SHARDS = 8;

export const keys = {
  enterprise: (n: string) => ({ pk: `ENT#${n}`, sk: 'PROFILE' }),
  grant: (n: string, ssin: string) => ({ pk: `ENT#${n}`, sk: `GRANT#${ssin}`, gsi1pk: `PERSON#${ssin}`, gsi1sk: `ENT#${n}` }),
  grantsOf: (n: string) => ({ pk: `ENT#${n}`, skPrefix: 'GRANT#' }),
  grantsOfPerson: (ssin: string) => ({ gsi1pk: `PERSON#${ssin}` }),
  sender: (senderId: string) => ({ pk: `SENDER#${senderId}`, sk: 'PROFILE', gsi1pk: 'SENDERS', gsi1sk: senderId }),
  allSenders: () => ({ gsi1pk: 'SENDERS' }),
  client: (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'BINDING' }),
  message: (n: string, messageId: string) => ({ pk: `ENT#${n}`, sk: `MSG#${messageId}` }),
  inbox: (n: string) => ({ pk: `ENT#${n}`, skPrefix: 'MSG#' }),
  delivery: (messageId: string, senderId: string) => ({ pk: `MSG#${messageId}`, sk: 'DELIVERY', gsi1pk: `SND#${senderId}`, gsi1sk: `MSG#${messageId}` }),
  deliveriesOf: (senderId: string) => ({ gsi1pk: `SND#${senderId}`, skPrefix: 'MSG#' }),
  idempotency: (senderId: string, externalId: string) => ({ pk: `SND#${senderId}#EXT#${externalId}`, sk: 'IDEMPOTENCY' }),
  upload: (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' }),
  audit: (n: string, entryId: string) => ({ pk: `ENT#${n}`, sk: `AUDIT#${entryId}` }),
  auditOf: (n: string) => ({ pk: `ENT#${n}`, skPrefix: 'AUDIT#' }),
  notified: (messageId: string, kind: string) => ({ pk: `NOTIFIED#${messageId}`, sk: kind }),
  /** Written once when a message's removal was handled: a retried stream record finds it and does nothing twice. */
  removed: (messageId: string) => ({ pk: `MSG#${messageId}`, sk: 'REMOVED' }),
  /** Expiry index: documents expiring on `day` (YYYY-MM-DD) spread over EXPIRY_SHARDS partitions. */
  expiry: (day: string, messageId: string, expiresAt: string, n: string) => ({
    expiryPk: `EXP#${day}#${shardOf(messageId)}`,
    expirySk: `${expiresAt}#${n}#${messageId}`,
  }),
  /** Unread-by-expiry index entry of an unread message; removed when it is read. */
  unread: (n: string, expiresAt: string, messageId: string) => ({ unreadPk: `UNREAD#${n}`, unreadSk: `${expiresAt}#${messageId}` }),
  unreadOf: (n: string) => ({ unreadPk: `UNREAD#${n}` }),
  /** The message an `unread` index entry stands for (`<expiresAt>#<messageId>`: an ISO instant has no `#`). */
  unreadEntryOf: (unreadSk: string) => {
    const hash = unreadSk.indexOf('#');
    return { expiresAt: unreadSk.slice(0, hash), messageId: unreadSk.slice(hash + 1) };
  },
  expiryPartitions: (day: string) => Array.from({ length: EXPIRY_SHARDS }, (_, shard) => `EXP#${day}#${shard}`),
};

function shardOf(id: string): number {
  return createHash('sha256').update(id).digest().readUInt8(0) % EXPIRY_SHARDS;
}

/** The table key of an item whose key helper also carries index attributes. */
export const primaryKey = (key: { pk: string; sk: string }) => ({ pk: key.pk, sk: key.sk });

/** DynamoDB TTL wants epoch seconds. */
export const ttlOf = (isoInstant: string, extraDays = 0) => Math.floor(Date.parse(isoInstant) / 1000) + extraDays * 86_400;

/** Replies and messages from companies to institutions (see CompanyMessagesRepository). */
export const companyMessageKeys = {
  sent: (n: string, id: string, senderId: string) => ({ pk: `ENT#${n}`, sk: `SENT#${id}`, gsi1pk: `RCV#${senderId}`, gsi1sk: `OUT#${id}` }),
  sentBy: (n: string) => ({ pk: `ENT#${n}`, skPrefix: 'SENT#' }),
  receivedBy: (senderId: string) => ({ gsi1pk: `RCV#${senderId}`, skPrefix: 'OUT#' }),
  received: (senderId: string, id: string) => ({ gsi1pk: `RCV#${senderId}`, gsi1sk: `OUT#${id}` }),
  reply: (n: string, messageId: string, id: string) => ({ pk: `ENT#${n}`, sk: `REPLY#${messageId}#${id}` }),
  repliesTo: (n: string, messageId: string) => ({ pk: `ENT#${n}`, skPrefix: `REPLY#${messageId}#` }),
};
