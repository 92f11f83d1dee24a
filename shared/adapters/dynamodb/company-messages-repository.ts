import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import type { CompanyMessage } from '../../domain/company-message';
import type { CompanyMessagePage, CompanyMessagesRepository } from '../../ports/company-messages-repository';
import { auditPut } from './audit-repository';
import { availableItems } from './available-items';
import { cursors } from './cursors';
import * as companyMessageItem from './items/company-message';
import { companyMessageKeys, primaryKey } from './keys';
import { toPage } from './pages';

/**
 * What companies send to institutions: one item in the company's partition (its "sent" list),
 * indexed by institution in gsi1 (its "received" list); a reply also gets a copy under the
 * original message. A reply expires with the message it answers, a new message after
 * companyMessageValidityDays; TTL then removes the items and the stream consumer their PDFs.
 */
export class DynamoCompanyMessagesRepository implements CompanyMessagesRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The message and, for a reply, its copy under the answered message: both expire (TTL) at `expiresAt`. */
  async put(message: CompanyMessage, audit: AuditEntry): Promise<void> {
    const { inReplyTo } = message;
    const reply = inReplyTo ? [{ Put: { TableName: this.tableName, Item: companyMessageItem.toReplyItem({ ...message, inReplyTo }) } }] : [];
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: companyMessageItem.toSentItem(message), ConditionExpression: 'attribute_not_exists(pk)' } },
          ...reply,
          auditPut(this.tableName, message.from, audit),
        ],
      }),
    );
  }

  async sent(enterpriseNumber: string, id: string): Promise<CompanyMessage | undefined> {
    const key = companyMessageKeys.sent(enterpriseNumber, id, '');
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }));
    return Item ? companyMessageItem.fromItem(Item) : undefined;
  }

  async repliesTo(enterpriseNumber: string, messageId: string): Promise<CompanyMessage[]> {
    const key = companyMessageKeys.repliesTo(enterpriseNumber, messageId);
    const replies: CompanyMessage[] = [];
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
      replies.push(...(result.Items ?? []).map(companyMessageItem.fromItem));
      start = result.LastEvaluatedKey;
    } while (start);
    return replies;
  }

  /** A company's sent messages and replies, newest first; expired ones never come back (TTL lags). */
  async sentPage(enterpriseNumber: string, now: Date, limit: number, cursor?: string): Promise<CompanyMessagePage> {
    const key = companyMessageKeys.sentBy(enterpriseNumber);
    const after = cursor ? cursors.sent.decode(cursor, enterpriseNumber) : undefined;
    const query = { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix } };
    return this.page(query, now, limit, (last) => cursors.sent.encode(last, enterpriseNumber), after);
  }

  /** What companies sent to an institution, newest first; expired ones never come back. */
  async receivedPage(senderId: string, now: Date, limit: number, cursor?: string): Promise<CompanyMessagePage> {
    const key = companyMessageKeys.receivedBy(senderId);
    const after = cursor ? cursors.received.decode(cursor, senderId) : undefined;
    const query = {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': key.gsi1pk, ':prefix': key.skPrefix },
    };
    return this.page(query, now, limit, (last) => cursors.received.encode(last, senderId), after);
  }

  async received(senderId: string, id: string): Promise<CompanyMessage | undefined> {
    const key = companyMessageKeys.received(senderId, id);
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
        ExpressionAttributeValues: { ':pk': key.gsi1pk, ':sk': key.gsi1sk },
      }),
    );
    const item = result.Items?.[0];
    return item ? companyMessageItem.fromItem(item) : undefined;
  }

  async stillAvailable(messages: ReadonlyArray<{ enterpriseNumber: string; id: string }>, now: Date): Promise<Array<{ enterpriseNumber: string; id: string }>> {
    // The sender only matters to the index keys: the table key is the company's.
    return availableItems(this.db, this.tableName, messages, (ref) => primaryKey(companyMessageKeys.sent(ref.enterpriseNumber, ref.id, '')), now);
  }

  private async page(
    input: Pick<ConstructorParameters<typeof QueryCommand>[0], 'IndexName' | 'KeyConditionExpression'> & { ExpressionAttributeValues: Record<string, unknown> },
    now: Date,
    limit: number,
    cursorAfter: (key: Record<string, unknown>) => string,
    after?: Record<string, string>,
  ): Promise<CompanyMessagePage> {
    const result = await this.db.send(
      new QueryCommand({
        ...input,
        TableName: this.tableName,
        FilterExpression: 'expiresAt > :now',
        ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':now': now.toISOString() },
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: after,
      }),
    );
    const page = toPage(result, limit, cursorAfter);
    return { messages: page.items.map(companyMessageItem.fromItem), ...(page.next ? { next: page.next } : {}) };
  }
}
