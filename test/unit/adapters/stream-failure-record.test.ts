import { marshall } from '@aws-sdk/util-dynamodb';
import * as messageItem from '../../../shared/adapters/dynamodb/items/message';
import { toTableChange } from '../../../shared/adapters/dynamodb/stream-records';
import { parseStreamFailure } from '../../../shared/adapters/s3/stream-failure-record';
import { MalformedItemError } from '../../../shared/domain/errors';
import { enterpriseNumber } from '../fakes/ids';
import { aMessage } from '../fakes/messages';

const KEY = 'aws/lambda/8f7c…/shardId-00000001573689847184-864758bb/2026/03/10/2026-03-10T09.00.00-4f1c';
const message = aMessage({ messageId: '01JNQ8W5R3ZQ3M0Y1V6B2C4D5E', enterpriseNumber: enterpriseNumber('01234567') });

/** A table stream record as Lambda passes it to the function: a message removed by TTL. */
const removal = {
  eventID: '1',
  eventName: 'REMOVE',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-central-1',
  dynamodb: {
    ApproximateCreationDateTime: 1773133200,
    Keys: marshall({ pk: `ENT#${message.enterpriseNumber}`, sk: `MSG#${message.messageId}` }),
    OldImage: marshall(messageItem.toItem(message), { removeUndefinedValues: true }),
    SequenceNumber: '800000000003126276362',
    SizeBytes: 512,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
  userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
  eventSourceARN: 'arn:aws:dynamodb:eu-central-1:123456789012:table/ebox/stream/2026-01-01T00:00:00.000',
};

/** The documented S3 invocation record of a DynamoDB stream: the SQS/SNS metadata, and the event as a JSON string in `payload`. */
const failureRecord = (payload: unknown = JSON.stringify({ Records: [removal] })) => ({
  requestContext: {
    requestId: '316aa6d0-8154-xmpl-9af7-85d5f4a6bc81',
    functionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:on-table-change',
    condition: 'RetryAttemptsExhausted',
    approximateInvokeCount: 6,
  },
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  version: '1.0',
  timestamp: '2026-03-10T09:00:06.021Z',
  DDBStreamBatchInfo: {
    shardId: 'shardId-00000001573689847184-864758bb',
    startSequenceNumber: '800000000003126276362',
    endSequenceNumber: '800000000003126276362',
    approximateArrivalOfFirstRecord: '2026-03-10T09:00:00Z',
    approximateArrivalOfLastRecord: '2026-03-10T09:00:00Z',
    batchSize: 1,
    streamArn: 'arn:aws:dynamodb:eu-central-1:123456789012:table/ebox/stream/2026-01-01T00:00:00.000',
  },
  payload,
});

const problemsOf = (body: string): string[] => {
  try {
    parseStreamFailure(KEY, body);
  } catch (error) {
    if (error instanceof MalformedItemError && error.key === KEY) return error.problems;
    throw error;
  }
  throw new Error('parsed');
};

describe('the failure record of the S3 on-failure destination', () => {
  it('gives back the records of the failed batch, which the stream consumer reads as it read them the first time', () => {
    const records = parseStreamFailure(KEY, JSON.stringify(failureRecord()));
    expect(records).toHaveLength(1);
    expect(records.map(toTableChange)).toEqual([{ item: 'message', change: 'REMOVE', message, countedUnread: true, sequenceNumber: '800000000003126276362' }]);
  });

  it('refuses, naming the object, what is not a failure record with its batch', () => {
    expect(problemsOf('not json')).toEqual(['(object): not JSON']);
    // What an SQS destination gets: the stream positions only.
    const { payload: _payload, ...metadataOnly } = failureRecord();
    expect(problemsOf(JSON.stringify(metadataOnly))).toEqual([expect.stringMatching(/^payload: /)]);
    expect(problemsOf(JSON.stringify(failureRecord('{"Records": [')))).toEqual(['payload: not JSON']);
    expect(problemsOf(JSON.stringify(failureRecord(JSON.stringify({ Records: [] }))))).toEqual([expect.stringMatching(/^payload\.Records: /)]);
    const { DDBStreamBatchInfo: _info, ...noBatchInfo } = failureRecord();
    expect(problemsOf(JSON.stringify(noBatchInfo))).toEqual([expect.stringMatching(/^DDBStreamBatchInfo: /)]);
  });

  it('refuses a record without its sequence number, which the replay would need to report it', () => {
    const { SequenceNumber: _sequence, ...withoutSequence } = removal.dynamodb;
    const body = JSON.stringify(failureRecord(JSON.stringify({ Records: [{ ...removal, dynamodb: withoutSequence }] })));
    expect(problemsOf(body)).toEqual([expect.stringMatching(/^payload\.Records\.0\.dynamodb\.SequenceNumber: /)]);
  });
});
