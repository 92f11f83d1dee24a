import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Jobs } from '../../infra/constructs/jobs';
import { DEAD_LETTER_OUTPUTS } from '../../infra/definitions';
import { EboxStack } from '../../infra/ebox-stack';

/*
 * The jobs as the stack deploys them: how failed work is kept and given back (schedule retries and
 * dead letters, whole failed stream batches in a bucket), the reconciliation of documents, the
 * concurrency kept for each job, and the least privilege of the two new functions. Only the
 * template matters: bundling is skipped.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
const stack = new EboxStack(app, 'EboxEnterprise', { env: { account: '123456789012', region: 'eu-central-1' } });
const template = Template.fromStack(stack);
const jobs = stack.node.findChild('Jobs');

type GetAtt = { 'Fn::GetAtt': [string, string] };
type Ref = { Ref: string };
interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}
interface FunctionProperties {
  Description: string;
  Role: GetAtt;
  ReservedConcurrentExecutions?: number;
  Environment: { Variables: Record<string, unknown> };
}

function resources<P>(type: string): Array<{ id: string; properties: P; resource: Record<string, unknown> }> {
  const found = template.findResources(type) as Record<string, { Properties: P }>;
  return Object.entries(found).map(([id, resource]) => ({ id, properties: resource.Properties, resource }));
}

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0] as T;
}

const functions = resources<FunctionProperties>('AWS::Lambda::Function');
const functionById = (id: string) =>
  only(
    functions.filter((fn) => fn.id === id),
    `function ${id}`,
  );
const functionByDescription = (prefix: string) =>
  only(
    functions.filter((fn) => fn.properties.Description?.startsWith(prefix)),
    `function "${prefix}…"`,
  );

const tableId = only(resources('AWS::DynamoDB::Table'), 'table').id;
const buckets = resources<{ LifecycleConfiguration?: { Rules: Array<{ Prefix?: string }> } }>('AWS::S3::Bucket');
const documentsBucketId = only(
  buckets.filter((bucket) => bucket.properties.LifecycleConfiguration?.Rules.some((rule) => rule.Prefix === 'uploads/')),
  'documents bucket',
).id;
const queues = resources<{ RedrivePolicy?: unknown; MessageRetentionPeriod?: number }>('AWS::SQS::Queue');
const notificationsQueueId = only(
  queues.filter((queue) => queue.properties.RedrivePolicy),
  'notifications queue',
).id;

const mappings = resources<{ EventSourceArn: GetAtt; FunctionName: Ref; DestinationConfig?: { OnFailure: { Destination: GetAtt } } }>(
  'AWS::Lambda::EventSourceMapping',
);
const mappingOn = (sourceId: string) =>
  only(
    mappings.filter((mapping) => mapping.properties.EventSourceArn['Fn::GetAtt'][0] === sourceId),
    `mapping on ${sourceId}`,
  );
const streamMapping = mappingOn(tableId);
const onTableChange = functionById(streamMapping.properties.FunctionName.Ref);
const notifier = functionById(mappingOn(notificationsQueueId).properties.FunctionName.Ref);
const failuresBucketId = streamMapping.properties.DestinationConfig?.OnFailure.Destination['Fn::GetAtt'][0] ?? '';

interface ScheduleProperties {
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  Target: { Arn: GetAtt; RoleArn: GetAtt; RetryPolicy?: unknown; DeadLetterConfig?: { Arn: GetAtt } };
}
const schedules = resources<ScheduleProperties>('AWS::Scheduler::Schedule');
const scheduleOf = (fn: { id: string }) =>
  only(
    schedules.filter((schedule) => schedule.properties.Target.Arn['Fn::GetAtt'][0] === fn.id),
    `schedule of ${fn.id}`,
  );
const expiryWarnings = functionByDescription('Daily: queues one expiry-warning digest');
const reconcile = functionByDescription('Daily: deletes the PDFs of documents that are gone');
const replay = functionByDescription('On demand: replays the table-stream batches');

const policies = resources<{ Roles: Ref[]; PolicyDocument: { Statement: Statement[] } }>('AWS::IAM::Policy');
const statementsOfRole = (roleId: string) =>
  policies.filter((policy) => policy.properties.Roles.some((role) => role.Ref === roleId)).flatMap((policy) => policy.properties.PolicyDocument.Statement);
/** The function's own statements; X-Ray tracing (every function's) aside. */
const grantsOf = (fn: { properties: FunctionProperties }) =>
  statementsOfRole(fn.properties.Role['Fn::GetAtt'][0])
    .map((statement) => ({ ...statement, Action: [statement.Action].flat().filter((action) => !action.startsWith('xray:')) }))
    .filter((statement) => statement.Action.length > 0);

