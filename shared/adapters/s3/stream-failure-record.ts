import { z } from 'zod';
import { MalformedItemError } from '../../domain/errors';
import type { StreamRecordImage } from '../dynamodb/stream-records';

/** A stream record as Lambda hands it to the function; its images are checked later, by the item codecs. */
const streamRecord = z.object({
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.object({
    SequenceNumber: z.string().min(1),
    NewImage: z.record(z.string(), z.unknown()).optional(),
    OldImage: z.record(z.string(), z.unknown()).optional(),
  }),
});

const json = z.string().transform((text, context): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});

/**
 * What Lambda writes to the S3 on-failure destination of a DynamoDB stream event source: the
 * metadata it sends to SQS and SNS destinations (requestContext, responseContext,
 * DDBStreamBatchInfo…) and `payload`, the original invocation event as an escaped JSON string
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html).
 */
const failureRecord = z.object({
  DDBStreamBatchInfo: z.object({ shardId: z.string(), startSequenceNumber: z.string(), endSequenceNumber: z.string() }),
  payload: json.pipe(z.object({ Records: z.array(streamRecord).min(1) })),
});

/** The records of the failed batch kept in an object, in stream order; MalformedItemError names the object and every problem. */
export function parseStreamFailure(key: string, body: string): StreamRecordImage[] {
  const parsed = json.pipe(failureRecord).safeParse(body);
  if (!parsed.success)
    throw new MalformedItemError(
      key,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(object)'}: ${issue.message}`),
    );
  return parsed.data.payload.Records;
}
