import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClientBinding } from '../../domain/client-binding';
import type { ClientBindingsRepository } from '../../ports/client-bindings-repository';
import * as clientBindingItem from './items/client-binding';
import { keys } from './keys';

/** The machine clients bound to an institution or to a company. */
export class DynamoClientBindingsRepository implements ClientBindingsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(binding: ClientBinding): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: clientBindingItem.toItem(binding) }));
  }

  async get(clientId: string): Promise<ClientBinding | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.client(clientId), ConsistentRead: true }));
    return Item ? clientBindingItem.fromItem(Item) : undefined;
  }
}
