import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fromItem } from './items';
import { keys, ttlOf } from './keys';

/** A presigned upload an institution may attach to one message before it expires. */
export interface Upload {
  uploadId: string;
  senderId: string;
  fileName: string;
  size: number;
  sha256: string;
  objectKey: string;
  expiresAt: string;
}

export class UploadsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(upload: Upload): Promise<void> {
    // Kept a day past the URL's expiry, like the bucket's lifecycle rule for the bytes.
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.upload(upload.uploadId), type: 'UPLOAD', ttl: ttlOf(upload.expiresAt, 1), ...upload } }));
  }

  async get(uploadId: string): Promise<Upload | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.upload(uploadId), ConsistentRead: true }));
    return Item ? fromItem<Upload>(Item) : undefined;
  }
}
