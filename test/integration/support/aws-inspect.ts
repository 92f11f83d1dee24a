import { createHash, randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message as SqsMessage,
} from '@aws-sdk/client-sqs';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { call } from './api';

/**
 * Looks behind the API into the emulators of the local runtime (DynamoDB Local, fauxqs for SQS
 * and S3), for the notification and expiry tests: what the jobs left in the table, the bucket
 * and the queues. Also the small helpers those tests share (draining jobs, new emails).
 */
const TABLE_NAME = 'ebox-local';
const BUCKET_NAME = 'ebox-local-documents';
export const NOTIFICATIONS_QUEUE_NAME = 'notifications';
export const NOTIFICATIONS_DLQ_NAME = 'notifications-dlq';
export const DAY_MS = 86_400_000;
/** As shared/adapters/dynamodb/keys.ts: the expiry index spreads a day over this many partitions. */
export const EXPIRY_SHARDS = 8;

const region = 'eu-west-1';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

function endpoint(name: 'EBOX_DYNAMODB_ENDPOINT' | 'EBOX_FAUXQS_ENDPOINT'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest's integration project`);
  return value;
}

let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;
let sqsClient: SQSClient | undefined;

function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ region, endpoint: endpoint('EBOX_DYNAMODB_ENDPOINT'), credentials }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

function s3(): S3Client {
  s3Client ??= new S3Client({ region, endpoint: endpoint('EBOX_FAUXQS_ENDPOINT'), credentials, forcePathStyle: true });
  return s3Client;
}

export function sqs(): SQSClient {
  sqsClient ??= new SQSClient({ region, endpoint: endpoint('EBOX_FAUXQS_ENDPOINT'), credentials });
  return sqsClient;
}

// ---------------------------------------------------------------------------------------------
// DynamoDB

async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: TABLE_NAME, Key: key, ConsistentRead: true }));
  return Item as Record<string, unknown> | undefined;
}

/** The company's copy of a message (pk `ENT#<n>`, sk `MSG#<id>`), if still in the table. */
export const storedMessage = (enterpriseNumber: string, messageId: string) => getItem({ pk: `ENT#${enterpriseNumber}`, sk: `MSG#${messageId}` });

/** A company's profile (pk `ENT#<n>`, sk `PROFILE`): its stored unread counter, among others. */
export const storedProfile = (enterpriseNumber: string) => getItem({ pk: `ENT#${enterpriseNumber}`, sk: 'PROFILE' });

/** Counts every item of the table with a paginated Scan (Select COUNT). Test-only: the product never scans. */
export async function countItems(): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: TABLE_NAME, Select: 'COUNT', ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** BatchWrite in calls of 25, a few calls at a time, retrying what DynamoDB left unprocessed. */
export async function batchWrite(requests: WriteRequest[], parallel = 8): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += 25) chunks.push(requests.slice(start, start + 25));
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= chunks.length) return;
      let pending: WriteRequest[] = chunks[index]!;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 20) throw new Error(`BatchWrite kept leaving ${pending.length} item(s) unprocessed`);
        const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending } }));
        pending = (result.UnprocessedItems?.[TABLE_NAME] ?? []) as WriteRequest[];
        if (pending.length) await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export const putRequests = (items: Array<Record<string, unknown>>): WriteRequest[] => items.map((Item) => ({ PutRequest: { Item } }));
export const deleteRequests = (items: Array<{ pk: unknown; sk: unknown }>): WriteRequest[] =>
  items.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));

