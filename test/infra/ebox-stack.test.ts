import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ROUTES } from '../../functions/routes';
import { TABLE_SCHEMA } from '../../shared/adapters/dynamodb/table-schema';
import { NOTIFICATIONS_QUEUE, UPLOADS_PREFIX } from '../../infra/definitions';
import { EboxStack } from '../../infra/ebox-stack';

/*
 * The stack as `cdk synth` makes it (cdk.json's context: feature flags and settings), bundled for
 * real once: bundling takes seconds. Resources are found by their properties and references,
 * never by their hashed logical ids.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const env = { account: '123456789012', region: 'eu-central-1' };

function synth(context: Record<string, unknown>): { template: Template; assemblyDir: string } {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:enable-asset-metadata': true, ...context } });
  const stack = new EboxStack(app, 'EboxEnterprise', { env });
  const assembly = app.synth();
  return { template: Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template), assemblyDir: assembly.directory };
}

const { template, assemblyDir } = synth({});

type Ref = { Ref: string };
type GetAtt = { 'Fn::GetAtt': [string, string] };
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
interface FunctionProperties {
  Description: string;
  Timeout: number;
  Role: GetAtt;
  Environment: { Variables: Record<string, unknown> };
}

function resources<P>(type: string): Array<{ id: string; properties: P; metadata: Record<string, unknown> }> {
  const found = template.findResources(type) as Record<string, { Properties: P; Metadata?: Record<string, unknown> }>;
  return Object.entries(found).map(([id, resource]) => ({ id, properties: resource.Properties, metadata: resource.Metadata ?? {} }));
}

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0] as T;
}

/** The portal's BucketDeployment brings a function of its own (a CDK custom resource): not one of the app's. */
const deploymentHandlerIds = new Set(
  resources<{ ServiceToken: GetAtt }>('Custom::CDKBucketDeployment').map((deployment) => deployment.properties.ServiceToken['Fn::GetAtt'][0]),
);
const allFunctions = resources<FunctionProperties>('AWS::Lambda::Function');
const functions = allFunctions.filter((fn) => !deploymentHandlerIds.has(fn.id));
const functionByDescription = (description: string) =>
  only(
    functions.filter((fn) => fn.properties.Description === description),
    `function "${description}"`,
  );
const functionById = (id: string) =>
  only(
    functions.filter((fn) => fn.id === id),
    `function ${id}`,
  );

const tableId = only(resources('AWS::DynamoDB::Table'), 'table').id;
// The documents bucket (the one that forgets uploads); the others hold the portal's files
// (test/infra/portal.test.ts), the failed stream batches (test/infra/jobs.test.ts) and the
// buckets' server access logs.
const bucketId = only(
  resources<{ LifecycleConfiguration?: { Rules: Array<{ Prefix?: string }> } }>('AWS::S3::Bucket').filter((bucket) =>
    bucket.properties.LifecycleConfiguration?.Rules.some((rule) => rule.Prefix === UPLOADS_PREFIX),
  ),
  'documents bucket',
).id;
const accessLogsBucketId = only(
  resources<{ LifecycleConfiguration?: { Rules: Array<{ Id?: string }> } }>('AWS::S3::Bucket').filter((bucket) =>
    bucket.properties.LifecycleConfiguration?.Rules.some((rule) => rule.Id === 'access-logs'),
  ),
  'access logs bucket',
).id;
const distributionId = only(resources('AWS::CloudFront::Distribution'), 'distribution').id;
const configurationSetId = only(resources('AWS::SES::ConfigurationSet'), 'SES configuration set').id;
const queues = resources<{ RedrivePolicy?: { deadLetterTargetArn: GetAtt; maxReceiveCount: number }; VisibilityTimeout?: number }>('AWS::SQS::Queue');
const notificationsQueue = only(
  queues.filter((queue) => queue.properties.RedrivePolicy),
  'queue with a dead-letter queue',
);

const mappings = resources<{ EventSourceArn: GetAtt; FunctionName: Ref }>('AWS::Lambda::EventSourceMapping');
const consumerOf = (sourceId: string, attribute: string) =>
  functionById(
    only(
      mappings.filter((m) => m.properties.EventSourceArn['Fn::GetAtt'][0] === sourceId && m.properties.EventSourceArn['Fn::GetAtt'][1] === attribute),
      `event source mapping on ${sourceId}.${attribute}`,
    ).properties.FunctionName.Ref,
  );
