import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import type { OutgoingMessage } from '../../domain/outgoing';
import { auditPut } from './audit-repository';
import { BASE_KEY, fromItem, GSI1_KEY, toPage } from './items';
import { outgoingKeys, ttlOf } from './keys';

/**
 * What companies send to institutions: one item in the company's partition (its "sent" list),
 * indexed by institution in gsi1 (its "received" list); a reply also gets a copy under the
 * original message, which expires with it.
 */
export class OutgoingRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(message: OutgoingMessage, audit: AuditEntry, replyExpiresAt?: string): Promise<void> {
    const reply = message.inReplyTo
      ? [{ Put: { TableName: this.tableName, Item: { ...outgoingKeys.reply(message.from, message.inReplyTo, message.id), type: 'REPLY', ttl: ttlOf(replyExpiresAt ?? message.sentAt), ...message } } }]
      : [];
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...outgoingKeys.sent(message.from, message.id, message.to), type: 'OUTGOING', ...message }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...reply,
          auditPut(this.tableName, message.from, audit),
        ],
      }),
    );
  }

  async sent(enterpriseNumber: string, id: string): Promise<OutgoingMessage | undefined> {
    const key = outgoingKeys.sent(enterpriseNumber, id, '');
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }));
    return Item ? fromItem<OutgoingMessage>(Item) : undefined;
  }

  async repliesTo(enterpriseNumber: string, messageId: string): Promise<OutgoingMessage[]> {
    const key = outgoingKeys.repliesTo(enterpriseNumber, messageId);
    const replies: OutgoingMessage[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      replies.push(...(result.Items ?? []).map((item) => fromItem<OutgoingMessage>(item)));
      start = result.LastEvaluatedKey;
    } while (start);
    return replies;
  }

  /** A company's sent messages and replies, newest first. */
  async sentPage(enterpriseNumber: string, limit: number, after?: Record<string, string>) {
    const key = outgoingKeys.sentBy(enterpriseNumber);
    return this.page({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix } }, limit, after);
  }

  /** What companies sent to an institution, newest first. */
  async receivedPage(senderId: string, limit: number, after?: Record<string, string>) {
    const key = outgoingKeys.receivedBy(senderId);
    return this.page(
      { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)', ExpressionAttributeValues: { ':pk': key.gsi1pk, ':prefix': key.skPrefix } },
      limit,
      after,
    );
  }

  async received(senderId: string, id: string): Promise<OutgoingMessage | undefined> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
        ExpressionAttributeValues: { ':pk': outgoingKeys.receivedBy(senderId).gsi1pk, ':sk': `OUT#${id}` },
      }),
    );
    const item = result.Items?.[0];
    return item ? fromItem<OutgoingMessage>(item) : undefined;
  }

  private async page(input: Pick<ConstructorParameters<typeof QueryCommand>[0], 'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeValues'>, limit: number, after?: Record<string, string>) {
    const result = await this.db.send(new QueryCommand({ ...input, TableName: this.tableName, ScanIndexForward: false, Limit: limit + 1, ExclusiveStartKey: after }));
    const page = toPage(result, limit, input.IndexName ? GSI1_KEY : BASE_KEY);
    return { messages: page.items.map((item) => fromItem<OutgoingMessage>(item)), ...(page.last ? { last: page.last } : {}) };
  }
}
