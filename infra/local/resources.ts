import { CreateTableCommand, UpdateTimeToLiveCommand, type GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { AwsClients } from '../../shared/adapters/aws-clients';
import { TABLE_SCHEMA } from '../../shared/adapters/dynamodb/table-schema';
import { NOTIFICATIONS_QUEUE } from '../definitions';

export interface LocalResources {
  tableName: string;
  bucketName: string;
  notificationsQueueUrl: string;
  notificationsDlqUrl: string;
  /** Where the stream poller keeps the batches it gave up on, as the S3 on-failure destination does in AWS. */
  streamFailuresBucket: string;
}

/** Creates the table, buckets and queues in the emulators, from the definitions the CDK stack uses. */
export async function createLocalResources(
  clients: AwsClients,
  names: { tableName: string; bucketName: string; streamFailuresBucket: string },
): Promise<LocalResources> {
  const keys = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
  const indexes: GlobalSecondaryIndex[] = Object.entries(TABLE_SCHEMA.indexes).map(([indexName, index]) => {
    keys.add(index.partitionKey);
    keys.add(index.sortKey);
    return {
      IndexName: indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: index.projection },
    };
  });
  await clients.dynamodb.send(
    new CreateTableCommand({
      TableName: names.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...keys].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexes,
      StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE_SCHEMA.stream },
    }),
  );
  await clients.dynamodb.send(
    new UpdateTimeToLiveCommand({
      TableName: names.tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: TABLE_SCHEMA.ttlAttribute },
    }),
  );
  await clients.s3.send(new CreateBucketCommand({ Bucket: names.bucketName }));
  await clients.s3.send(new CreateBucketCommand({ Bucket: names.streamFailuresBucket }));

  const dlq = await clients.sqs.send(new CreateQueueCommand({ QueueName: NOTIFICATIONS_QUEUE.deadLetterName }));
  const dlqArn = await queueArn(clients, dlq.QueueUrl);
  const queue = await clients.sqs.send(
    new CreateQueueCommand({
      QueueName: NOTIFICATIONS_QUEUE.name,
      Attributes: {
        VisibilityTimeout: String(NOTIFICATIONS_QUEUE.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: NOTIFICATIONS_QUEUE.maxReceiveCount }),
      },
    }),
  );
  return {
    ...names,
    notificationsQueueUrl: required(queue.QueueUrl),
    notificationsDlqUrl: required(dlq.QueueUrl),
  };
}

async function queueArn(clients: AwsClients, queueUrl: string | undefined): Promise<string> {
  const attributes = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: required(queueUrl), AttributeNames: ['QueueArn'] }));
  return required(attributes.Attributes?.QueueArn);
}

function required(value: string | undefined): string {
  if (!value) throw new Error('The emulator did not return the created resource');
  return value;
}