const onTableChange = consumerOf(tableId, 'StreamArn');
const notifier = consumerOf(notificationsQueue.id, 'Arn');
const expiryWarnings = functionByDescription('Daily: queues one expiry-warning digest per company');
// The other jobs (reconciliation, replay of failed stream batches): test/infra/jobs.test.ts.
const scheduledIds = resources<{ Target: { Arn: GetAtt } }>('AWS::Scheduler::Schedule').map((schedule) => schedule.properties.Target.Arn['Fn::GetAtt'][0]);
const replay = functionByDescription('On demand: replays the table-stream batches the stream consumer gave up on');
const failuresBucketId = only(
  resources<{ DestinationConfig?: { OnFailure: { Destination: GetAtt } } }>('AWS::Lambda::EventSourceMapping').flatMap((m) =>
    m.properties.DestinationConfig ? [m.properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0]] : [],
  ),
  'mapping with a failure destination',
);
const jobIds = new Set([onTableChange.id, notifier.id, ...scheduledIds, replay.id]);
const apiFunctions = functions.filter((fn) => !jobIds.has(fn.id));

const policies = resources<{ Roles: Ref[]; PolicyDocument: { Statement: Statement[] } }>('AWS::IAM::Policy');
/** X-Ray's two actions, which every function has (active tracing) and which exist on '*' only. */
const TRACING_ACTIONS = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

function allStatementsOf(fn: { properties: FunctionProperties }): Statement[] {
  const roleId = fn.properties.Role['Fn::GetAtt'][0];
  return policies
    .filter((policy) => policy.properties.Roles.some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.properties.PolicyDocument.Statement);
}

/** The function's own statements, X-Ray's actions aside (CDK may merge them with another '*' action). */
function statementsOf(fn: { properties: FunctionProperties }): Statement[] {
  return allStatementsOf(fn).flatMap((statement) => {
    const actions = [statement.Action].flat().filter((action) => !TRACING_ACTIONS.includes(action));
    return actions.length ? [{ ...statement, Action: actions }] : [];
  });
}
const actionsOf = (statement: Statement) => [statement.Action].flat();
/** Every action the function may do on resources that mention `resourceId` (ARN, `/*`, `/index/*`…). */
function actionsOn(fn: { properties: FunctionProperties }, resourceId: string): string[] {
  return statementsOf(fn)
    .filter((statement) => JSON.stringify(statement.Resource).includes(`"${resourceId}"`))
    .flatMap(actionsOf);
}

