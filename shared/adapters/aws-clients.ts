import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config';
import { lazyProperties } from '../lazy-properties';
import { traced } from '../observability';

export interface AwsClients {
  readonly dynamodb: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
  readonly streams: DynamoDBStreamsClient;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly ses: SESv2Client;
}

/**
 * Each client is built, and its SDK package required, on first use: a function that never sends an
 * email never loads the SES client (the packages are external to the bundles; the Lambda runtime
 * has them). Against the emulators the endpoints come from config and the credentials are
 * placeholders (the emulators check none); in AWS the default chain applies, and DynamoDB, SQS and
 * SES calls are subsegments of the invocation's X-Ray trace (a no-op outside Lambda).
 */
export function createAwsClients(config: Config): AwsClients {
  const local = { accessKeyId: 'local', secretAccessKey: 'local' };
  const base = (endpoint: string | undefined) => ({
    region: config.region,
    ...(endpoint ? { endpoint, credentials: local } : {}),
  });
  const clients: AwsClients = lazyProperties<AwsClients>({
    dynamodb: () => {
      const { DynamoDBClient } = require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb');
      return traced(new DynamoDBClient(base(config.endpoints.dynamodb)));
    },
    documents: () => {
      const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb') as typeof import('@aws-sdk/lib-dynamodb');
      return DynamoDBDocumentClient.from(clients.dynamodb, { marshallOptions: { removeUndefinedValues: true } });
    },
    streams: () => {
      const { DynamoDBStreamsClient } = require('@aws-sdk/client-dynamodb-streams') as typeof import('@aws-sdk/client-dynamodb-streams');
      return traced(new DynamoDBStreamsClient(base(config.endpoints.dynamodb)));
    },
    // Path-style addressing: the local S3 emulator has no per-bucket host names.
    // WHEN_REQUIRED: otherwise presigned PUT URLs carry the CRC32 of an empty body and S3 refuses
    // every real upload (the emulator checks no checksum, so only AWS would show it).
    // Not traced: the same client signs download and upload URLs, and an X-Ray header must never
    // become one of the headers a browser has to send with a presigned URL.
    s3: () => {
      const { S3Client } = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
      return new S3Client({
        ...base(config.endpoints.s3),
        forcePathStyle: Boolean(config.endpoints.s3),
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
    },
    sqs: () => {
      const { SQSClient } = require('@aws-sdk/client-sqs') as typeof import('@aws-sdk/client-sqs');
      return traced(new SQSClient(base(config.endpoints.sqs)));
    },
    ses: () => {
      const { SESv2Client } = require('@aws-sdk/client-sesv2') as typeof import('@aws-sdk/client-sesv2');
      return traced(new SESv2Client(base(config.endpoints.ses)));
    },
  });
  return clients;
}
