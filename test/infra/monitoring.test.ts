import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EboxFunction } from '../../infra/constructs/ebox-function';
import { Jobs } from '../../infra/constructs/jobs';
import { DeadLetterQueue } from '../../infra/constructs/secure-queue';
import { EboxStack } from '../../infra/ebox-stack';

/*
 * The alarms, their topic and the dashboard, on the stack as `cdk synth` makes it (cdk.json's
 * context) without bundling: only the template matters. What must be watched is read from the
 * template itself (dead-letter targets, functions, schedules), not from the code that builds the
 * alarms, so a queue or function that escapes them fails here.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const env = { account: '123456789012', region: 'eu-central-1' };

function synth(context: Record<string, unknown> = {}): { stack: EboxStack; template: Template } {
  const app = new App({ context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new EboxStack(app, 'EboxEnterprise', { env });
  return { stack, template: Template.fromStack(stack) };
}

const { stack, template } = synth();

type Ref = { Ref: string };
type GetAtt = { 'Fn::GetAtt': [string, string] };
interface Dimension {
  Name: string;
  Value: unknown;
}
interface AlarmProperties {
  AlarmName: string;
  AlarmDescription: unknown;
  Namespace?: string;
  MetricName?: string;
  Dimensions?: Dimension[];
  Period?: number;
  Statistic?: string;
  Threshold: number;
  ComparisonOperator: string;
  EvaluationPeriods: number;
  TreatMissingData: string;
}

function resources<P>(type: string): Array<{ id: string; properties: P }> {
  const found = template.findResources(type) as Record<string, { Properties: P }>;
  return Object.entries(found).map(([id, resource]) => ({ id, properties: resource.Properties }));
}

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0] as T;
}

const alarms = resources<AlarmProperties>('AWS::CloudWatch::Alarm').map((alarm) => alarm.properties);
const alarmsOn = (namespace: string, metricName: string, period: number) =>
  alarms.filter((alarm) => alarm.Namespace === namespace && alarm.MetricName === metricName && alarm.Period === period);
const dimensionOf = (alarm: AlarmProperties) => only(alarm.Dimensions ?? [], `dimension of ${alarm.AlarmName}`).Value;

const topicId = only(resources('AWS::SNS::Topic'), 'topic').id;
const apiId = only(resources('AWS::ApiGatewayV2::Api'), 'HTTP API').id;
const configurationSetId = only(resources('AWS::SES::ConfigurationSet'), 'SES configuration set').id;

/** The portal's BucketDeployment brings a function of its own (a CDK custom resource): not one of the app's. */
const deploymentHandlerIds = new Set(
  resources<{ ServiceToken: GetAtt }>('Custom::CDKBucketDeployment').map((deployment) => deployment.properties.ServiceToken['Fn::GetAtt'][0]),
);
const functionIds = resources('AWS::Lambda::Function')
  .map((fn) => fn.id)
  .filter((id) => !deploymentHandlerIds.has(id));

/** Every queue something sends its failures to: SQS redrive, a stream mapping's on-failure destination, a schedule's dead letters. */
const queueIds = new Set(resources('AWS::SQS::Queue').map((queue) => queue.id));
const deadLetterTargetIds = new Set(
  [
    ...resources<{ RedrivePolicy?: { deadLetterTargetArn: GetAtt } }>('AWS::SQS::Queue').map((queue) => queue.properties.RedrivePolicy?.deadLetterTargetArn),
    ...resources<{ DestinationConfig?: { OnFailure: { Destination: GetAtt } } }>('AWS::Lambda::EventSourceMapping').map(
      (mapping) => mapping.properties.DestinationConfig?.OnFailure.Destination,
    ),
    ...resources<{ Target: { DeadLetterConfig?: { Arn: GetAtt } } }>('AWS::Scheduler::Schedule').map(
      (schedule) => schedule.properties.Target.DeadLetterConfig?.Arn,
    ),
  ]
    .map((arn) => arn?.['Fn::GetAtt'][0])
    .filter((id): id is string => id !== undefined && queueIds.has(id)),
);

