import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AwsHealthProbe } from '../../../shared/adapters/health-probe';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** What the stub needs of a client: its middleware stack (the SDK's own types differ per client). */
interface Stackable {
  middlewareStack: { add(middleware: () => () => Promise<unknown>, options: { step: 'initialize'; name: string }): void };
}

/** A client whose every call ends as `answer` says, before anything leaves the process; `calls` counts them. */
function stubbed<C extends object>(client: C, answer: () => Promise<unknown>): C & { calls: number } {
  const counted = Object.assign(client, { calls: 0 });
  (client as unknown as Stackable).middlewareStack.add(
    () => async () => {
      counted.calls += 1;
      return { output: (await answer()) as never, response: {} };
    },
    { step: 'initialize', name: 'stub' },
  );
  return counted;
}

const failWith = (name: string) => () => Promise.reject(Object.assign(new Error(`AWS says ${name}`), { name }));
const answerNothing = () => Promise.resolve({ $metadata: {} });
const never = () => new Promise<never>(() => {});

const table = (answer: () => Promise<unknown>) => stubbed(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1', credentials })), answer);
const bucket = (answer: () => Promise<unknown>) => stubbed(new S3Client({ region: 'eu-west-1', credentials }), answer);

describe('the health probe', () => {
  it('is UP when the table answers the absent item and the bucket says the key does not exist', async () => {
    const probe = new AwsHealthProbe(table(answerNothing), 't', bucket(failWith('NoSuchKey')), 'b');
    await expect(probe.check()).resolves.toEqual({ status: 'UP', details: { datastore: { status: 'UP' }, documentStore: { status: 'UP' } } });
  });

  it('counts AccessDenied as an answer: without s3:ListBucket, S3 says so of an absent key', async () => {
    const probe = new AwsHealthProbe(table(answerNothing), 't', bucket(failWith('AccessDenied')), 'b');
    await expect(probe.check()).resolves.toMatchObject({ status: 'UP' });
  });

  it('is DOWN, naming the dependency, when the table fails or the bucket is gone', async () => {
    const tableDown = new AwsHealthProbe(table(failWith('ResourceNotFoundException')), 't', bucket(failWith('NoSuchKey')), 'b');
    await expect(tableDown.check()).resolves.toEqual({ status: 'DOWN', details: { datastore: { status: 'DOWN' }, documentStore: { status: 'UP' } } });
    const bucketGone = new AwsHealthProbe(table(answerNothing), 't', bucket(failWith('NoSuchBucket')), 'b');
    await expect(bucketGone.check()).resolves.toEqual({ status: 'DOWN', details: { datastore: { status: 'UP' }, documentStore: { status: 'DOWN' } } });
  });

  it('gives up on a store that does not answer in time', async () => {
    const probe = new AwsHealthProbe(table(never), 't', bucket(failWith('NoSuchKey')), 'b', { timeoutMs: 50 });
    await expect(probe.check()).resolves.toMatchObject({ status: 'DOWN', details: { datastore: { status: 'DOWN' } } });
  });

  it('reuses a report for a while, so that a flood of /health calls reads nothing more', async () => {
    let now = 0;
    const dynamo = table(answerNothing);
    const s3 = bucket(failWith('NoSuchKey'));
    const probe = new AwsHealthProbe(dynamo, 't', s3, 'b', { cacheMs: 10_000, now: () => now });
    await probe.check();
    now = 9_999;
    await probe.check();
    expect([dynamo.calls, s3.calls]).toEqual([1, 1]);
    now = 10_000;
    await probe.check();
    expect([dynamo.calls, s3.calls]).toEqual([2, 2]);
  });
});
