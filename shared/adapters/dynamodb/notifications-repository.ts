import {
  BatchGetCommand,
  DeleteCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import type { Message } from '../../domain/message';
import type { NotificationKind } from '../../domain/notification';
import type { ExpiringEntry, ExpiringOnDay, NotificationsRepository } from '../../ports/notifications-repository';
import { auditPut } from './audit-repository';
import { conditionFailedAt, isConditionFailure } from './conditions';
import { unreadCountDelta } from './enterprises-repository';
import * as expiringEntryItem from './items/expiring-entry';
import * as messageItem from './items/message';
import * as notificationClaimItem from './items/notification-claim';
import * as tombstoneItem from './items/tombstone';
import { keys } from './keys';

/** A claim not confirmed within this time (a crashed notifier) may be taken again. */
const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * What the jobs need from the table: the sparse expiry index, the "notified" claims that make
 * every email go out once per message, the messages themselves, and the removal tombstones.
 */
export class DynamoNotificationsRepository implements NotificationsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Every shard of the day's expiry partition, page by page; reports the queries and capacity it took. */
  async expiringOn(day: string, from: Date, to: Date): Promise<ExpiringOnDay> {
    const found: ExpiringOnDay = { entries: [], queries: 0, capacityUnits: 0 };
    for (const partition of keys.expiryPartitions(day)) {
      let start: Record<string, unknown> | undefined;
      do {
        const result = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'expiry',
            KeyConditionExpression: 'expiryPk = :pk AND expirySk BETWEEN :from AND :to',
            // The sort key is `<expiresAt>#<n>#<id>`: \uffff after `to` keeps every document expiring at that instant.
            ExpressionAttributeValues: { ':pk': partition, ':from': from.toISOString(), ':to': `${to.toISOString()}\uffff` },
            ProjectionExpression: expiringEntryItem.PROJECTION,
            ReturnConsumedCapacity: 'TOTAL',
            ExclusiveStartKey: start,
          }),
        );
        found.queries += 1;
        found.capacityUnits += result.ConsumedCapacity?.CapacityUnits ?? 0;
        found.entries.push(...(result.Items ?? []).map(expiringEntryItem.fromItem));
        start = result.LastEvaluatedKey;
      } while (start);
    }
    return found;
  }

  /** Takes a document out of the expiry index, once: false when another run already did. */
  async markWarned(entry: ExpiringEntry, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.message(entry.enterpriseNumber, entry.messageId),
          UpdateExpression: 'SET warnedAt = :at REMOVE expiryPk, expirySk',
          ConditionExpression: 'attribute_exists(expiryPk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Claims the right to email about a message: false when it was already emailed, or another
   * notifier holds a fresh claim. The claim is confirmed after SES accepted the email.
   */
  async claim(messageId: string, kind: NotificationKind, now: Date): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: notificationClaimItem.toItem(messageId, kind, now),
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :claimed AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':claimed': 'CLAIMED', ':stale': new Date(now.getTime() - CLAIM_LEASE_MS).toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Marks the claims done, each in one transaction with the audit entry (if any) that tells the company. */
  async confirm(
    enterpriseNumber: string,
    claims: ReadonlyArray<{ messageId: string; audit?: AuditEntry }>,
    kind: NotificationKind,
    sentAt: string,
    emailId?: string,
  ): Promise<void> {
    for (const { messageId, audit } of claims) {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.notified(messageId, kind),
                UpdateExpression: 'SET #status = :sent, sentAt = :at, emailId = :email',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':sent': 'SENT', ':at': sentAt, ':email': emailId ?? 'unknown' },
              },
            },
            ...(audit ? [auditPut(this.tableName, enterpriseNumber, audit)] : []),
          ],
        }),
      );
    }
  }

  /** Gives claims back after a failed send, so the retry can take them. */
  async release(messageIds: string[], kind: NotificationKind): Promise<void> {
    for (const messageId of messageIds) {
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.notified(messageId, kind) }));
    }
  }

  async messages(enterpriseNumber: string, messageIds: string[]): Promise<Message[]> {
    const found: Message[] = [];
    for (let start = 0; start < messageIds.length; start += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [this.tableName]: { Keys: messageIds.slice(start, start + 100).map((id) => keys.message(enterpriseNumber, id)) },
      };
      while (request && Object.keys(request).length) {
        const result = await this.db.send(new BatchGetCommand({ RequestItems: request }));
        found.push(...(result.Responses?.[this.tableName] ?? []).map(messageItem.fromItem));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  /**
   * What follows a message's removal by TTL, once: its company's unread count goes down if it was
   * unread, and the audit trail records its expiry and deletion. A tombstone written in the same
   * transaction turns a retried stream record into a no-op.
   */
  async recordRemoval(message: Message, countedUnread: boolean, removedAt: string, audit: AuditEntry[]): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: tombstoneItem.toItem(message.messageId, removedAt),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...(countedUnread ? [unreadCountDelta(this.tableName, message.enterpriseNumber, -1)] : []),
            ...audit.map((entry) => auditPut(this.tableName, message.enterpriseNumber, entry)),
          ],
        }),
      );
    } catch (error) {
      if (!conditionFailedAt(error, 0)) throw error;
    }
  }
}
