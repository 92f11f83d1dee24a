import { readFileSync } from 'node:fs';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EboxFunction } from '../../infra/constructs/ebox-function';
import { routeId } from '../../infra/constructs/http-api';
import { powertoolsVersion } from '../../infra/constructs/powertools-layer';

// Only the template matters here: skip bundling.
const newStack = () => new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Test');

describe('EboxFunction', () => {
  it('merges the caller environment into the shared defaults; the caller wins on a clash', () => {
    const stack = newStack();
    new EboxFunction(stack, 'Fn', {
      handler: 'functions/health/get-health/handler.ts',
      environment: { TABLE_NAME: 'table', POWERTOOLS_SERVICE_NAME: 'ebox-enterprise-jobs' },
      description: 'test',
      timeout: Duration.seconds(3),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          TABLE_NAME: 'table',
          POWERTOOLS_SERVICE_NAME: 'ebox-enterprise-jobs',
        },
      },
    });
  });

  it('is traced by X-Ray (active tracing, with the permission to send segments)', () => {
    const stack = newStack();
    new EboxFunction(stack, 'Fn', { handler: 'functions/health/get-health/handler.ts', environment: {}, description: 'test', timeout: Duration.seconds(3) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] })]) },
    });
  });

  it('runs with the official Powertools layer at the installed version, once per stack, from its public SSM parameter', () => {
    const stack = newStack();
    for (const id of ['One', 'Two']) {
      new EboxFunction(stack, id, { handler: 'functions/health/get-health/handler.ts', environment: {}, description: 'test', timeout: Duration.seconds(3) });
    }
    const template = Template.fromStack(stack);
    const version = powertoolsVersion(process.cwd());
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> };
    expect(version).toBe(lock.packages['node_modules/@aws-lambda-powertools/tracer']?.version);
    const parameters = template.findParameters('*', {
      Type: 'AWS::SSM::Parameter::Value<String>',
      Default: `/aws/service/powertools/typescript/generic/all/${version}`,
    });
    expect(Object.keys(parameters)).toHaveLength(1);
    const functions = template.findResources('AWS::Lambda::Function');
    for (const fn of Object.values(functions)) {
      expect(fn.Properties.Layers).toEqual([{ Ref: Object.keys(parameters)[0] }]);
      expect(fn.Properties.Handler).toBe('index.handler');
      expect(fn.Properties.Environment.Variables).toEqual({ POWERTOOLS_SERVICE_NAME: 'ebox-enterprise' });
    }
  });
});

describe('routeId', () => {
  it('derives a stable construct id from the method and path', () => {
    expect(routeId({ method: 'GET', path: '/health' })).toBe('GetHealth');
    expect(routeId({ method: 'PUT', path: '/v1/admin/senders/{senderId}' })).toBe('PutV1AdminSendersSenderId');
    expect(routeId({ method: 'POST', path: '/v1/enterprises/{enterpriseNumber}/messages/{messageId}/read-receipt' })).toBe(
      'PostV1EnterprisesEnterpriseNumberMessagesMessageIdReadReceipt',
    );
  });
});
