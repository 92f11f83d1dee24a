import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Upload } from '../../domain/upload';
import type { UploadsRepository } from '../../ports/uploads-repository';
import * as uploadItem from './items/upload';
import { keys } from './keys';

export class DynamoUploadsRepository implements UploadsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(upload: Upload): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: uploadItem.toItem(upload) }));
  }

  async get(uploadId: string): Promise<Upload | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.upload(uploadId), ConsistentRead: true }));
    return Item ? uploadItem.fromItem(Item) : undefined;
  }
}
