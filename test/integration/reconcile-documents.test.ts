import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ulid } from 'ulid';
import { call, runJob } from './support/api';
import { advanceDays, batchWrite, clockNow, deleteRequests, messageDocuments, storedMessage } from './support/aws-inspect';
import { publish, samplePdf, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from './support/fixtures';

/**
 * The daily reconciliation: a PDF whose message (or company message) is gone is deleted even when
 * the stream consumer never cleaned up after it, while a live document and a folder still being
 * published are left alone. This file moves the shared clock forward and looks only at its own
 * company's objects.
 */
jest.setTimeout(60_000);

const BUCKET = 'ebox-local-documents';
let bucket: S3Client | undefined;
function s3(): S3Client {
  const endpoint = process.env.EBOX_FAUXQS_ENDPOINT;
  if (!endpoint) throw new Error('EBOX_FAUXQS_ENDPOINT is not set: run the tests through jest');
  bucket ??= new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return bucket;
}

const keysUnder = async (prefix: string) =>
  ((await s3().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((object) => object.Key);

interface Report {
  ran: string;
  folders: number;
  recent: number;
  orphans: number;
  pdfsDeleted: number;
}

async function reconcile(): Promise<Report> {
  const response = await runJob('reconcile-documents');
  expect(response.status).toBe(200);
  return response.body as unknown as Report;
}

describe('reconciliation of documents', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;

  beforeAll(async () => {
    [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
  });

  it('deletes the PDFs of a message and of a company message removed without their clean-up, and keeps a live document and a fresh folder', async () => {
    const n = company.enterpriseNumber;
    const orphan = await publish(sender, n);
    const live = await publish(sender, n);
    const sent = await call<{ id: string }>('POST', `/v1/enterprises/${n}/sent`, {
      token: company.manager.token,
      body: {
        to: sender.senderId,
        subject: 'Changement de siège',
        body: 'Notre siège déménage.',
        attachments: [{ fileName: 'statuts.pdf', mediaType: 'application/pdf', contentBase64: samplePdf('statuts').toString('base64') }],
      },
    });
    expect(sent.status).toBe(201);
    expect(await keysUnder(`company-messages/${n}/${sent.body.id}/`)).toHaveLength(1);

    await advanceDays(2);
    // Removed behind the e-Box's back: no TTL pass, no stream run to delete the PDFs.
    await batchWrite(
      deleteRequests([
        { pk: `ENT#${n}`, sk: `MSG#${orphan.messageId}` },
        { pk: `ENT#${n}`, sk: `SENT#${sent.body.id}` },
      ]),
    );
    expect(await storedMessage(n, orphan.messageId)).toBeUndefined();
    // A publication in flight: its PDF is written, its message not yet.
    const now = (await clockNow()).getTime();
    const inFlight = `documents/${n}/${ulid(now)}/${ulid(now)}.pdf`;
    await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: inFlight, Body: samplePdf('in flight'), ContentType: 'application/pdf' }));

    const report = await reconcile();
    expect(report).toMatchObject({ ran: 'reconcile-documents' });
    expect(report.orphans).toBeGreaterThanOrEqual(2);
    expect(report.recent).toBeGreaterThanOrEqual(1);

    expect(await messageDocuments(n, orphan.messageId)).toEqual([]);
    expect(await keysUnder(`company-messages/${n}/${sent.body.id}/`)).toEqual([]);
    expect(await messageDocuments(n, live.messageId)).toEqual([`documents/${n}/${live.messageId}/${live.attachments[0]?.attachmentId}.pdf`]);
    expect(await keysUnder(inFlight)).toEqual([inFlight]);
  });

  it('deletes a folder that never got its message once its day of grace is over, and is harmless to run again', async () => {
    const n = company.enterpriseNumber;
    await advanceDays(2);
    await reconcile();
    const left = await keysUnder(`documents/${n}/`);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^documents/${n}/[0-9A-Z]{26}/`));
    expect(await storedMessage(n, left[0]?.split('/')[2] ?? '')).toBeDefined();

    await reconcile();
    expect(await keysUnder(`documents/${n}/`)).toEqual(left);
  });
});
