import { ScanCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { AwsClients } from '../../shared/adapters/aws-clients';
import { TABLE_SCHEMA } from '../../shared/adapters/dynamodb/table-schema';
import type { Clock } from '../../shared/ports/clock';

/**
 * DynamoDB TTL emulation: DynamoDB Local records the TTL setting but never deletes anything.
 * Like the AWS background process, this sweeps the table (a Scan is what TTL itself does; no
 * request path or job of the product scans) and deletes items whose TTL has passed, which
 * produces the same stream REMOVE records.
 */
export async function sweepExpiredItems(clients: AwsClients, tableName: string, clock: Clock): Promise<number> {
  const now = Math.floor(clock.now().getTime() / 1000);
  const { partitionKey, sortKey, ttlAttribute } = TABLE_SCHEMA;
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await clients.documents.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#ttl <= :now',
        ProjectionExpression: '#pk, #sk',
        ExpressionAttributeNames: { '#ttl': ttlAttribute, '#pk': partitionKey, '#sk': sortKey },
        ExpressionAttributeValues: { ':now': now },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const key of page.Items ?? []) {
      try {
        await clients.documents.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key,
            ConditionExpression: '#ttl <= :now',
            ExpressionAttributeNames: { '#ttl': ttlAttribute },
            ExpressionAttributeValues: { ':now': now },
          }),
        );
        deleted += 1;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return deleted;
}