describe('dead letters', () => {
  const deadLetterAlarms = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 300);

  it('watches every queue that receives failures, from its first message', () => {
    expect(deadLetterTargetIds.size).toBeGreaterThanOrEqual(2);
    const watched = deadLetterAlarms.map((alarm) => (dimensionOf(alarm) as GetAtt)['Fn::GetAtt']);
    expect(watched.map(([id]) => id).sort()).toEqual([...deadLetterTargetIds].sort());
    expect(watched.every(([, attribute]) => attribute === 'QueueName')).toBe(true);
    for (const alarm of deadLetterAlarms) {
      expect(alarm).toMatchObject({ Statistic: 'Maximum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1 });
    }
  });

  it('has one alarm per DeadLetterQueue construct, wherever it was added', () => {
    const constructs = stack.node.findAll().filter((construct) => construct instanceof DeadLetterQueue);
    expect(deadLetterAlarms).toHaveLength(constructs.length);
  });
});

describe('failed stream batches', () => {
  it('alarms on the first batch a stream failure destination saves in a bucket (S3 request metrics of that bucket)', () => {
    const buckets = resources<{ MetricsConfigurations?: Array<{ Id: string }> }>('AWS::S3::Bucket');
    const failureBucketIds = resources<{ DestinationConfig?: { OnFailure: { Destination: GetAtt } } }>('AWS::Lambda::EventSourceMapping')
      .map((mapping) => mapping.properties.DestinationConfig?.OnFailure.Destination['Fn::GetAtt'][0])
      .filter((id): id is string => id !== undefined && buckets.some((bucket) => bucket.id === id));
    expect(failureBucketIds).toHaveLength(1);
    const bucket = only(
      buckets.filter((candidate) => candidate.id === failureBucketIds[0]),
      'stream failures bucket',
    );
    const filterId = only(bucket.properties.MetricsConfigurations ?? [], 'metrics configuration').Id;
    const alarm = only(alarmsOn('AWS/S3', 'PutRequests', 300), 'saved-batch alarm');
    expect(alarm.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'BucketName', Value: { Ref: bucket.id } },
        { Name: 'FilterId', Value: filterId },
      ]),
    );
    expect(alarm).toMatchObject({ Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1 });
  });
});

describe('functions', () => {
  it.each([
    ['Errors', 'errors'],
    ['Throttles', 'throttles'],
  ])('alarms on %s of every function of the app, once each, from the first in 5 minutes', (metricName, what) => {
    const watched = alarmsOn('AWS/Lambda', metricName, 300);
    expect(watched.map((alarm) => (dimensionOf(alarm) as Ref).Ref).sort()).toEqual([...functionIds].sort());
    for (const alarm of watched) {
      expect(alarm).toMatchObject({ Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
      expect(alarm.AlarmName).toMatch(new RegExp(`^EboxEnterprise-${what}-`));
    }
  });

  it("counts the EboxFunctions and leaves the portal deployment's handler alone (it only runs in deployments, which fail with it)", () => {
    expect(functionIds).toHaveLength(stack.node.findAll().filter((construct) => construct instanceof EboxFunction).length);
    expect(deploymentHandlerIds.size).toBe(1);
    const handlerId = [...deploymentHandlerIds][0];
    expect(JSON.stringify(alarms)).not.toContain(`"${handlerId}"`);
  });
});

describe('API', () => {
  const api = [{ Name: 'ApiId', Value: { Ref: apiId } }];

  it('alarms when more than 1% of answers are 5xx in 2 of 3 five-minute windows, from 10 requests a window', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'EboxEnterprise-api-5xx-rate',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(requests >= 10, 100 * FILL(errors, 0) / requests, 0)', ReturnData: true }),
        Match.objectLike({
          Id: 'requests',
          MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'Count', Dimensions: api }, Period: 300, Stat: 'Sum' },
        }),
        Match.objectLike({
          Id: 'errors',
          MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: api }, Period: 300, Stat: 'Sum' },
        }),
      ]),
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      TreatMissingData: 'notBreaching',
    });
  });

  it('alarms when the p99 latency passes 3 s in 2 of 3 five-minute windows', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'EboxEnterprise-api-p99-latency',
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      Dimensions: api,
      ExtendedStatistic: 'p99',
      Period: 300,
      Threshold: 3000,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
    });
  });
});

