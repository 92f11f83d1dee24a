import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AwsClients } from '../../shared/adapters/aws-clients';
import { logger } from '../../shared/logger';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

/** As the CDK event source mapping: batches of 100, 5 retries (halving the batch), then the failure queue. */
const BATCH_SIZE = 100;
const RETRY_ATTEMPTS = 5;

/**
 * The local event source mapping of the table stream: reads every shard from where it left off
 * and invokes the consumer with the event Lambda would send, honouring partial batch failures.
 */
export class StreamPoller {
  private streamArn?: string;
  private readonly shards = new Map<string, { iterator?: string; lastSequence?: string; closed: boolean }>();

  constructor(
    private readonly clients: AwsClients,
    private readonly tableName: string,
    private readonly failureQueueUrl: string,
    private readonly handler: StreamHandler,
  ) {}

  /** Drains what the stream holds now; returns the number of records delivered. */
  async drain(): Promise<number> {
    const records = await this.readAll();
    for (let start = 0; start < records.length; start += BATCH_SIZE) {
      await this.deliver(records.slice(start, start + BATCH_SIZE), 0);
    }
    return records.length;
  }

  private async deliver(batch: DynamoDBRecord[], attempt: number): Promise<void> {
    if (batch.length === 0) return;
    let failedFrom = -1;
    try {
      const response = await this.handler({ Records: batch });
      const failed = response?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed !== undefined)
        failedFrom = Math.max(
          0,
          batch.findIndex((record) => record.dynamodb?.SequenceNumber === failed),
        );
    } catch (error) {
      logger.warn('stream consumer failed', { error: error as Error, attempt });
      failedFrom = 0;
    }
    if (failedFrom < 0) return;
    const remaining = batch.slice(failedFrom);
    if (attempt >= RETRY_ATTEMPTS) {
      await this.clients.sqs.send(
        new SendMessageCommand({
          QueueUrl: this.failureQueueUrl,
          MessageBody: JSON.stringify({ reason: 'stream consumer kept failing', records: remaining.map((record) => record.dynamodb?.SequenceNumber) }),
        }),
      );
      logger.error('stream records sent to the failure queue', { count: remaining.length });
      return;
    }
    // Bisect on error, as BisectBatchOnFunctionError does in AWS.
    const half = Math.ceil(remaining.length / 2);
    await this.deliver(remaining.slice(0, half), attempt + 1);
    await this.deliver(remaining.slice(half), attempt + 1);
  }

  private async readAll(): Promise<DynamoDBRecord[]> {
    this.streamArn ??= (await this.clients.dynamodb.send(new DescribeTableCommand({ TableName: this.tableName }))).Table?.LatestStreamArn;
    if (!this.streamArn) throw new Error(`Table ${this.tableName} has no stream`);
    const description = await this.clients.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    const records: DynamoDBRecord[] = [];
    for (const shard of description.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId) continue;
      const state = this.shards.get(shard.ShardId) ?? { closed: false };
      this.shards.set(shard.ShardId, state);
      while (!state.closed) {
        state.iterator ??= await this.iterator(shard.ShardId, state.lastSequence);
        let page: GetRecordsCommandOutput;
        try {
          page = await this.clients.streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 1000 }));
        } catch (error) {
          if (!(error instanceof ExpiredIteratorException)) throw error;
          state.iterator = undefined;
          continue;
        }
        state.iterator = page.NextShardIterator;
        if (!page.NextShardIterator) state.closed = true;
        const fresh = page.Records ?? [];
        records.push(...fresh.map((record) => this.toLambdaRecord(record)));
        state.lastSequence = fresh.at(-1)?.dynamodb?.SequenceNumber ?? state.lastSequence;
        if (fresh.length === 0) break;
      }
    }
    return records;
  }

  private async iterator(shardId: string, after?: string): Promise<string | undefined> {
    const result = await this.clients.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return result.ShardIterator;
  }

  /** The Streams API and the Lambda event carry the same record, but times as epoch seconds. */
  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    const { ApproximateCreationDateTime, ...change } = record.dynamodb ?? {};
    return {
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: record.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: record.awsRegion,
      eventSourceARN: this.streamArn,
      ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
      dynamodb: {
        ...(change as DynamoDBRecord['dynamodb']),
        ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) } : {}),
      },
    };
  }
}
