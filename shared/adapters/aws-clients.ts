import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config';
import { tracer } from '../observability';

export interface AwsClients {
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  streams: DynamoDBStreamsClient;
  s3: S3Client;
  sqs: SQSClient;
  ses: SESv2Client;
}

/**
 * Built once per container. Against the emulators the endpoints come from config and the
 * credentials are placeholders (the emulators check none); in AWS the default chain applies, and
 * DynamoDB, SQS and SES calls are subsegments of the invocation's X-Ray trace (a no-op outside
 * Lambda).
 */
export function createAwsClients(config: Config): AwsClients {
  const local = { accessKeyId: 'local', secretAccessKey: 'local' };
  const base = (endpoint: string | undefined) => ({
    region: config.region,
    ...(endpoint ? { endpoint, credentials: local } : {}),
  });
  const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient(base(config.endpoints.dynamodb)));
  return {
    dynamodb,
    documents: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    streams: tracer.captureAWSv3Client(new DynamoDBStreamsClient(base(config.endpoints.dynamodb))),
    // Path-style addressing: the local S3 emulator has no per-bucket host names.
    // WHEN_REQUIRED: otherwise presigned PUT URLs carry the CRC32 of an empty body and S3 refuses
    // every real upload (the emulator checks no checksum, so only AWS would show it).
    // Not traced: the same client signs download and upload URLs, and an X-Ray header must never
    // become one of the headers a browser has to send with a presigned URL.
    s3: new S3Client({
      ...base(config.endpoints.s3),
      forcePathStyle: Boolean(config.endpoints.s3),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    sqs: tracer.captureAWSv3Client(new SQSClient(base(config.endpoints.sqs))),
    ses: tracer.captureAWSv3Client(new SESv2Client(base(config.endpoints.ses))),
  };
}
