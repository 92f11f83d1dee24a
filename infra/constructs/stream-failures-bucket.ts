import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { PRIVATE_BUCKET } from './private-bucket';

/**
 * How long a failed stream batch is kept: as long as a dead-letter queue keeps its messages (14
 * days, time enough to look and replay), no longer, since each batch holds company data
 * (subjects, enterprise numbers). A replay within that time is still exactly-once: the removal
 * tombstones that make a repeated clean-up a no-op live 30 days (items/tombstone.ts).
 */
const STREAM_FAILURES_RETENTION = Duration.days(14);

/** S3 request metrics of the whole bucket (a metrics configuration), so a saved batch can raise an alarm. */
const REQUEST_METRICS_ID = 'saved-batches';

/**
 * Where the table stream's event source mapping writes a batch whose retries are spent: the whole
 * invocation record, records included (an SQS destination would get only their stream positions,
 * useless once the stream forgets them after 24 hours). Private, encrypted, TLS only, kept when
 * the stack goes; unversioned, so that a replayed batch is gone once deleted.
 */
export class StreamFailuresBucket extends Bucket {
  /** `accessLogs`: where its server access logs go (AccessLogsBucket). */
  constructor(scope: Construct, id: string, accessLogs: IBucket) {
    super(scope, id, {
      ...PRIVATE_BUCKET,
      lifecycleRules: [{ id: 'failed-stream-batches', expiration: STREAM_FAILURES_RETENTION }],
      metrics: [{ id: REQUEST_METRICS_ID }],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'stream-failures-bucket/',
    });
  }

  /** Batches Lambda saved here (each one a PUT), over 5 minutes. */
  metricSavedBatches(): Metric {
    return new Metric({
      namespace: 'AWS/S3',
      metricName: 'PutRequests',
      dimensionsMap: { BucketName: this.bucketName, FilterId: REQUEST_METRICS_ID },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
  }
}
