import { Duration } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { PRIVATE_BUCKET } from './private-bucket';

/** As long as the app's other logs (functions, API access log). */
const ACCESS_LOGS_RETENTION = Duration.days(30);

/**
 * Where S3 writes the server access logs of the app's buckets (documents, failed stream batches,
 * portal), one prefix each: who read, wrote or deleted which object, from where, whether through
 * the app or not. Private, SSE-S3 (server access logging takes no KMS key), TLS only.
 */
export class AccessLogsBucket extends Bucket {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      // Kept with the buckets it logs, which are kept too.
      ...PRIVATE_BUCKET,
      lifecycleRules: [{ id: 'access-logs', expiration: ACCESS_LOGS_RETENTION }],
    });
  }
}
