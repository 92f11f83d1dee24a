import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { DEAD_LETTER_OUTPUTS, NOTIFICATIONS_QUEUE } from '../infra/definitions';

const HELP = `Usage: npm run redrive -- <dead-letter queue> [--outputs <file> | --local]

Gives failed work back, once its cause is fixed (the alarm of each dead-letter queue says when).

Dead-letter queues:
  notifications   Emails that kept failing (${NOTIFICATIONS_QUEUE.maxReceiveCount} receives). Moved back to the notifications queue,
                  where the notifier sends them; a message already emailed is not emailed again.
                  In AWS with SQS's own message move task; locally (fauxqs has none) one message at a time.
  daily-jobs      Daily runs EventBridge Scheduler could not start (expiry warnings, reconciliation of
                  documents). Nothing to move: each daily job does all that is pending, so its next run
                  catches up. Prints each failed run (job, time, error) and the command that runs the job
                  now, then deletes them.

Where the queues are:
  --outputs <file>  The stack's outputs, as \`npx cdk deploy --outputs-file <file>\` writes them
                    (default: cdk-outputs.json). Credentials come from the usual AWS settings (AWS_PROFILE…);
                    the region from AWS_REGION or the queue's URL.
  --local           The local runtime of \`npm start\`: SQS at http://127.0.0.1:$FAUXQS_PORT (4566).

Failed table-stream batches are not in a queue: replay them with
  aws lambda invoke --function-name <ReplayStreamFailuresFunctionName output> --cli-read-timeout 0 /dev/stdout
or, locally, POST /local/jobs/replay-stream-failures.
`;

type QueueName = keyof typeof DEAD_LETTER_OUTPUTS;
const queueNameSchema = z.enum(['notifications', 'daily-jobs']) satisfies z.ZodType<QueueName>;

/** `cdk deploy --outputs-file`: `{ "<stack>": { "<output>": "<value>" } }`. */
const outputsSchema = z.record(z.string(), z.record(z.string(), z.string()));
const messageSchema = z.object({
  Body: z.string(),
  ReceiptHandle: z.string(),
  MessageAttributes: z.record(z.string(), z.object({ DataType: z.string(), StringValue: z.string().optional() })).optional(),
});
type DeadLetter = z.infer<typeof messageSchema>;

interface Located {
  sqs: SQSClient;
  deadLetterUrl: string;
  /** Locally only: where the dead letters are moved by hand. */
  sourceUrl?: string;
}

function fail(message: string): never {
  console.error(`${message}\n\n${HELP}`);
  process.exit(2);
}

/** `https://sqs.eu-central-1.amazonaws.com/…` → `eu-central-1`. */
const regionOf = (queueUrl: string) => process.env.AWS_REGION ?? /^https:\/\/sqs\.([a-z0-9-]+)\./.exec(queueUrl)?.[1];

function fromOutputs(queue: QueueName, file: string): Located {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail(`No ${file}: deploy with \`npx cdk deploy --outputs-file ${file}\`, or name the file with --outputs.`);
  }
  const stacks = Object.values(outputsSchema.parse(JSON.parse(text)));
  const name = DEAD_LETTER_OUTPUTS[queue];
  const deadLetterUrl = stacks.map((outputs) => outputs[name]).find((value) => value !== undefined);
  if (!deadLetterUrl) fail(`${file} has no output ${name}: deploy the stack again, with --outputs-file.`);
  return { sqs: new SQSClient({ region: regionOf(deadLetterUrl) }), deadLetterUrl };
}

async function fromLocalRuntime(queue: QueueName): Promise<Located> {
  if (queue !== 'notifications') fail('The local runtime has no daily-jobs dead-letter queue: its timers are not EventBridge Scheduler.');
  const port = z.coerce.number().int().min(1).max(65_535).default(4566).parse(process.env.FAUXQS_PORT);
  const sqs = new SQSClient({ region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const urlOf = async (name: string) => z.string().parse((await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl);
  return { sqs, deadLetterUrl: await urlOf(NOTIFICATIONS_QUEUE.deadLetterName), sourceUrl: await urlOf(NOTIFICATIONS_QUEUE.name) };
}

/** Every message the queue holds now, each deleted once `handle` is done with it. */
async function drain(sqs: SQSClient, queueUrl: string, handle: (message: DeadLetter) => Promise<void>): Promise<number> {
  let count = 0;
  for (;;) {
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60, MessageAttributeNames: ['All'] }),
    );
    const messages = z.array(messageSchema).parse(received.Messages ?? []);
    if (messages.length === 0) return count;
    for (const message of messages) {
      await handle(message);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      count += 1;
    }
  }
}

/** SQS's message move task: back to the queue each message came from, then waits for it to finish. */
async function moveTask(sqs: SQSClient, deadLetterUrl: string): Promise<number> {
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['QueueArn'] }));
  const sourceArn = z.string().parse(attributes.Attributes?.QueueArn);
  const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: sourceArn }));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { Results } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: sourceArn, MaxResults: 10 }));
    const task = (Results ?? []).find((candidate) => candidate.TaskHandle === TaskHandle);
    if (task?.Status === 'COMPLETED') return task.ApproximateNumberOfMessagesMoved ?? 0;
    if (task?.Status === 'FAILED' || task?.Status === 'CANCELLED')
      throw new Error(`The message move task ${task.Status}: ${task.FailureReason ?? 'no reason given'}`);
  }
}

async function redriveNotifications({ sqs, deadLetterUrl, sourceUrl }: Located): Promise<void> {
  const moved = sourceUrl
    ? await drain(sqs, deadLetterUrl, async (message) => {
        await sqs.send(new SendMessageCommand({ QueueUrl: sourceUrl, MessageBody: message.Body, MessageAttributes: message.MessageAttributes }));
      })
    : await moveTask(sqs, deadLetterUrl);
  console.log(`Moved ${moved} notification job(s) back to the notifications queue.`);
}

async function reportDailyRuns({ sqs, deadLetterUrl }: Located): Promise<void> {
  const targets = new Set<string>();
  const count = await drain(sqs, deadLetterUrl, async (message) => {
    const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue ?? '?';
    targets.add(attribute('TARGET_ARN'));
    console.log(
      `${attribute('SCHEDULED_TIME')}  ${attribute('SCHEDULE_ARN')}\n  → ${attribute('TARGET_ARN')}: ${attribute('ERROR_CODE')} ${attribute('ERROR_MESSAGE')}`,
    );
  });
  console.log(`${count} daily run(s) could not be started. Each job catches up on its next run; to run one now:`);
  for (const target of targets) console.log(`  aws lambda invoke --function-name ${target} --cli-read-timeout 0 /dev/stdout`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { outputs: { type: 'string', default: 'cdk-outputs.json' }, local: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const queue = queueNameSchema.safeParse(positionals[0]);
  if (!queue.success || positionals.length !== 1) fail('Name one dead-letter queue.');
  const located = values.local ? await fromLocalRuntime(queue.data) : fromOutputs(queue.data, values.outputs);
  if (queue.data === 'notifications') await redriveNotifications(located);
  else await reportDailyRuns(located);
}

main().catch((error: unknown) => {
  console.error(`redrive failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