/** A valid enterprise number (check digits), first digit 1, outside the range the fixtures use. */
function fillerEnterpriseNumber(): string {
  const base = 10_000_000 + (randomBytes(4).readUInt32BE(0) % 10_000_000);
  const check = 97 - (base % 97);
  return `${base}`.padStart(8, '0') + `${check}`.padStart(2, '0');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A 26-character id in the ULID alphabet (time part first, like the product's message ids). */
function ulidLike(time: number): string {
  let head = '';
  for (let value = time, i = 0; i < 10; i += 1, value = Math.floor(value / 32)) head = CROCKFORD[value % 32]! + head;
  const random = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i += 1) tail += CROCKFORD[random[i]! % 32]!;
  return head + tail;
}

/** The expiry-index shard of a message id, as the product computes it (keys.ts). */
export const expiryShardOf = (messageId: string) => createHash('sha256').update(messageId).digest()[0]! % EXPIRY_SHARDS;

/**
 * Message-like items far outside the warning window: same keys and index attributes as a
 * published message (`ENT#<n>`/`MSG#<id>`, expiry index partition and sort key, TTL), read and
 * without attachments so the stream consumer has nothing to clean up when they are removed.
 */
export function fillerMessages(count: number, options: { now: Date; companies: number; daysAhead: number }): Array<Record<string, unknown>> {
  const companies = Array.from({ length: options.companies }, fillerEnterpriseNumber);
  const items: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i += 1) {
    const enterpriseNumber = companies[Math.floor((i * options.companies) / count)]!;
    const publishedAt = new Date(options.now.getTime() - (i % 1000) * 1000);
    const expiresAt = new Date(publishedAt.getTime() + (options.daysAhead + (i % 30)) * DAY_MS).toISOString();
    const messageId = ulidLike(publishedAt.getTime());
    items.push({
      pk: `ENT#${enterpriseNumber}`,
      sk: `MSG#${messageId}`,
      expiryPk: `EXP#${expiresAt.slice(0, 10)}#${i % EXPIRY_SHARDS}`,
      expirySk: `${expiresAt}#${enterpriseNumber}#${messageId}`,
      type: 'MESSAGE',
      ttl: Math.floor(Date.parse(expiresAt) / 1000),
      messageId,
      enterpriseNumber,
      senderId: 'filler-sender',
      senderName: { fr: 'Institution de remplissage' },
      documentType: { code: 'TAX_NOTICE', name: { fr: "Avis d'imposition" } },
      subject: { fr: `Avis de remplissage ${i}` },
      registered: false,
      replyable: false,
      publishedAt: publishedAt.toISOString(),
      expiresAt,
      read: true,
      attachments: [],
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// S3

/** The keys of the objects under a prefix (ListObjectsV2, paginated). */
async function listObjects(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET_NAME, Prefix: prefix, ContinuationToken: token }));
    found.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/** A published message's PDFs: `documents/<n>/<messageId>/…`. */
export const messageDocuments = (enterpriseNumber: string, messageId: string) => listObjects(`documents/${enterpriseNumber}/${messageId}/`);

// ---------------------------------------------------------------------------------------------
// SQS

const queueUrls = new Map<string, string>();

export async function queueUrl(name: string): Promise<string> {
  const known = queueUrls.get(name);
  if (known) return known;
  const { QueueUrl } = await sqs().send(new GetQueueUrlCommand({ QueueName: name }));
  if (!QueueUrl) throw new Error(`no queue ${name}`);
  queueUrls.set(name, QueueUrl);
  return QueueUrl;
}

/** Receives (and leaves in flight, not deleted) every message a queue holds now. */
export async function receiveAll(name: string, visibilityTimeout = 30): Promise<SqsMessage[]> {
  const url = await queueUrl(name);
  const messages: SqsMessage[] = [];
  for (;;) {
    const { Messages } = await sqs().send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: visibilityTimeout,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (!Messages?.length) return messages;
    messages.push(...Messages);
  }
}

export async function deleteMessage(name: string, message: SqsMessage): Promise<void> {
  await sqs().send(new DeleteMessageCommand({ QueueUrl: await queueUrl(name), ReceiptHandle: message.ReceiptHandle }));
}

export async function sendMessage(name: string, body: string): Promise<void> {
  await sqs().send(new SendMessageCommand({ QueueUrl: await queueUrl(name), MessageBody: body }));
}

// ---------------------------------------------------------------------------------------------
// Jobs, clock, emails (over the local HTTP endpoints)

export interface Email {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  sentAt: string;
}

export async function job(name: 'expiry-warnings' | 'ttl' | 'stream' | 'notifier'): Promise<Record<string, unknown>> {
  const response = await call('POST', `/local/jobs/${name}`);
  if (response.status !== 200) throw new Error(`job ${name}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function emails(): Promise<Email[]> {
  const response = await call<{ items: Email[] }>('GET', '/local/emails');
  if (response.status !== 200) throw new Error(`emails: ${response.status}`);
  return response.body.items;
}

/** Emails sent after a snapshot (the length of /local/emails then), optionally only those to `to`. */
export async function emailsSince(snapshot: number, to?: string): Promise<Email[]> {
  return (await emails()).slice(snapshot).filter((email) => to === undefined || email.to.includes(to));
}

/**
 * Runs what other test files may have left (table stream, notifications queue and, with
 * `expiry`, the warnings), then returns how many emails exist so far: a test then looks only at
 * what comes after.
 */
export async function drain(options: { expiry?: boolean } = {}): Promise<number> {
  await job('stream');
  await job('notifier');
  if (options.expiry) {
    await job('expiry-warnings');
    await job('notifier');
  }
  return (await emails()).length;
}

export async function clockNow(): Promise<Date> {
  const response = await call<{ now: string }>('GET', '/local/clock');
  return new Date(response.body.now);
}

/** Moves the shared local clock forward (never back). */
export async function advanceDays(days: number): Promise<Date> {
  const response = await call<{ now: string }>('POST', '/local/clock', { body: { advanceDays: days } });
  if (response.status !== 200) throw new Error(`clock: ${response.status} ${JSON.stringify(response.body)}`);
  return new Date(response.body.now);
}

export async function setSesFailing(failing: boolean): Promise<void> {
  const response = await call<{ ses: boolean }>('POST', '/local/faults', { body: { ses: failing } });
  if (response.status !== 200 || response.body.ses !== failing) throw new Error(`faults: ${response.status} ${JSON.stringify(response.body)}`);
}