describe('daily jobs', () => {
  const jobs = only(
    stack.node.findAll().filter((construct) => construct instanceof Jobs),
    'Jobs construct',
  );
  const dailyIds = jobs.daily.map((job) => (stack.resolve(job.functionName) as Ref).Ref);

  it('counts every scheduled function as a daily job', () => {
    const scheduled = resources<{ Target: { Arn: GetAtt } }>('AWS::Scheduler::Schedule').map((schedule) => schedule.properties.Target.Arn['Fn::GetAtt'][0]);
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    expect(dailyIds).toEqual(expect.arrayContaining(scheduled));
  });

  it('alarms when a daily job failed in the last 24 hours', () => {
    const watched = alarmsOn('AWS/Lambda', 'Errors', 86400);
    expect(watched.map((alarm) => (dimensionOf(alarm) as Ref).Ref).sort()).toEqual([...dailyIds].sort());
    for (const alarm of watched) expect(alarm).toMatchObject({ Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('alarms when a daily job has not run for 25 hours, no data counting as not run', () => {
    const watched = alarmsOn('AWS/Lambda', 'Invocations', 25 * 3600);
    expect(watched.map((alarm) => (dimensionOf(alarm) as Ref).Ref).sort()).toEqual([...dailyIds].sort());
    for (const alarm of watched) {
      expect(alarm).toMatchObject({ Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching' });
    }
  });
});

describe('emails', () => {
  const byConfigurationSet = [{ Name: 'ses:configuration-set', Value: { Ref: configurationSetId } }];

  it('publishes the sends, bounces and complaints of the configuration set to CloudWatch, under its own name', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['send', 'bounce', 'complaint']),
        CloudWatchDestination: {
          DimensionConfigurations: [
            { DimensionName: 'ses:configuration-set', DimensionValueSource: 'messageTag', DefaultDimensionValue: { Ref: configurationSetId } },
          ],
        },
      },
    });
  });

  it('alarms when more than 2% of a day of emails bounced, from 20 emails', () => {
    const perDay = (metricName: string, id: string) =>
      Match.objectLike({
        Id: id,
        MetricStat: { Metric: { Namespace: 'AWS/SES', MetricName: metricName, Dimensions: byConfigurationSet }, Period: 86400, Stat: 'Sum' },
      });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'EboxEnterprise-email-bounce-rate',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(sent >= 20, 100 * FILL(bounced, 0) / sent, 0)', ReturnData: true }),
        perDay('Send', 'sent'),
        perDay('Bounce', 'bounced'),
      ]),
      Threshold: 2,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('alarms on every complaint', () => {
    const complaints = only(alarmsOn('AWS/SES', 'Complaint', 86400), 'complaints alarm');
    expect(complaints).toMatchObject({ Dimensions: byConfigurationSet, Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });
});

describe('every alarm', () => {
  it('notifies the topic when it goes off and when it is back to OK', () => {
    expect(alarms.length).toBeGreaterThan(2 * functionIds.length);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topicId }], OKActions: [{ Ref: topicId }] });
  });

  it('has a unique name after the stack, and a description that points at the runbook', () => {
    const names = alarms.map((alarm) => alarm.AlarmName);
    expect(new Set(names).size).toBe(names.length);
    for (const alarm of alarms) {
      expect(alarm.AlarmName).toMatch(/^EboxEnterprise-[\w-]+$/);
      expect(JSON.stringify(alarm.AlarmDescription)).toContain('docs/operations.md');
    }
  });
});

describe('alarm topic', () => {
  const keyId = only(resources('AWS::KMS::Key'), 'key').id;
  const thisStacksAlarms = {
    ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-central-1:123456789012:alarm:EboxEnterprise-*' },
    StringEquals: { 'aws:SourceAccount': '123456789012' },
  };

  it('is encrypted with a rotated key of its own, which CloudWatch may use for this stack’s alarms only', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: thisStacksAlarms,
          }),
        ]),
      },
    });
  });

  it('refuses publications without TLS and lets only this stack’s alarms publish', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: thisStacksAlarms }),
        ]),
      },
    });
  });

  it('emails no one without alarmEmail, and alarmEmail when set', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    const withEmail = synth({ alarmEmail: 'ops@ebox.example.be' }).template;
    const topic = only(Object.keys(withEmail.findResources('AWS::SNS::Topic')), 'topic');
    withEmail.resourceCountIs('AWS::SNS::Subscription', 1);
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@ebox.example.be', TopicArn: { Ref: topic } });
  });
});

describe('dashboard', () => {
  const body = JSON.stringify(only(resources<{ DashboardBody: unknown }>('AWS::CloudWatch::Dashboard'), 'dashboard').properties.DashboardBody);

  it('shows the API, every function, every dead-letter queue, the daily jobs and the emails', () => {
    for (const metric of ['Count', '5xx', 'Errors', 'Throttles', 'ApproximateNumberOfMessagesVisible', 'Invocations', 'Send', 'Bounce', 'Complaint']) {
      expect(body).toContain(`\\"${metric}\\"`);
    }
    for (const id of [apiId, ...functionIds, ...deadLetterTargetIds]) expect(body).toContain(`"${id}"`);
  });

  it('shows the state of every alarm', () => {
    const alarmIds = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));
    for (const id of alarmIds) expect(body).toContain(`{"Fn::GetAtt":["${id}","Arn"]}`);
  });
});
