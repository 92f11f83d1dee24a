import { ChangeMessageVisibilityCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { AwsClients } from '../../shared/adapters/aws-clients';
import { logger } from '../../shared/logger';

type QueueHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

/**
 * The local event source mapping of an SQS queue: receives batches of up to 10 and invokes the
 * consumer with the event Lambda would send, deleting what succeeded. Failed messages become
 * visible again at once (AWS waits for the visibility timeout) so retries and the dead-letter
 * redrive can be seen without waiting minutes.
 */
export class QueuePoller {
  private arn?: string;

  constructor(
    private readonly clients: AwsClients,
    private readonly queueUrl: string,
    private readonly handler: QueueHandler,
  ) {}

  /** Delivers until the queue is empty; returns the number of deliveries. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const received = await this.clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: this.queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const messages = received.Messages ?? [];
      if (messages.length === 0) return delivered;
      delivered += messages.length;
      const records = await Promise.all(messages.map((message) => this.toRecord(message)));
      let failed = new Set<string>();
      try {
        const response = await this.handler({ Records: records });
        failed = new Set(response?.batchItemFailures?.map((failure) => failure.itemIdentifier) ?? []);
      } catch (error) {
        logger.warn('queue consumer failed', { error: error as Error });
        failed = new Set(records.map((record) => record.messageId));
      }
      const done = records.filter((record) => !failed.has(record.messageId));
      if (done.length) {
        await this.clients.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: done.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
          }),
        );
      }
      for (const record of records.filter((candidate) => failed.has(candidate.messageId))) {
        await this.clients.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: this.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: 0 }));
      }
    }
  }

  private async toRecord(message: Message): Promise<SQSRecord> {
    this.arn ??=
      (await this.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn ?? '';
    const attributes = message.Attributes ?? {};
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
        SenderId: attributes.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: message.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: 'eu-west-1',
    };
  }
}
