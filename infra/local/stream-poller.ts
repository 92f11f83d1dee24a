import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AwsClients } from '../../shared/adapters/aws-clients';
import { logger } from '../../shared/logger';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

/** As the CDK event source mapping: batches of 100, 5 retries (halving the batch), then the failures bucket. */
const BATCH_SIZE = 100;
const RETRY_ATTEMPTS = 5;
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:on-table-change';

/** `2026-03-10T09:00:00Z`: the failure record's arrival times have no milliseconds. */
const toSecondsIso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The local event source mapping of the table stream: reads every shard from where it left off
 * and invokes the consumer with the event Lambda would send, shard by shard, honouring partial
 * batch failures. A batch whose retries are spent is written to the failures bucket as Lambda's
 * S3 on-failure destination writes it, so the replay job reads the same thing here as in AWS.
 */
export class StreamPoller {
  private streamArn?: string;
  private readonly shards = new Map<string, { iterator?: string; lastSequence?: string; closed: boolean }>();
  /** Stands for the event source mapping's id, which Lambda puts in the name of every failure record. */
  private readonly mappingId = randomUUID();

  constructor(
    private readonly clients: AwsClients,
    private readonly tableName: string,
    private readonly failuresBucket: string,
    private readonly handler: StreamHandler,
  ) {}

  /** Drains what the stream holds now; returns the number of records delivered. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (const [shardId, records] of await this.readAll()) {
      for (let start = 0; start < records.length; start += BATCH_SIZE) {
        await this.deliver(shardId, records.slice(start, start + BATCH_SIZE), 0);
      }
      delivered += records.length;
    }
    return delivered;
  }

  private async deliver(shardId: string, batch: DynamoDBRecord[], attempt: number): Promise<void> {
    if (batch.length === 0) return;
    let failedFrom = -1;
    let functionError: string | undefined;
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
      functionError = 'Unhandled';
    }
    if (failedFrom < 0) return;
    const remaining = batch.slice(failedFrom);
    if (attempt >= RETRY_ATTEMPTS) {
      await this.keepFailed(shardId, remaining, attempt + 1, functionError);
      return;
    }
    // Bisect on error, as BisectBatchOnFunctionError does in AWS.
    const half = Math.ceil(remaining.length / 2);
    await this.deliver(shardId, remaining.slice(0, half), attempt + 1);
    await this.deliver(shardId, remaining.slice(half), attempt + 1);
  }

  /**
   * What Lambda writes to an S3 on-failure destination: the metadata it sends to SQS and SNS
   * destinations, plus `payload`, the invocation event as a JSON string, under
   * `aws/lambda/<mapping id>/<shard id>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<uuid>`
   * (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html).
   */
  private async keepFailed(shardId: string, records: DynamoDBRecord[], invokeCount: number, functionError: string | undefined): Promise<void> {
    const now = new Date();
    const arrivals = records.map((record) => record.dynamodb?.ApproximateCreationDateTime ?? Math.floor(now.getTime() / 1000));
    const failureRecord = {
      requestContext: { requestId: randomUUID(), functionArn: FUNCTION_ARN, condition: 'RetryAttemptsExhausted', approximateInvokeCount: invokeCount },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', ...(functionError ? { functionError } : {}) },
      version: '1.0',
      timestamp: now.toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: records[0]?.dynamodb?.SequenceNumber ?? '',
        endSequenceNumber: records.at(-1)?.dynamodb?.SequenceNumber ?? '',
        approximateArrivalOfFirstRecord: toSecondsIso(Math.min(...arrivals)),
        approximateArrivalOfLastRecord: toSecondsIso(Math.max(...arrivals)),
        batchSize: records.length,
        streamArn: this.streamArn ?? '',
      },
      payload: JSON.stringify({ Records: records }),
    };
    const [day, time] = now.toISOString().slice(0, 19).split('T') as [string, string];
    const key = `aws/lambda/${this.mappingId}/${shardId}/${day.replaceAll('-', '/')}/${day}T${time.replaceAll(':', '.')}-${randomUUID()}`;
    await this.clients.s3.send(
      new PutObjectCommand({ Bucket: this.failuresBucket, Key: key, Body: JSON.stringify(failureRecord), ContentType: 'application/json' }),
    );
    logger.error('stream records kept in the failures bucket', { count: records.length, key });
  }

  private async readAll(): Promise<Map<string, DynamoDBRecord[]>> {
    this.streamArn ??= (await this.clients.dynamodb.send(new DescribeTableCommand({ TableName: this.tableName }))).Table?.LatestStreamArn;
    if (!this.streamArn) throw new Error(`Table ${this.tableName} has no stream`);
    const description = await this.clients.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    const byShard = new Map<string, DynamoDBRecord[]>();
    for (const shard of description.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId) continue;
      const state = this.shards.get(shard.ShardId) ?? { closed: false };
      this.shards.set(shard.ShardId, state);
      const records: DynamoDBRecord[] = [];
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
      if (records.length) byShard.set(shard.ShardId, records);
    }
    return byShard;
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
