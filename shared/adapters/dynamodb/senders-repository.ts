import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Sender } from '../../domain/sender';
import { fromItem, primaryKey } from './items';
import { keys } from './keys';

/** Institutions, their document types, and the machine clients bound to them or to companies. */
export class SendersRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(sender: Sender): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.sender(sender.senderId), type: 'SENDER', ...sender } }));
  }

  async get(senderId: string): Promise<Sender | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: primaryKey(keys.sender(senderId)) }));
    return Item ? fromItem<Sender>(Item) : undefined;
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
      senders.push(...(page.Items ?? []).map((item) => fromItem<Sender>(item)));
      start = page.LastEvaluatedKey;
    } while (start);
    return senders;
  }
}

export interface ClientBinding {
  clientId: string;
  senderId?: string;
  enterpriseNumber?: string;
}

export class ClientsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(binding: ClientBinding): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.client(binding.clientId), type: 'CLIENT', ...binding } }));
  }

  async get(clientId: string): Promise<ClientBinding | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.client(clientId), ConsistentRead: true }));
    return Item ? fromItem<ClientBinding>(Item) : undefined;
  }
}
