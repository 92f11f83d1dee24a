import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStore } from '../../../shared/adapters/s3/document-store';
import { UploadUnavailableError } from '../../../shared/domain/errors';

/** An S3 client whose every call fails as S3 would, before anything leaves the process. */
function failingS3(name: string): S3Client {
  const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  client.middlewareStack.add(
    () => async () => {
      throw Object.assign(new Error(`S3 says ${name}`), { name });
    },
    { step: 'initialize', name: 'fail' },
  );
  return client;
}

const upload = { of: 'upload', senderId: 'onss', uploadId: '01JD5Z3M8Q0000000000000000' } as const;
const target = { of: 'message', enterpriseNumber: '0123456749', messageId: '01JD5Z3M8Q0000000000000001', attachmentId: '01JD5Z3M8Q0000000000000002' } as const;

describe('S3 answers, as the document store translates them', () => {
  it.each(['NoSuchKey', 'NotFound', 'AccessDenied'])(
    '%s on reading an upload: nothing was uploaded (S3 says AccessDenied for a missing key without ListBucket)',
    async (name) => {
      await expect(new S3DocumentStore(failingS3(name), 'bucket', 300).inspect(upload)).resolves.toBeUndefined();
    },
  );

  it('another failure stays a failure', async () => {
    await expect(new S3DocumentStore(failingS3('SlowDown'), 'bucket', 300).inspect(upload)).rejects.toThrow('S3 says SlowDown');
  });

  it.each(['NoSuchKey', 'PreconditionFailed', 'AccessDenied'])('%s on copying an upload: the upload is unavailable', async (name) => {
    await expect(new S3DocumentStore(failingS3(name), 'bucket', 300).copy(upload, target, '"etag"')).rejects.toThrow(UploadUnavailableError);
  });
});

describe('putting a PDF', () => {
  /** An S3 client that answers 200 to everything and keeps the headers of what it was asked to send, signed. */
  function recordingS3() {
    const sent: Array<Record<string, string>> = [];
    const client = new S3Client({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: {
        handle: async (request: { headers: Record<string, string> }) => {
          sent.push(request.headers);
          return { response: { statusCode: 200, headers: {}, body: undefined } };
        },
      },
    });
    return { client, sent };
  }

  it('signs with the digest taken at publication rather than hashing the bytes again, and asks S3 to check it', async () => {
    const { client, sent } = recordingS3();
    const bytes = Buffer.from('%PDF-1.4 test');
    const digest = createHash('sha256').update(bytes).digest('hex');
    await new S3DocumentStore(client, 'bucket', 300).put(target, bytes, digest);
    expect(sent[0]?.['x-amz-content-sha256']).toBe(digest);
    expect(sent[0]?.['x-amz-checksum-sha256']).toBe(Buffer.from(digest, 'hex').toString('base64'));
    expect(sent[0]?.authorization).toContain('SignedHeaders=');

    // Proof that the SDK takes the digest as given: another one is signed as it is (S3 would refuse it).
    const other = createHash('sha256').update('other bytes').digest('hex');
    await new S3DocumentStore(client, 'bucket', 300).put(target, bytes, other);
    expect(sent[1]?.['x-amz-content-sha256']).toBe(other);
  });
});
