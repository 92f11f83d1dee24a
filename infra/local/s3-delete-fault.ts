import type { S3Client } from '@aws-sdk/client-s3';

export interface S3DeleteFault {
  /** While true, the documents bucket refuses every delete, as S3 does when it is unavailable. */
  failing: boolean;
}

const DELETES = new Set(['DeleteObjectCommand', 'DeleteObjectsCommand']);

/**
 * Lets a developer or a test make the documents bucket refuse deletes (POST /local/faults
 * `{"s3Deletes": true}`), to watch the stream consumer fail, its batch land in the failures bucket
 * and the replay job redo it, without touching product code. It sits in the handlers' own S3
 * client, before the SDK's retries, and leaves other buckets alone.
 */
export function injectS3DeleteFault(s3: S3Client, documentsBucket: string): S3DeleteFault {
  const fault: S3DeleteFault = { failing: false };
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const { input } = args;
      if (fault.failing && DELETES.has(context.commandName ?? '') && 'Bucket' in input && input.Bucket === documentsBucket)
        throw Object.assign(new Error('Deleting is failing on purpose (POST /local/faults)'), { name: 'ServiceUnavailable' });
      return next(args);
    },
    { step: 'initialize', name: 'eboxS3DeleteFault' },
  );
  return fault;
}
