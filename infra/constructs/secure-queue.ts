import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';

/** An SQS queue encrypted at rest (SQS managed keys) that refuses requests without TLS. */
export class SecureQueue extends Queue {
  constructor(scope: Construct, id: string, props: Omit<QueueProps, 'encryption' | 'enforceSSL'> = {}) {
    super(scope, id, { ...props, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
  }
}

/** How long a dead-letter queue keeps what failed: SQS's maximum, time enough to look. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * Where work lands once its retries are spent. Every one is watched (an alarm on its first
 * message) and can be moved back to its source with `npm run redrive`.
 */
export class DeadLetterQueue extends SecureQueue {
  constructor(scope: Construct, id: string) {
    super(scope, id, { retentionPeriod: DEAD_LETTER_RETENTION });
    acknowledge(this, 'the end of the line: its first message raises an alarm and npm run redrive moves messages back', 'Serverless-SQSRedrivePolicy');
  }
}
