import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { NotificationJob } from '../../domain/notification';
import type { NotificationQueue } from '../../ports/notification-queue';

const MAX_IDS_PER_JOB = 500;

/** The notifications queue: every email goes through it to the notifier. */
export class SqsNotificationQueue implements NotificationQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(jobs: NotificationJob[]): Promise<void> {
    // SQS takes 256 KiB per batch: 10 jobs of at most 500 ids (~14 KiB each) stay well below.
    const parts = jobs.flatMap((job) =>
      Array.from({ length: Math.ceil(job.messageIds.length / MAX_IDS_PER_JOB) }, (_, index) => ({
        ...job,
        messageIds: job.messageIds.slice(index * MAX_IDS_PER_JOB, (index + 1) * MAX_IDS_PER_JOB),
      })),
    );
    for (let start = 0; start < parts.length; start += 10) {
      const batch = parts.slice(start, start + 10);
      const result = await this.sqs.send(
        new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: batch.map((job, index) => ({ Id: String(index), MessageBody: JSON.stringify(job) })) }),
      );
      if (result.Failed?.length) throw new Error(`SQS refused ${result.Failed.length} notification job(s): ${result.Failed[0]?.Code}`);
    }
  }
}