describe('functions', () => {
  it("has one function per route and the five jobs (and the portal deployment's handler)", () => {
    expect(functions).toHaveLength(ROUTES.length + 5);
    expect(apiFunctions).toHaveLength(ROUTES.length);
    expect(deploymentHandlerIds.size).toBe(1);
    expect(allFunctions).toHaveLength(functions.length + 1);
  });

  it('runs every function on Node.js 22, arm64, with a log group that expires', () => {
    for (const fn of functions) {
      expect(fn.properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    // One each, one for the portal deployment's handler and the HTTP API's access logs (test/infra/edge.test.ts).
    template.resourceCountIs('AWS::Logs::LogGroup', functions.length + 2);
  });

  it('gives every function the whole configuration, and nothing Lambda sets itself', () => {
    const expected = {
      TABLE_NAME: { Ref: tableId },
      BUCKET_NAME: { Ref: bucketId },
      NOTIFICATIONS_QUEUE_URL: { Ref: notificationsQueue.id },
      MAIL_FROM: 'no-reply@ebox.example.be',
      SES_CONFIGURATION_SET: { Ref: configurationSetId },
      // No portalUrl in cdk.json: the emails link to the CloudFront distribution.
      PORTAL_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
      // The OpenAPI document's server: the same origin as the portal unless apiBaseUrl says otherwise.
      API_BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
      EXPIRY_WARNING_DAYS: '14',
      COMPANY_MESSAGE_VALIDITY_DAYS: '365',
      PRESIGNED_URL_SECONDS: '300',
      JWT_ISSUER: 'https://auth.example.invalid/',
      JWT_AUDIENCE: 'ebox-api',
      // No NODE_OPTIONS=--enable-source-maps: it parses the source map in every cold start (infra/constructs/ebox-function.ts).
      POWERTOOLS_SERVICE_NAME: 'ebox-enterprise',
    };
    for (const fn of functions) {
      // Only the replay job is told where the failed stream batches are.
      expect(fn.properties.Environment.Variables).toEqual(fn.id === replay.id ? { ...expected, STREAM_FAILURES_BUCKET: { Ref: failuresBucketId } } : expected);
    }
  });

  it('answers API calls before API Gateway gives up (30 s)', () => {
    for (const fn of apiFunctions) expect(fn.properties.Timeout).toBeLessThanOrEqual(29);
  });

  it('ships minified bundles with source maps and without the AWS SDK or Powertools (the runtime and the layer have them)', () => {
    for (const fn of functions) {
      const assetDir = path.join(assemblyDir, String(fn.metadata['aws:asset:path']));
      const code = readFileSync(path.join(assetDir, 'index.js'), 'utf8');
      const map = JSON.parse(readFileSync(path.join(assetDir, 'index.js.map'), 'utf8')) as { sources: string[] };
      // Minified code is a few very long lines (template literals keep their own line breaks).
      expect(code.length / code.split('\n').length).toBeGreaterThan(500);
      expect(code).toContain('//# sourceMappingURL=index.js.map');
      expect(map.sources.filter((source) => /node_modules\/(@aws-sdk|@aws-lambda-powertools|aws-xray-sdk-core)\//.test(source))).toEqual([]);
      // zod's English messages only, not its 40-odd locales (infra/bundling/zod-plugins.ts).
      expect(map.sources.filter((source) => source.includes('zod/v4/locales/')).map((source) => path.basename(source))).toEqual(['en.js']);
    }
  });
});

describe('HTTP API', () => {
  const routes = resources<{ RouteKey: string; AuthorizationType: string; Target: { 'Fn::Join': [string, [string, Ref]] } }>('AWS::ApiGatewayV2::Route');
  const integrations = resources<{ IntegrationUri: GetAtt; PayloadFormatVersion: string }>('AWS::ApiGatewayV2::Integration');

  it.each(ROUTES.map((route) => `${route.method} ${route.path}`))('routes %s to its own function', (routeKey) => {
    const apiRoute = only(
      routes.filter((r) => r.properties.RouteKey === routeKey),
      `route ${routeKey}`,
    );
    // The functions verify tokens themselves (problem+json refusals); API Gateway only routes.
    expect(apiRoute.properties.AuthorizationType).toBe('NONE');
    const integrationId = apiRoute.properties.Target['Fn::Join'][1][1].Ref;
    const integration = only(
      integrations.filter((i) => i.id === integrationId),
      `integration of ${routeKey}`,
    );
    expect(integration.properties.PayloadFormatVersion).toBe('2.0');
    expect(integration.properties.IntegrationUri['Fn::GetAtt'][0]).toBe(functionByDescription(routeKey).id);
  });

  it('has exactly the routes of ROUTES, none with scopes (handlers check them)', () => {
    expect(routes).toHaveLength(ROUTES.length);
    template.allResourcesProperties('AWS::ApiGatewayV2::Route', { AuthorizationScopes: Match.absent() });
  });

  it('has no API Gateway authorizer: a bad token is refused by the function, in problem+json', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });
});

describe('table', () => {
  const { indexes } = TABLE_SCHEMA;
  const keyAttributes = [TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey, ...Object.values(indexes).flatMap((index) => [index.partitionKey, index.sortKey])];

  it('is built from TABLE_SCHEMA, on demand, with TTL, a stream, backups and encryption', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      GlobalSecondaryIndexes: Match.arrayEquals(
        Object.entries(indexes).map(([indexName, index]) => ({
          IndexName: indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: index.projection },
        })),
      ),
    });
  });

  it('is kept when the stack is deleted or the table replaced', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('documents bucket', () => {
  it('is private, encrypted, and forgets uploads that were never attached', () => {
    // The documents bucket, the portal's, the failed stream batches' and their access logs'.
    template.resourceCountIs('AWS::S3::Bucket', 4);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: Match.absent(),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: UPLOADS_PREFIX, ExpirationInDays: 1, Status: 'Enabled' }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled', Prefix: Match.absent() }),
        ]),
      },
    });
  });

  it('logs every request to it in the access logs bucket, kept 30 days', () => {
    expect(template.toJSON().Resources[bucketId].Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: accessLogsBucketId },
      LogFilePrefix: 'documents-bucket/',
    });
    expect(template.toJSON().Resources[accessLogsBucketId].Properties).toMatchObject({
      LifecycleConfiguration: { Rules: [{ Id: 'access-logs', ExpirationInDays: 30, Status: 'Enabled' }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });

  it('refuses requests without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('is kept when the stack is deleted', () => {
    expect(template.toJSON().Resources[bucketId]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('queues', () => {
  it('encrypts every queue and refuses requests without TLS', () => {
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    for (const queue of queues) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue.id }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });

  it('moves a notification that failed 5 times to a dead-letter queue', () => {
    expect(notificationsQueue.properties.RedrivePolicy?.maxReceiveCount).toBe(NOTIFICATIONS_QUEUE.maxReceiveCount);
    expect(NOTIFICATIONS_QUEUE.maxReceiveCount).toBe(5);
    const dlqId = notificationsQueue.properties.RedrivePolicy?.deadLetterTargetArn['Fn::GetAtt'][0];
    expect(queues.map((queue) => queue.id)).toContain(dlqId);
  });

  it('hides a message being processed for at least six times the notifier timeout', () => {
    expect(notificationsQueue.properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * notifier.properties.Timeout);
  });
});

describe('jobs', () => {
  it('consumes the table stream with retries, bisection, partial failures and a failures bucket', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: { Ref: onTableChange.id },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
    });
    expect(resources('AWS::S3::Bucket').map((bucket) => bucket.id)).toContain(failuresBucketId);
    expect(failuresBucketId).not.toBe(bucketId);
  });

  it('feeds the notifier from the notifications queue in batches, reporting partial failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [notificationsQueue.id, 'Arn'] },
      FunctionName: { Ref: notifier.id },
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 20,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('runs the expiry warnings every day at 06:00 Brussels time', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
      State: 'ENABLED',
      Target: { Arn: { 'Fn::GetAtt': [expiryWarnings.id, 'Arn'] }, RoleArn: Match.anyValue() },
    });
  });
});

