import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EboxFunction } from '../../infra/constructs/ebox-function';
import { routeId } from '../../infra/constructs/http-api';

// Only the template matters here: skip bundling.
const newStack = () => new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Test');

describe('EboxFunction', () => {
  it('merges the caller environment into the shared defaults; the caller wins on a clash', () => {
    const stack = newStack();
    new EboxFunction(stack, 'Fn', {
      handler: 'functions/health/get-health/handler.ts',
      environment: { TABLE_NAME: 'table', NODE_OPTIONS: '--enable-source-maps --max-old-space-size=400' },
      description: 'test',
      timeout: Duration.seconds(3),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          TABLE_NAME: 'table',
          NODE_OPTIONS: '--enable-source-maps --max-old-space-size=400',
          POWERTOOLS_SERVICE_NAME: 'ebox-enterprise',
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
