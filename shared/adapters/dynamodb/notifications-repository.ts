import { BatchGetCommand, DeleteCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Message } from '../../domain/message';
import type { NotificationKind } from '../../domain/notification';
import type { AuditEntry } from '../../domain/audit';
import { auditPut } from './audit-repository';
import { unreadCountDelta } from './enterprises-repository';
import { conditionFailedAt, fromItem, isConditionFailure } from './items';
import { keys, ttlOf } from './keys';

/** A claim not confirmed within this time (a crashed notifier) may be taken again. */
const CLAIM_LEASE_MS = 5 * 60_000;

export interface ExpiringEntry {
  enterpriseNumber: string;
  messageId: string;
  expiresAt: string;
}

/**
 * What the jobs need from the table: the sparse expiry index, the "notified" claims that make
 * every email go out once per message, and the messages themselves.
 */
export class NotificationsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Documents in one expiry partition expiring in [from, to); reports the capacity it consumed. */
  async expiring(partition: string, from: string, to: string, after?: Record<string, unknown>) {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'expiry',
        KeyConditionExpression: 'expiryPk = :pk AND expirySk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': partition, ':from': from, ':to': to },
        ProjectionExpression: 'enterpriseNumber, messageId, expiresAt',
        ReturnConsumedCapacity: 'TOTAL',
        ExclusiveStartKey: after,
      }),
    );
    return {
      entries: (result.Items ?? []) as ExpiringEntry[],
      capacityUnits: result.ConsumedCapacity?.CapacityUnits ?? 0,
      ...(result.LastEvaluatedKey ? { next: result.LastEvaluatedKey } : {}),
    };
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
          Item: { ...keys.notified(messageId, kind), type: 'NOTIFIED', messageId, kind, status: 'CLAIMED', claimedAt: now.toISOString(), ttl: ttlOf(now.toISOString(), 400) },
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
  async confirm(enterpriseNumber: string, claims: ReadonlyArray<{ messageId: string; audit?: AuditEntry }>, kind: NotificationKind, sentAt: string, emailId?: string): Promise<void> {
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
        found.push(...(result.Responses?.[this.tableName] ?? []).map((item) => fromItem<Message>(item)));
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
  async recordRemoval(message: Message, removedAt: string, audit: AuditEntry[]): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.removed(message.messageId), type: 'TOMBSTONE', removedAt, ttl: ttlOf(removedAt, 7) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...(message.read ? [] : [unreadCountDelta(this.tableName, message.enterpriseNumber, -1)]),
            ...audit.map((entry) => auditPut(this.tableName, message.enterpriseNumber, entry)),
          ],
        }),
      );
    } catch (error) {
      if (!conditionFailedAt(error, 0)) throw error;
    }
  }
}
