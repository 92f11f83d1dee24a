import type { Message as SqsMessage } from '@aws-sdk/client-sqs';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import {
  deleteMessage,
  drain,
  emailsSince,
  job,
  NOTIFICATIONS_DLQ_NAME,
  NOTIFICATIONS_QUEUE_NAME,
  queueUrl,
  receiveAll,
  sendMessage,
  setSesFailing,
  sqs,
} from './support/aws-inspect';
import { publish, setupEnterprise, setupSender, type SenderSetup } from './support/fixtures';

/**
 * SES failures: the notifier reports the failed job back to the queue, which redelivers it until
 * maxReceiveCount (5, infra/definitions.ts), then moves it to `notifications-dlq`. Nothing is
 * emailed while SES fails and nothing is lost: redriving the dead letter later sends it once.
 */
jest.setTimeout(60_000);

const MAX_RECEIVE_COUNT = 5;

interface Job {
  kind: string;
  enterpriseNumber: string;
  messageIds: string[];
  traceIds?: string[];
}

/** The dead letters about one company; others' are made visible again at once. */
async function deadLettersOf(enterpriseNumber: string): Promise<Array<{ message: SqsMessage; job: Job }>> {
  const all = await receiveAll(NOTIFICATIONS_DLQ_NAME);
  const mine: Array<{ message: SqsMessage; job: Job }> = [];
  for (const message of all) {
    let parsed: Job | undefined;
    try {
      parsed = JSON.parse(message.Body ?? '') as Job;
    } catch {
      parsed = undefined;
    }
    if (parsed?.enterpriseNumber === enterpriseNumber) mine.push({ message, job: parsed });
    else {
      await sqs().send(
        new ChangeMessageVisibilityCommand({ QueueUrl: await queueUrl(NOTIFICATIONS_DLQ_NAME), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }),
      );
    }
  }
  return mine;
}

describe('notifications when SES fails', () => {
  let sender: SenderSetup;
  const leftovers: SqsMessage[] = [];

  beforeAll(async () => {
    sender = await setupSender();
  });

  afterEach(async () => {
    await setSesFailing(false);
    for (const message of leftovers.splice(0)) await deleteMessage(NOTIFICATIONS_DLQ_NAME, message).catch(() => undefined);
  });

  it('retries a failing send up to maxReceiveCount, then dead-letters the job; redriving it after SES recovers sends it once', async () => {
    const company = await setupEnterprise({ language: 'fr' });
    const snapshot = await drain();

    await setSesFailing(true);
    const message = (await publish(sender, company.enterpriseNumber, { subject: { fr: 'Avis en échec' } })) as unknown as { messageId: string };
    await job('stream');
    const notifier = await job('notifier');
    // The only job in the queue was delivered maxReceiveCount times, each one failing.
    expect(notifier).toEqual({ ran: 'notifier', messages: MAX_RECEIVE_COUNT });
    expect(await emailsSince(snapshot, company.email)).toEqual([]);

    // Nothing is left in the notifications queue; the dead-letter queue holds the job, intact.
    expect(await receiveAll(NOTIFICATIONS_QUEUE_NAME, 0)).toEqual([]);
    const dead = await deadLettersOf(company.enterpriseNumber);
    leftovers.push(...dead.map((entry) => entry.message));
    // The publication's BelGov-Trace-Id travels with the job, for the notifier's logs.
    expect(dead.map((entry) => entry.job)).toEqual([
      {
        kind: 'NEW_MESSAGES',
        enterpriseNumber: company.enterpriseNumber,
        messageIds: [message.messageId],
        traceIds: [expect.stringMatching(/^[0-9a-f-]{36}$/)],
      },
    ]);
    // Its receive count carried over: the 5 failed deliveries, plus this inspection.
    expect(Number(dead[0]!.message.Attributes?.ApproximateReceiveCount)).toBeGreaterThan(MAX_RECEIVE_COUNT);

    // Running the notifier again (SES still failing) finds nothing to do.
    expect(await job('notifier')).toEqual({ ran: 'notifier', messages: 0 });

    // SES recovers; an operator redrives the dead letter: exactly one email, naming the message.
    await setSesFailing(false);
    await sendMessage(NOTIFICATIONS_QUEUE_NAME, dead[0]!.message.Body!);
    await deleteMessage(NOTIFICATIONS_DLQ_NAME, dead[0]!.message);
    leftovers.splice(0);
    expect(await job('notifier')).toEqual({ ran: 'notifier', messages: 1 });
    const sent = await emailsSince(snapshot, company.email);
    expect(sent.map((email) => email.subject)).toEqual([`Nouveau document dans l'e-Box de Company ${company.enterpriseNumber}`]);
    expect(sent[0]!.text).toContain('Avis en échec');

    // The claim was confirmed: redriving the same job again does not email twice.
    await sendMessage(NOTIFICATIONS_QUEUE_NAME, dead[0]!.message.Body!);
    expect(await job('notifier')).toEqual({ ran: 'notifier', messages: 1 });
    expect(await emailsSince(snapshot, company.email)).toHaveLength(1);
    expect(await deadLettersOf(company.enterpriseNumber)).toEqual([]);
  });

  it('a send that fails while SES is down does not use up the message: once SES is back, a new run emails it', async () => {
    const company = await setupEnterprise({ language: 'nl' });
    const snapshot = await drain();
    await setSesFailing(true);
    await publish(sender, company.enterpriseNumber, { subject: { nl: 'Bericht na storing' } });
    await job('stream');
    await job('notifier');
    expect(await emailsSince(snapshot, company.email)).toEqual([]);
    const dead = await deadLettersOf(company.enterpriseNumber);
    leftovers.push(...dead.map((entry) => entry.message));
    expect(dead).toHaveLength(1);

    // The failed attempts released their claims: the redriven job is sent in full.
    await setSesFailing(false);
    await sendMessage(NOTIFICATIONS_QUEUE_NAME, dead[0]!.message.Body!);
    await job('notifier');
    const sent = await emailsSince(snapshot, company.email);
    expect(sent.map((email) => email.subject)).toEqual([`Nieuw document in de e-Box van Company ${company.enterpriseNumber}`]);
    expect(sent[0]!.text).toContain('Bericht na storing');
  });
});
