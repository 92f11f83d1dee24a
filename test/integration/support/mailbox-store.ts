import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { call, type ApiResponse } from './api';

/**
 * Looks behind the API, straight into the emulators, to check that a refused request left nothing
 * behind. Read-only: tests never write to the table or the bucket themselves.
 */
export const TABLE_NAME = 'ebox-local';
const BUCKET_NAME = 'ebox-local-documents';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let dynamo: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;

function endpoint(name: 'EBOX_DYNAMODB_ENDPOINT' | 'EBOX_FAUXQS_ENDPOINT'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest's integration project`);
  return value;
}

function table(): DynamoDBDocumentClient {
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1', endpoint: endpoint('EBOX_DYNAMODB_ENDPOINT'), credentials }));
  return dynamo;
}

function bucket(): S3Client {
  s3 ??= new S3Client({ region: 'eu-west-1', endpoint: endpoint('EBOX_FAUXQS_ENDPOINT'), credentials, forcePathStyle: true });
  return s3;
}

/** Every company-side message item of a company (pk `ENT#<n>`, sk `MSG#…`), expired or not. */
export async function storedMessages(enterpriseNumber: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table().send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `ENT#${enterpriseNumber}`, ':prefix': 'MSG#' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as Array<Record<string, unknown>>));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The company's profile item (pk `ENT#<n>`, sk `PROFILE`), if any. */
export async function storedProfile(enterpriseNumber: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await table().send(new GetCommand({ TableName: TABLE_NAME, Key: { pk: `ENT#${enterpriseNumber}`, sk: 'PROFILE' }, ConsistentRead: true }));
  return Item as Record<string, unknown> | undefined;
}

/** The idempotency record of a sender's externalId, if any. */
export async function storedIdempotency(senderId: string, externalId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await table().send(
    new GetCommand({ TableName: TABLE_NAME, Key: { pk: `SND#${senderId}#EXT#${externalId}`, sk: 'IDEMPOTENCY' }, ConsistentRead: true }),
  );
  return Item as Record<string, unknown> | undefined;
}

/** The keys of the S3 objects under a prefix. */
export async function storedObjects(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await bucket().send(new ListObjectsV2Command({ Bucket: BUCKET_NAME, Prefix: prefix, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** The PDFs stored for a company: `documents/<n>/…`. */
export const storedDocuments = (enterpriseNumber: string) => storedObjects(`documents/${enterpriseNumber}/`);

// ---------------------------------------------------------------------------------------------
// Small HTTP helpers shared by the mailbox-*.test.ts files.

const PROBLEM_JSON = 'application/problem+json';
export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY_MS = 86_400_000;

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const sha256Base64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

/** `publishedAt` + `days`, as the API writes instants. */
export const plusDays = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY_MS).toISOString();

/** A real PDF of exactly `size` bytes (the signature, then padding). */
export function pdfOfSize(size: number, fill = 'x'): Buffer {
  const head = Buffer.from('%PDF-1.4\n', 'latin1');
  const bytes = Buffer.alloc(size, fill);
  head.copy(bytes, 0, 0, Math.min(head.length, size));
  return bytes;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  issues?: Array<{ type: string; title: string; in: string; name: string; value?: unknown; detail: string }>;
}

/** The response is an RFC 9457 problem of that status and type. */
export function expectProblem(response: ApiResponse<unknown>, status: number, type: string): ProblemBody {
  const body = response.body as ProblemBody;
  expect({ status: response.status, contentType: response.headers.get('content-type'), type: body.type, problemStatus: body.status }).toEqual({
    status,
    contentType: PROBLEM_JSON,
    type,
    problemStatus: status,
  });
  expect(body.title).toEqual(expect.any(String));
  expect(body.detail).toEqual(expect.any(String));
  expect(response.headers.get('belgov-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify(body)).not.toMatch(/:null[,}\]]/); // JSON never carries null
  return body;
}

/** A belgif 400 whose issues name `field` (in `location`). */
export function expectBadRequest(response: ApiResponse<unknown>, field: string, location: 'body' | 'query' | 'path' | 'header' = 'body'): ProblemBody {
  const problem = expectProblem(response, 400, 'urn:problem-type:belgif:badRequest');
  expect(problem.issues).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        type: expect.stringMatching(/^urn:problem-type:belgif:input-validation:\w+$/),
        in: location,
        name: field,
        detail: expect.any(String),
      }),
    ]),
  );
  return problem;
}

/** GET …/content without following the redirect, then fetches the presigned URL it points to. */
export async function download(token: string, enterpriseNumber: string, messageId: string, attachmentId: string) {
  const redirect = await call('GET', `/v1/enterprises/${enterpriseNumber}/messages/${messageId}/attachments/${attachmentId}/content`, { token });
  const location = redirect.headers.get('location');
  if (redirect.status !== 302 || !location) return { redirect, bytes: undefined, fetched: undefined };
  const fetched = await fetch(location);
  const bytes = Buffer.from(await fetched.arrayBuffer());
  return { redirect, bytes, fetched };
}

/** Every item of a listing, following `next` until it is absent. */
export async function allPages<T>(
  token: string,
  firstPath: string,
  limit = 50,
): Promise<{ items: T[]; pages: Array<{ items: T[]; pageSize: number; self: string; next?: string }> }> {
  const pages: Array<{ items: T[]; pageSize: number; self: string; next?: string }> = [];
  let path: string | undefined = firstPath;
  while (path) {
    if (pages.length >= limit) throw new Error(`more than ${limit} pages from ${firstPath}`);
    const response: ApiResponse<{ items: T[]; pageSize: number; self: string; next?: string }> = await call('GET', path, { token });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    pages.push(response.body);
    path = response.body.next;
  }
  return { items: pages.flatMap((page) => page.items), pages };
}
