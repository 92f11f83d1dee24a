import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Sender } from '../../domain/sender';
import type { SendersRepository } from '../../ports/senders-repository';
import * as senderItem from './items/sender';
import { keys, primaryKey } from './keys';

/** Institutions and their document types. */
export class DynamoSendersRepository implements SendersRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(sender: Sender): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: senderItem.toItem(sender) }));
  }

  async get(senderId: string): Promise<Sender | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: primaryKey(keys.sender(senderId)) }));
    return Item ? senderItem.fromItem(Item) : undefined;
  }

  /** Every sender, by id: one partition of the overloaded index (a few hundred institutions). */
  async list(): Promise<Sender[]> {
    const senders: Sender[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.allSenders().gsi1pk },
          ExclusiveStartKey: start,
        }),
      );
      senders.push(...(page.Items ?? []).map(senderItem.fromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return senders;
  }
}
