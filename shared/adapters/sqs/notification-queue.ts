import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { NotificationJob } from '../../domain/notification';

/** The notifications queue: every email goes through it to the notifier. */
export class NotificationQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(jobs: NotificationJob[]): Promise<void> {
    for (let start = 0; start < jobs.length; start += 10) {
      const batch = jobs.slice(start, start + 10);
      const result = await this.sqs.send(
        new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: batch.map((job, index) => ({ Id: String(index), MessageBody: JSON.stringify(job) })) }),
      );
      if (result.Failed?.length) throw new Error(`SQS refused ${result.Failed.length} notification job(s): ${result.Failed[0]?.Code}`);
    }
  }
}