describe('permissions', () => {
  const onWildcard = (statement: Statement) => [statement.Resource].flat().includes('*');

  const handlerRoleIds = new Set(allFunctions.filter((fn) => deploymentHandlerIds.has(fn.id)).map((fn) => fn.properties.Role['Fn::GetAtt'][0]));
  const isHandlers = (policy: (typeof policies)[number]) => policy.properties.Roles.some((role) => handlerRoleIds.has(role.Ref));

  it("grants nothing on '*' but dynamodb:ListStreams and X-Ray's two actions (none has resource-level permissions)", () => {
    const wildcards = policies
      .filter((policy) => !isHandlers(policy))
      .flatMap((policy) => policy.properties.PolicyDocument.Statement)
      .filter(onWildcard);
    expect([...new Set(wildcards.flatMap(actionsOf))].sort()).toEqual(['dynamodb:ListStreams', ...TRACING_ACTIONS]);
  });

  it('lets every function of the app send its traces to X-Ray', () => {
    for (const fn of functions) {
      const onStar = allStatementsOf(fn).filter(onWildcard).flatMap(actionsOf);
      expect(onStar).toEqual(expect.arrayContaining(TRACING_ACTIONS));
    }
  });

  it("lets the portal deployment's handler invalidate the cache on '*' (BucketDeployment's own grant), nothing else", () => {
    const wildcards = policies
      .filter(isHandlers)
      .flatMap((policy) => policy.properties.PolicyDocument.Statement)
      .filter(onWildcard);
    expect(wildcards.flatMap(actionsOf).sort()).toEqual(['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation']);
  });

  it('gives each API function only what its route declares (touches), route by route', () => {
    // What a granted resource is, read back from the template: the table, one of its indexes, an area of the bucket, a queue.
    const kindOf = (resource: unknown): string => {
      const text = JSON.stringify(resource);
      const area = /"\/(documents|company-messages|uploads|health)\/\*"/.exec(text)?.[1];
      const index = /"\/index\/(\w+)"/.exec(text)?.[1];
      if (text.includes(`"${tableId}"`)) return index ? `index:${index}` : 'table';
      if (text.includes(`"${bucketId}"`)) return area ? `objects:${area}` : 'bucket';
      if (text.includes(`"${notificationsQueue.id}"`)) return 'queue:notifications';
      return text;
    };
    const READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'];
    const WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
    for (const route of ROUTES) {
      const fn = functionByDescription(`${route.method} ${route.path}`);
      const granted: Record<string, string[]> = {};
      for (const statement of statementsOf(fn)) {
        for (const resource of [statement.Resource].flat()) granted[kindOf(resource)] = [...(granted[kindOf(resource)] ?? []), ...actionsOf(statement)].sort();
      }
      const { table, bucket, queues: sendTo } = route.touches;
      const expected: Record<string, string[]> = {};
      if (table) expected.table = [...READ, ...(table.access === 'readWrite' ? WRITE : [])].sort();
      for (const index of table?.indexes ?? []) expected[`index:${index}`] = ['dynamodb:Query'];
      for (const [action, areas] of [
        ['s3:GetObject', bucket?.read],
        ['s3:PutObject', bucket?.write],
        ['s3:DeleteObject', bucket?.delete],
      ] as const) {
        for (const area of areas ?? []) expected[`objects:${area}`] = [...(expected[`objects:${area}`] ?? []), action].sort();
      }
      for (const queue of sendTo ?? []) expected[`queue:${queue}`] = ['sqs:SendMessage'];
      expect({ route: `${route.method} ${route.path}`, granted }).toEqual({ route: `${route.method} ${route.path}`, granted: expected });
    }
  });

  it('gives the contract routes no permission at all, and the health check reads of its absent keys only', () => {
    for (const route of ROUTES.filter((candidate) => candidate.auth === 'none' && candidate.path !== '/health'))
      expect(statementsOf(functionByDescription(`${route.method} ${route.path}`))).toEqual([]);
    const health = statementsOf(functionByDescription('GET /health'));
    expect(health.flatMap(actionsOf).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      's3:GetObject',
    ]);
    expect(JSON.stringify(health.filter((statement) => actionsOf(statement).includes('s3:GetObject')))).toContain('/health/*');
  });

  it('gives read-only routes no write action on the table or the bucket', () => {
    const writes = /^(dynamodb:(Put|Update|Delete|BatchWrite)|s3:(Put|Delete))/;
    for (const route of ROUTES.filter(
      (candidate) => candidate.touches.table?.access === 'read' && !candidate.touches.bucket?.write && !candidate.touches.bucket?.delete,
    )) {
      expect([
        route.path,
        statementsOf(functionByDescription(`${route.method} ${route.path}`))
          .flatMap(actionsOf)
          .filter((action) => writes.test(action)),
      ]).toEqual([route.path, []]);
    }
  });

  it('gives API functions no wildcard action', () => {
    for (const fn of apiFunctions)
      expect(
        statementsOf(fn)
          .flatMap(actionsOf)
          .filter((action) => action.includes('*')),
      ).toEqual([]);
  });

  it('lets the stream consumer use the table (unread count, tombstones), delete documents and queue notifications', () => {
    expect(actionsOn(onTableChange, tableId)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    expect(actionsOn(onTableChange, bucketId)).toEqual(['s3:DeleteObject']);
    expect(actionsOn(onTableChange, notificationsQueue.id)).toContain('sqs:SendMessage');
  });

  it('lets the expiry warnings job use the table and queue notifications, without touching documents', () => {
    expect(actionsOn(expiryWarnings, tableId)).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem']));
    expect(actionsOn(expiryWarnings, notificationsQueue.id)).toContain('sqs:SendMessage');
    expect(actionsOn(expiryWarnings, bucketId)).toEqual([]);
  });

  it('lets only the notifier send email, and only from the configured SES identity, with the configuration set', () => {
    const identityArn = 'arn:aws:ses:eu-central-1:123456789012:identity/ebox.example.be';
    // SES v2 checks the permission on the identity and on the configuration set.
    const configurationSetArn = { 'Fn::Join': ['', ['arn:aws:ses:eu-central-1:123456789012:configuration-set/', { Ref: configurationSetId }]] };
    const ses = statementsOf(notifier).filter((statement) => actionsOf(statement).some((action) => action.startsWith('ses:')));
    expect(ses).toEqual([{ Effect: 'Allow', Action: ['ses:SendEmail', 'ses:SendRawEmail'], Resource: [identityArn, configurationSetArn] }]);
    for (const fn of functions.filter((other) => other.id !== notifier.id)) {
      expect(
        statementsOf(fn)
          .flatMap(actionsOf)
          .filter((action) => action.startsWith('ses:')),
      ).toEqual([]);
    }
    expect(actionsOn(notifier, tableId)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']));
    expect(actionsOn(notifier, notificationsQueue.id)).not.toContain('sqs:SendMessage');
    expect(actionsOn(notifier, bucketId)).toEqual([]);
  });
});

describe('outputs', () => {
  it('names the API URL, table, bucket, notifications queue, and the portal on CloudFront', () => {
    template.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [Match.anyValue(), 'ApiEndpoint'] } });
    template.hasOutput('TableName', { Value: { Ref: tableId } });
    template.hasOutput('BucketName', { Value: { Ref: bucketId } });
    template.hasOutput('NotificationsQueueUrl', { Value: { Ref: notificationsQueue.id } });
    template.hasOutput('PortalUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] } });
    template.hasOutput('DistributionId', { Value: { Ref: distributionId } });
    const portalBucketId = only(
      resources('AWS::S3::Bucket').filter((bucket) => ![bucketId, failuresBucketId, accessLogsBucketId].includes(bucket.id)),
      'portal bucket',
    ).id;
    template.hasOutput('PortalBucketName', { Value: { Ref: portalBucketId } });
  });
});

