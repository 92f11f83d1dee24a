import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { NOTIFICATIONS_QUEUE } from '../definitions';
import { DeadLetterQueue, SecureQueue } from './secure-queue';

/** The queue every email goes through, and the dead-letter queue for those that keep failing. */
export class Notifications extends Construct {
  readonly queue: SecureQueue;
  readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue');
    this.queue = new SecureQueue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(NOTIFICATIONS_QUEUE.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: NOTIFICATIONS_QUEUE.maxReceiveCount },
    });
  }
}

/**
 * AWS advises a queue visibility timeout of at least six times the consumer's timeout, so a batch
 * being retried by Lambda is not handed to a second consumer meanwhile.
 */
export const NOTIFIER_TIMEOUT = Duration.seconds(NOTIFICATIONS_QUEUE.visibilityTimeoutSeconds / 6);
