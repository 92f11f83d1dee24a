import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** An SQS queue encrypted at rest (SQS managed keys) that refuses requests without TLS. */
export class SecureQueue extends Queue {
  constructor(scope: Construct, id: string, props: Omit<QueueProps, 'encryption' | 'enforceSSL'> = {}) {
    super(scope, id, { ...props, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
  }
}

/** How long a dead-letter queue keeps what failed: SQS's maximum, time enough to look. */
export const DEAD_LETTER_RETENTION = Duration.days(14);