const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const objectsOf = (id: string, pattern: string) => ({ 'Fn::Join': ['', [arnOf(id), `/${pattern}`]] });

describe('the daily schedules', () => {
  it('run the expiry warnings at 06:00 and the reconciliation of documents at 03:00, Brussels time, both listed as daily jobs', () => {
    expect(scheduleOf(expiryWarnings).properties).toMatchObject({ ScheduleExpression: 'cron(0 6 * * ? *)', ScheduleExpressionTimezone: 'Europe/Brussels' });
    expect(scheduleOf(reconcile).properties).toMatchObject({ ScheduleExpression: 'cron(0 3 * * ? *)', ScheduleExpressionTimezone: 'Europe/Brussels' });
    expect(schedules).toHaveLength(2);
    // Jobs.daily is what the monitoring watches as "must run, and succeed, once a day".
    if (!(jobs instanceof Jobs)) throw new Error('no Jobs construct');
    expect(jobs.daily.map((job) => stack.resolve(job.functionArn))).toEqual([arnOf(expiryWarnings.id), arnOf(reconcile.id)]);
  });

  it('retry starting a job for an hour at most, then hand the run to a dead-letter queue the scheduler may write to', () => {
    const deadLetterIds = new Set<string>();
    for (const schedule of schedules) {
      expect(schedule.properties.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 });
      const deadLetterId = schedule.properties.Target.DeadLetterConfig?.Arn['Fn::GetAtt'][0] ?? '';
      deadLetterIds.add(deadLetterId);
      const roleStatements = statementsOfRole(schedule.properties.Target.RoleArn['Fn::GetAtt'][0]);
      expect(roleStatements).toContainEqual(expect.objectContaining({ Action: 'sqs:SendMessage', Resource: arnOf(deadLetterId) }));
    }
    // One queue for both, a DeadLetterQueue (14 days, encrypted), so that it is watched and redriven like the others.
    const [deadLetterId] = [...deadLetterIds];
    expect(deadLetterIds.size).toBe(1);
    expect(
      only(
        queues.filter((queue) => queue.id === deadLetterId),
        'daily dead-letter queue',
      ).properties,
    ).toEqual({
      MessageRetentionPeriod: 14 * 86_400,
      SqsManagedSseEnabled: true,
    });
    template.hasOutput(DEAD_LETTER_OUTPUTS['daily-jobs'], { Value: { Ref: deadLetterId } });
  });
});