describe('context', () => {
  // Only the template matters here: skip bundling.
  const custom = (context: Record<string, unknown>) => {
    const app = new App({ context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] } });
    return Template.fromStack(new EboxStack(app, 'Custom', { env }));
  };

  it('feeds the settings into the functions and the SES grant (strings from -c work)', () => {
    const overridden = custom({
      jwtIssuer: 'https://login.example.org/realms/ebox',
      jwtAudience: 'ebox-prod',
      jwksUrl: 'https://login.example.org/realms/ebox/protocol/openid-connect/certs',
      mailFrom: 'notifications@mail.example.org',
      portalUrl: 'https://portal.example.org',
      expiryWarningDays: '7',
    });
    overridden.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      {
        Environment: {
          Variables: Match.objectLike({
            MAIL_FROM: 'notifications@mail.example.org',
            PORTAL_URL: 'https://portal.example.org',
            EXPIRY_WARNING_DAYS: '7',
            JWT_ISSUER: 'https://login.example.org/realms/ebox',
            JWT_AUDIENCE: 'ebox-prod',
            JWKS_URL: 'https://login.example.org/realms/ebox/protocol/openid-connect/certs',
          }),
        },
      },
      functions.length,
    );
    overridden.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['ses:SendEmail', 'ses:SendRawEmail'],
            Resource: Match.arrayWith(['arn:aws:ses:eu-central-1:123456789012:identity/mail.example.org']),
          }),
        ]),
      },
    });
  });

  it('uses sesIdentity when given', () => {
    custom({ sesIdentity: 'no-reply@ebox.example.be' }).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Resource: Match.arrayWith(['arn:aws:ses:eu-central-1:123456789012:identity/no-reply@ebox.example.be']) }),
        ]),
      },
    });
  });

  it('refuses invalid settings at synth time', () => {
    expect(() => custom({ expiryWarningDays: 0 })).toThrow(/expiryWarningDays/);
    expect(() => custom({ jwtIssuer: 'http://insecure.example.org/' })).toThrow(/jwtIssuer/);
  });
});
