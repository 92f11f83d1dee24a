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