describe('failed stream batches', () => {
  it('are written whole to a bucket by the stream mapping (S3 on-failure destination), no longer to a queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: arnOf(failuresBucketId) } },
    });
    expect(buckets.map((bucket) => bucket.id)).toContain(failuresBucketId);
    // The mapping writes with the consumer's role.
    const writes = grantsOf(onTableChange).filter((statement) => JSON.stringify(statement.Resource).includes(`"${failuresBucketId}"`));
    expect(writes.flatMap((statement) => statement.Action)).toContain('s3:PutObject');
  });

  it('are kept in a private, encrypted, TLS-only bucket for 14 days, which the stack keeps when it goes', () => {
    const bucket = only(
      buckets.filter((candidate) => candidate.id === failuresBucketId),
      'failures bucket',
    );
    expect(bucket.properties).toEqual({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: [{ Id: 'failed-stream-batches', ExpirationInDays: 14, Status: 'Enabled' }] },
      // Request metrics, for the alarm on a saved batch (monitoring).
      MetricsConfigurations: [{ Id: 'saved-batches' }],
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) }, LogFilePrefix: 'stream-failures-bucket/' },
    });
    expect(bucket.resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: failuresBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
    template.hasOutput('StreamFailuresBucketName', { Value: { Ref: failuresBucketId } });
  });

  it('are replayed by a function of their own, the only one told where they are', () => {
    expect(replay.properties.Environment.Variables.STREAM_FAILURES_BUCKET).toEqual({ Ref: failuresBucketId });
    for (const fn of functions.filter((other) => other.id !== replay.id)) expect(fn.properties.Environment?.Variables?.STREAM_FAILURES_BUCKET).toBeUndefined();
    template.hasOutput('ReplayStreamFailuresFunctionName', { Value: { Ref: replay.id } });
  });
});

describe('reserved concurrency', () => {
  const reserved = new Map([
    [onTableChange.id, 10],
    [notifier.id, 5],
    [expiryWarnings.id, 1],
    [reconcile.id, 1],
    [replay.id, 1],
  ]);

  it('keeps a small share for each job, and none for the API functions, leaving the account 100 unreserved and more', () => {
    for (const fn of functions) expect([fn.id, fn.properties.ReservedConcurrentExecutions]).toEqual([fn.id, reserved.get(fn.id)]);
    const total = [...reserved.values()].reduce((sum, value) => sum + value, 0);
    expect(total).toBeLessThanOrEqual(1000 - 100);
  });

  it('caps the notifications mapping at the notifier’s reservation, so that no batch is throttled into a receive', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arnOf(notificationsQueueId),
      ScalingConfig: { MaximumConcurrency: reserved.get(notifier.id) },
    });
  });
});

describe('least privilege of the new jobs', () => {
  it('lets the reconciliation list the two document areas (never uploads), delete in them, and read the table by key: nothing else', () => {
    expect(grantsOf(reconcile)).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: arnOf(documentsBucketId),
        Condition: { StringLike: { 's3:prefix': ['documents/*', 'company-messages/*'] } },
      },
      {
        Effect: 'Allow',
        Action: ['s3:DeleteObject'],
        Resource: [objectsOf(documentsBucketId, 'company-messages/*'), objectsOf(documentsBucketId, 'documents/*')],
      },
      { Effect: 'Allow', Action: ['dynamodb:BatchGetItem'], Resource: arnOf(tableId) },
    ]);
  });

  it("lets the replay read and delete the kept batches, then do the stream consumer's writes: nothing else", () => {
    expect(grantsOf(replay)).toEqual([
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: arnOf(failuresBucketId), Condition: { StringLike: { 's3:prefix': 'aws/lambda/*' } } },
      { Effect: 'Allow', Action: ['s3:DeleteObject', 's3:GetObject'], Resource: objectsOf(failuresBucketId, 'aws/lambda/*') },
      {
        Effect: 'Allow',
        Action: ['s3:DeleteObject'],
        Resource: [objectsOf(documentsBucketId, 'company-messages/*'), objectsOf(documentsBucketId, 'documents/*')],
      },
      { Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: arnOf(tableId) },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: arnOf(notificationsQueueId) },
    ]);
  });
});

describe('outputs for recovering failed work', () => {
  it('name the notifications dead-letter queue, for npm run redrive', () => {
    const deadLetterId = only(
      queues.filter(
        (queue) => queue.id !== notificationsQueueId && JSON.stringify(template.toJSON().Resources[notificationsQueueId]).includes(`"${queue.id}"`),
      ),
      'notifications dead-letter queue',
    ).id;
    template.hasOutput(DEAD_LETTER_OUTPUTS.notifications, { Value: { Ref: deadLetterId } });
  });
});
