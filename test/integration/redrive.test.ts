import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { drain, emailsSince, job, NOTIFICATIONS_DLQ_NAME, queueUrl, receiveAll, setSesFailing, sqs } from './support/aws-inspect';
import { publish, setupEnterprise, setupSender } from './support/fixtures';

/**
 * `npm run redrive -- notifications --local`: after SES failed long enough for a notification to
 * be dead-lettered, the script moves it back to the notifications queue, and the notifier sends it.
 */
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** The script as `npm run redrive -- …` runs it, against this run's local runtime. */
function redrive(...args: string[]) {
  const port = new URL(z.string().parse(process.env.EBOX_FAUXQS_ENDPOINT)).port;
  return run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/redrive.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, FAUXQS_PORT: port },
  });
}

const jobSchema = z.object({ enterpriseNumber: z.string() });

/** How many dead letters are about this company; every one received is made visible again at once. */
async function deadLettersOf(enterpriseNumber: string): Promise<number> {
  const received = await receiveAll(NOTIFICATIONS_DLQ_NAME);
  for (const message of received) {
    await sqs().send(
      new ChangeMessageVisibilityCommand({ QueueUrl: await queueUrl(NOTIFICATIONS_DLQ_NAME), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }),
    );
  }
  return received.filter((message) => jobSchema.safeParse(JSON.parse(message.Body ?? '{}')).data?.enterpriseNumber === enterpriseNumber).length;
}

describe('npm run redrive', () => {
  afterEach(() => setSesFailing(false));

  it('moves a dead-lettered notification back to its queue, where the notifier sends it', async () => {
    const [sender, company] = await Promise.all([setupSender(), setupEnterprise({ language: 'fr' })]);
    const snapshot = await drain();
    await setSesFailing(true);
    await publish(sender, company.enterpriseNumber, { subject: { fr: 'Avis à renvoyer' } });
    await job('stream');
    await job('notifier');
    expect(await deadLettersOf(company.enterpriseNumber)).toBe(1);
    await setSesFailing(false);

    const { stdout } = await redrive('notifications', '--local');
    expect(stdout).toMatch(/^Moved [1-9]\d* notification job\(s\) back to the notifications queue\.$/m);
    expect(await deadLettersOf(company.enterpriseNumber)).toBe(0);

    await job('notifier');
    const sent = await emailsSince(snapshot, company.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('Avis à renvoyer');
  });

  it('says in --help what redrive means for each dead-letter queue, and refuses a queue it does not know', async () => {
    const { stdout } = await redrive('--help');
    expect(stdout).toContain('notifications');
    expect(stdout).toContain('daily-jobs');
    expect(stdout).toContain('--outputs');
    await expect(redrive('stream-failures', '--local')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Name one dead-letter queue.') });
  });
});
