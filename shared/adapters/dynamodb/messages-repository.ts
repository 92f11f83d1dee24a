import { GetCommand, PutCommand, QueryCommand, type QueryCommandOutput, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import type { Grant } from '../../domain/access';
import type { AuditEntry } from '../../domain/audit';
import { ConcurrentWriteError, IdempotencyRaceError, InvalidInputError } from '../../domain/errors';
import { isExpired, type Delivery, type Message } from '../../domain/message';
import type {
  DeliveriesPage,
  ExpiredUnread,
  IdempotencyRecord,
  InboxFilter,
  InboxPage,
  MessagesRepository,
  PublishOptions,
  UnreadEntry,
} from '../../ports/messages-repository';
import { auditPut } from './audit-repository';
import { availableItems } from './available-items';
import { conditionFailedAt, isTransactionCancelled } from './conditions';
import { consistentBatchGet } from './consistent-batch-get';
import { cursors } from './cursors';
import { markedUnreadCount, unreadCountDelta } from './enterprises-repository';
import * as deliveryItem from './items/delivery';
import * as grantItem from './items/grant';
import * as idempotencyItem from './items/idempotency';
import * as messageItem from './items/message';
import { keys, primaryKey } from './keys';
import { toPage } from './pages';

/** A transaction holds 100 items: the profile's counter and 99 messages. */
const UNCOUNT_BATCH = 99;

/**
 * Messages: the company's copy (inbox partition, TTL at expiry, in the sparse expiry index), the
 * sender's delivery record (gsi1 by sender) and the idempotency record, written together.
 */
export class DynamoMessagesRepository implements MessagesRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async publish(message: Message, delivery: Delivery, options: PublishOptions): Promise<void> {
    const { tableName } = this;
    const idempotency = message.externalId
      ? [
          {
            Put: {
              TableName: tableName,
              Item: idempotencyItem.toItem(
                message.senderId,
                message.externalId,
                { messageId: message.messageId, contentHash: options.contentHash },
                message.expiresAt,
              ),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : [];
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...idempotency,
            { Put: { TableName: tableName, Item: messageItem.toItem(message), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tableName, Item: deliveryItem.toItem(delivery) } },
            unreadCountDelta(tableName, message.enterpriseNumber, 1),
            auditPut(tableName, message.enterpriseNumber, options.audit),
            ...options.consumedUploads.map((uploadId) => ({
              Delete: {
                TableName: tableName,
                Key: keys.upload(uploadId),
                ConditionExpression: 'attribute_exists(pk) AND senderId = :sender',
                ExpressionAttributeValues: { ':sender': message.senderId },
              },
            })),
          ],
        }),
      );
    } catch (error) {
      if (idempotency.length && conditionFailedAt(error, 0))
        throw new IdempotencyRaceError(`externalId ${message.externalId} was used meanwhile`, { cause: error });
      if (isTransactionCancelled(error))
        throw new ConcurrentWriteError(`message ${message.messageId} was not published: a concurrent write got in the way`, { cause: error });
      throw error;
    }
  }

  async getIdempotency(senderId: string, externalId: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.idempotency(senderId, externalId), ConsistentRead: true }));
    return Item ? idempotencyItem.fromItem(Item) : undefined;
  }

  async getMessage(enterpriseNumber: string, messageId: string): Promise<Message | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.message(enterpriseNumber, messageId), ConsistentRead: true }));
    return Item ? messageItem.fromItem(Item) : undefined;
  }

  /** One consistent BatchGetItem for both (retrying what DynamoDB leaves unprocessed). */
  async getMessageAndGrant(enterpriseNumber: string, messageId: string, ssin: string): Promise<{ message?: Message; grant?: Grant }> {
    const [message, grant] = await consistentBatchGet(this.db, this.tableName, [
      keys.message(enterpriseNumber, messageId),
      primaryKey(keys.grant(enterpriseNumber, ssin)),
    ]);
    return { ...(message ? { message: messageItem.fromItem(message) } : {}), ...(grant ? { grant: grantItem.fromItem(grant) } : {}) };
  }

  async getDelivery(messageId: string): Promise<Delivery | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: primaryKey(keys.delivery(messageId, '')), ConsistentRead: true }));
    return Item ? deliveryItem.fromItem(Item) : undefined;
  }

  /** One Query per page on the company's partition, newest first; expired messages never come back. */
  async inboxPage(enterpriseNumber: string, now: Date, filter: InboxFilter, limit: number, cursor?: string): Promise<InboxPage> {
    const key = keys.inbox(enterpriseNumber);
    const after = cursor ? cursors.inbox.decode(cursor, enterpriseNumber) : undefined;
    const lower = `${key.skPrefix}${filter.publishedAfter ? encodeTime(filter.publishedAfter.getTime() + 1) : ''}`;
    const upper = `${key.skPrefix}${filter.publishedBefore ? encodeTime(filter.publishedBefore.getTime()) : '~'}`;
    if (after && (after.sk === undefined || after.sk < lower || after.sk > upper)) {
      throw new InvalidInputError([{ in: 'query', name: 'cursor', detail: 'this cursor was made for other filters; start again without it' }]);
    }
    const conditions = ['expiresAt > :now'];
    const values: Record<string, unknown> = { ':pk': key.pk, ':lower': lower, ':upper': upper, ':now': now.toISOString() };
    const names: Record<string, string> = {};
    const where = (condition: string, name: string, value: unknown) => {
      conditions.push(condition);
      values[name] = value;
    };
    if (filter.read !== undefined) {
      where('#read = :read', ':read', filter.read);
      names['#read'] = 'read';
    }
    if (filter.senderId !== undefined) where('senderId = :sender', ':sender', filter.senderId);
    if (filter.documentType !== undefined) where('documentType.code = :type', ':type', filter.documentType);
    if (filter.registered !== undefined) where('registered = :registered', ':registered', filter.registered);
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
        FilterExpression: conditions.join(' AND '),
        ExpressionAttributeValues: values,
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: after,
      }),
    );
    const page = toPage(result, limit, (last) => cursors.inbox.encode(last, enterpriseNumber));
    return { messages: page.items.map(messageItem.fromItem), ...(page.next ? { next: page.next } : {}) };
  }

  async stillAvailable(
    messages: ReadonlyArray<{ enterpriseNumber: string; messageId: string }>,
    now: Date,
  ): Promise<Array<{ enterpriseNumber: string; messageId: string }>> {
    return availableItems(this.db, this.tableName, messages, (ref) => keys.message(ref.enterpriseNumber, ref.messageId), now);
  }

  /**
   * The company's `unread` index entries that expired: they are still counted until taken out
   * (uncountExpired) or removed by TTL. Once taken out they are no longer in the index, so the first
   * entry is usually one still valid: its expiry is what follows. After a mass expiry (a page of
   * expired entries) the rest is counted, and what follows is left unknown.
   */
  async expiredStillCounted(enterpriseNumber: string, now: Date): Promise<ExpiredUnread> {
    const unreadPk = keys.unreadOf(enterpriseNumber).unreadPk;
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'unread',
        KeyConditionExpression: 'unreadPk = :pk',
        ExpressionAttributeValues: { ':pk': unreadPk },
        Limit: UNCOUNT_BATCH + 1,
      }),
    );
    const entries = (page.Items ?? []).map((item) => keys.unreadEntryOf(String(item.unreadSk)));
    const first = entries.filter((entry) => isExpired(entry.expiresAt, now));
    const following = entries[first.length];
    if (following || !page.LastEvaluatedKey)
      return { total: first.length, first, next: { known: true, ...(following ? { expiresAt: following.expiresAt } : {}) } };
    let total = first.length;
    let start: Record<string, unknown> | undefined = page.LastEvaluatedKey;
    while (start) {
      const rest: QueryCommandOutput = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'unread',
          KeyConditionExpression: 'unreadPk = :pk AND unreadSk <= :now',
          ExpressionAttributeValues: { ':pk': unreadPk, ':now': `${now.toISOString()}#\uffff` },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      total += rest.Count ?? 0;
      start = rest.LastEvaluatedKey;
    }
    return { total, first: first.slice(0, UNCOUNT_BATCH), next: { known: false } };
  }

  /**
   * One transaction: each message leaves the `unread` index, marked as taken out (condition:
   * still in it with that entry, so a message read, taken out or deleted meanwhile cancels it),
   * and the counter drops by as many. A cancelled transaction leaves everything as it was; the
   * next reader tries again with what is still in the index.
   */
  async uncountExpired(enterpriseNumber: string, entries: UnreadEntry[]): Promise<boolean> {
    const batch = entries.slice(0, UNCOUNT_BATCH);
    if (batch.length === 0) return true;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...batch.map((entry) => ({
              Update: {
                TableName: this.tableName,
                Key: keys.message(enterpriseNumber, entry.messageId),
                UpdateExpression: `SET ${messageItem.UNCOUNTED} = :true REMOVE unreadPk, unreadSk`,
                ConditionExpression: 'unreadSk = :sk',
                ExpressionAttributeValues: { ':sk': keys.unread(enterpriseNumber, entry.expiresAt, entry.messageId).unreadSk, ':true': true },
              },
            })),
            unreadCountDelta(this.tableName, enterpriseNumber, -batch.length),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!isTransactionCancelled(error)) throw error;
      return false;
    }
  }

  /** A sender's deliveries, newest first (gsi1, one Query per page). */
  async deliveriesPage(senderId: string, limit: number, cursor?: string): Promise<DeliveriesPage> {
    const key = keys.deliveriesOf(senderId);
    const after = cursor ? cursors.deliveries.decode(cursor, senderId) : undefined;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': key.gsi1pk, ':prefix': key.skPrefix },
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: after,
      }),
    );
    const page = toPage(result, limit, (last) => cursors.deliveries.encode(last, senderId));
    return { deliveries: page.items.map(deliveryItem.fromItem), ...(page.next ? { next: page.next } : {}) };
  }

  /**
   * Sets the read flag and keeps the company's unread counter in step, in one transaction; does
   * nothing when the flag already has that value. Returns whether it changed.
   */
  async setRead(message: Message, read: boolean, at: string, audit: AuditEntry): Promise<boolean> {
    const unread = keys.unread(message.enterpriseNumber, message.expiresAt, message.messageId);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.message(message.enterpriseNumber, message.messageId),
                UpdateExpression: read
                  ? 'SET #read = :read, readAt = :at REMOVE unreadPk, unreadSk'
                  : 'SET #read = :read, unreadPk = :upk, unreadSk = :usk REMOVE readAt',
                // Read: never one taken out of the count at expiry (it would leave the count twice).
                ConditionExpression: `attribute_exists(pk) AND #read <> :read${read ? ` AND attribute_not_exists(${messageItem.UNCOUNTED})` : ''}`,
                ExpressionAttributeNames: { '#read': 'read' },
                ExpressionAttributeValues: read ? { ':read': read, ':at': at } : { ':read': read, ':upk': unread.unreadPk, ':usk': unread.unreadSk },
              },
            },
            read ? unreadCountDelta(this.tableName, message.enterpriseNumber, -1) : markedUnreadCount(this.tableName, message.enterpriseNumber, at),
            auditPut(this.tableName, message.enterpriseNumber, audit),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailedAt(error, 0)) return false;
      throw error;
    }
  }

  /**
   * A company-side read (the message opened, or a PDF downloaded), in one transaction: marks the
   * message read (the unread count drops) unless it already is, records the first read on both
   * copies once (the sender's proof of receipt, never changed afterwards), and appends `audit`.
   * A concurrent change makes it start again from the stored state. Undefined once the message
   * is gone.
   */
  async recordRead(message: Message, at: string, audit: AuditEntry): Promise<Message | undefined> {
    const markRead = !message.read;
    const firstRead = message.firstReadAt === undefined;
    if (!markRead && !firstRead) {
      await this.db.send(new PutCommand(auditPut(this.tableName, message.enterpriseNumber, audit).Put));
      return message;
    }
    const messageUpdate = markRead
      ? {
          UpdateExpression: 'SET firstReadAt = if_not_exists(firstReadAt, :at), #read = :true, readAt = :at REMOVE unreadPk, unreadSk',
          // Not taken out of the count at expiry: such a message is gone for the reader.
          ConditionExpression: `#read = :false AND attribute_not_exists(${messageItem.UNCOUNTED})`,
        }
      : { UpdateExpression: 'SET firstReadAt = :at', ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(firstReadAt)' };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.message(message.enterpriseNumber, message.messageId),
                ...messageUpdate,
                ...(markRead ? { ExpressionAttributeNames: { '#read': 'read' } } : {}),
                ExpressionAttributeValues: markRead ? { ':at': at, ':true': true, ':false': false } : { ':at': at },
              },
            },
            ...(markRead ? [unreadCountDelta(this.tableName, message.enterpriseNumber, -1)] : []),
            ...(firstRead
              ? [
                  {
                    Update: {
                      TableName: this.tableName,
                      Key: primaryKey(keys.delivery(message.messageId, message.senderId)),
                      UpdateExpression: 'SET firstReadAt = if_not_exists(firstReadAt, :at)',
                      ConditionExpression: 'attribute_exists(pk)',
                      ExpressionAttributeValues: { ':at': at },
                    },
                  },
                ]
              : []),
            auditPut(this.tableName, message.enterpriseNumber, audit),
          ],
        }),
      );
    } catch (error) {
      if (!conditionFailedAt(error, 0)) throw error;
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: keys.message(message.enterpriseNumber, message.messageId), ConsistentRead: true }),
      );
      const current = Item ? messageItem.fromItem(Item) : undefined;
      // Taken out of the unread count meanwhile: it expired.
      if (!current || (Item && messageItem.wasUncounted(Item))) return undefined;
      return this.recordRead(current, at, audit);
    }
    return { ...message, read: true, ...(markRead ? { readAt: at } : {}), firstReadAt: message.firstReadAt ?? at };
  }
}
