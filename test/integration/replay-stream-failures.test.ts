import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { call, personToken, runJob } from './support/api';
import { advanceDays, drain, messageDocuments, storedMessage } from './support/aws-inspect';
import { publish, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from './support/fixtures';

/**
 * When the stream consumer keeps failing (here, S3 refusing deletes: POST /local/faults), the
 * stream mapping gives up after its retries and keeps the whole batch in the failures bucket, as
 * Lambda's S3 on-failure destination does. Once the cause is fixed, the replay job does the
 * consumer's work for it and forgets the batch. This file moves the shared clock forward.
 */
jest.setTimeout(60_000);

const FAILURES_BUCKET = 'ebox-local-stream-failures';
let client: S3Client | undefined;
function s3(): S3Client {
  const endpoint = process.env.EBOX_FAUXQS_ENDPOINT;
  if (!endpoint) throw new Error('EBOX_FAUXQS_ENDPOINT is not set: run the tests through jest');
  client ??= new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return client;
}

/** Enough of Lambda's failure record to find the batches that hold a message's removal. */
const failureRecord = z.object({
  DDBStreamBatchInfo: z.object({ shardId: z.string(), batchSize: z.number() }),
  payload: z.string(),
});
const payload = z.object({
  Records: z.array(z.object({ eventName: z.string(), dynamodb: z.object({ OldImage: z.object({ messageId: z.object({ S: z.string() }) }).optional() }) })),
});

/** The keys of the kept batches that hold the removal of `messageId`. */
async function batchesRemoving(messageId: string): Promise<string[]> {
  const listed = await s3().send(new ListObjectsV2Command({ Bucket: FAILURES_BUCKET, Prefix: 'aws/lambda/' }));
  const found: string[] = [];
  for (const { Key } of listed.Contents ?? []) {
    const object = await s3().send(new GetObjectCommand({ Bucket: FAILURES_BUCKET, Key }));
    const record = failureRecord.parse(JSON.parse((await object.Body?.transformToString()) ?? ''));
    const { Records } = payload.parse(JSON.parse(record.payload));
    expect(record.DDBStreamBatchInfo.batchSize).toBe(Records.length);
    if (Records.some((entry) => entry.eventName === 'REMOVE' && entry.dynamodb.OldImage?.messageId.S === messageId) && Key) found.push(Key);
  }
  return found;
}

async function setS3DeletesFailing(failing: boolean): Promise<void> {
  const response = await call<{ s3Deletes: boolean }>('POST', '/local/faults', { body: { s3Deletes: failing } });
  expect(response.body.s3Deletes).toBe(failing);
}

interface ReplayReport {
  ran: string;
  batches: number;
  replayed: number;
  failed: number;
}

async function replay(): Promise<ReplayReport> {
  const response = await runJob('replay-stream-failures');
  expect(response.status).toBe(200);
  return response.body as unknown as ReplayReport;
}

describe('replay of failed stream batches', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;

  beforeAll(async () => {
    [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
  });

  afterEach(() => setS3DeletesFailing(false));

  it('keeps a batch the consumer kept failing on, whole, and replays it once the cause is fixed: PDF deleted, removal recorded, batch forgotten', async () => {
    const n = company.enterpriseNumber;
    await drain();
    const message = await publish(sender, n, { documentType: 'REMINDER', validityDays: 1 });
    await runJob('stream');
    await advanceDays(2);

    await setS3DeletesFailing(true);
    expect((await runJob('ttl')).status).toBe(200);
    expect(await storedMessage(n, message.messageId)).toBeUndefined();
    expect((await runJob('stream')).status).toBe(200);
    // The consumer could not delete the PDF: after its retries, the batch is in the failures bucket, its records with it.
    const kept = await batchesRemoving(message.messageId);
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(await messageDocuments(n, message.messageId)).toHaveLength(1);

    // While the cause lasts, a replay fails again and keeps the batch.
    expect((await replay()).failed).toBeGreaterThanOrEqual(kept.length);
    expect(await batchesRemoving(message.messageId)).toEqual(kept);

    await setS3DeletesFailing(false);
    const report = await replay();
    expect(report.replayed).toBeGreaterThanOrEqual(kept.length);
    expect(await messageDocuments(n, message.messageId)).toEqual([]);
    expect(await batchesRemoving(message.messageId)).toEqual([]);

    // The rest of the consumer's work: the unread message left the count; its expiry and deletion are in the audit trail, once.
    const token = await personToken(company.manager.ssin, company.manager.name);
    const profile = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${n}`, { token });
    expect(profile.body.unreadCount).toBe(0);
    const audit = await call<{ items: Array<{ action: string; messageId?: string }> }>('GET', `/v1/enterprises/${n}/audit?pageSize=100`, { token });
    expect(
      audit.body.items
        .filter((entry) => entry.messageId === message.messageId && entry.action !== 'MESSAGE_PUBLISHED')
        .map((entry) => entry.action)
        .sort(),
    ).toEqual(['MESSAGE_DELETED', 'MESSAGE_EXPIRED']);
  });
});
