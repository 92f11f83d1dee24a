import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { body as senderBody } from '../../functions/admin/put-sender/schema';
import { objectKeyOf } from '../../shared/adapters/s3/object-keys';
import { readSettings } from '../../infra/constructs/settings';
import { EboxStack } from '../../infra/ebox-stack';
import { EdgeStack } from '../../infra/edge-stack';

/*
 * The edge: API Gateway's stage (throttling, access logs) and the WAF web ACL that CloudFront takes
 * from a stack of its own in us-east-1, wired as infra/app.ts wires them when the account and
 * region are given. Limits come from the context as `-c key=value` gives them: strings. Without
 * bundling: only the templates matter.
 */
const cdkJson = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const account = '123456789012';
const app = new App({
  context: { ...cdkJson.context, apiRateLimit: '50', apiBurstLimit: '75', edgeRateLimit: '500', 'aws:cdk:bundling-stacks': [] },
});
const edgeStack = new EdgeStack(app, 'EboxEnterprise-edge', { account });
const mainStack = new EboxStack(app, 'EboxEnterprise', {
  env: { account, region: 'eu-central-1' },
  crossRegionReferences: true,
  webAclArn: edgeStack.webAclArn,
});
const assembly = app.synth();
const edgeArtifact = assembly.getStackArtifact(edgeStack.artifactId);
const mainArtifact = assembly.getStackArtifact(mainStack.artifactId);
const edge = Template.fromJSON(edgeArtifact.template);
const main = Template.fromJSON(mainArtifact.template);

function only<P>(template: Template, type: string): { id: string; properties: P } {
  const found = Object.entries(template.findResources(type) as Record<string, { Properties: P }>);
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  const [id, resource] = found[0]!;
  return { id, properties: resource.Properties };
}

interface StageProperties {
  StageName: string;
  DefaultRouteSettings: unknown;
  AccessLogSettings: { DestinationArn: unknown; Format: string };
}
const stage = only<StageProperties>(main, 'AWS::ApiGatewayV2::Stage');

describe('HTTP API stage', () => {
  it('is the default stage, throttled with apiRateLimit and apiBurstLimit from the context', () => {
    expect(stage.properties.StageName).toBe('$default');
    expect(stage.properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 75 });
  });

  it('logs one JSON line per request: the route template, status and latencies, nothing personal', () => {
    expect(JSON.parse(stage.properties.AccessLogSettings.Format)).toEqual({
      requestId: '$context.requestId',
      requestTime: '$context.requestTime',
      routeKey: '$context.routeKey',
      status: '$context.status',
      responseLength: '$context.responseLength',
      integrationLatency: '$context.integrationLatency',
      responseLatency: '$context.responseLatency',
      integrationErrorMessage: '$context.integrationErrorMessage',
      errorMessage: '$context.error.message',
    });
    // Paths carry enterprise numbers and SSINs; IP addresses and user agents identify people.
    expect(stage.properties.AccessLogSettings.Format).not.toMatch(/path|identity|sourceIp|userAgent|querystring|authorizer/i);
  });

  it('writes them to a log group of their own that expires, by its ARN without the `:*` suffix', () => {
    const destination = JSON.stringify(stage.properties.AccessLogSettings.DestinationArn);
    const logGroupIds = Object.keys(main.findResources('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 30 } }));
    const referenced = logGroupIds.filter((id) => destination.includes(`{"Ref":"${id}"}`));
    expect(referenced).toHaveLength(1);
    expect(destination).toContain(':log-group:');
    expect(destination).not.toContain(':*');
  });
});

describe('WAF in front of CloudFront', () => {
  interface Rule {
    Name: string;
    Statement: { RateBasedStatement?: unknown; ManagedRuleGroupStatement?: { VendorName: string; Name: string } };
    VisibilityConfig: { SampledRequestsEnabled: boolean };
  }
  const webAcl = only<{ Rules: Rule[]; VisibilityConfig: { SampledRequestsEnabled: boolean } }>(edge, 'AWS::WAFv2::WebACL');

  it('is a CLOUDFRONT web ACL in its own stack in us-east-1, which the main stack deploys after', () => {
    expect(edgeArtifact.environment).toMatchObject({ account, region: 'us-east-1' });
    edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(mainArtifact.dependencies.map((dependency) => dependency.id)).toContain(edgeArtifact.id);
  });

  it('blocks an IP address over edgeRateLimit requests in 5 minutes, with a 429', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 500, EvaluationWindowSec: 300 } },
          Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
        }),
      ]),
    });
  });

  it('adds only AWS managed rule groups that leave body sizes alone (PDFs travel in base64 bodies)', () => {
    const managed = webAcl.properties.Rules.flatMap((rule) => (rule.Statement.ManagedRuleGroupStatement ? [rule.Statement.ManagedRuleGroupStatement] : []));
    expect(managed).toEqual([
      { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' },
      { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
    ]);
    expect(webAcl.properties.Rules).toHaveLength(managed.length + 1);
  });

  it('keeps no sampled requests (they would hold paths with SSINs and bearer tokens)', () => {
    for (const config of [webAcl.properties.VisibilityConfig, ...webAcl.properties.Rules.map((rule) => rule.VisibilityConfig)]) {
      expect(config.SampledRequestsEnabled).toBe(false);
    }
  });

  it("is the distribution's web ACL, read from the us-east-1 stack's output (no custom resource)", () => {
    type StackOutput = { 'Fn::GetStackOutput': { StackName: string; OutputName: string; Region: string } };
    const distribution = only<{ DistributionConfig: { WebACLId: StackOutput } }>(main, 'AWS::CloudFront::Distribution');
    const reference = distribution.properties.DistributionConfig.WebACLId['Fn::GetStackOutput'];
    expect(reference).toMatchObject({ StackName: edgeArtifact.stackName, Region: 'us-east-1' });
    edge.hasOutput(reference.OutputName, { Value: { 'Fn::GetAtt': [webAcl.id, 'Arn'] } });
    expect(JSON.stringify(main.toJSON())).not.toContain('Custom::CrossRegion');
  });
});

describe('documents bucket: the last safety net', () => {
  /** The longest validity a document type or a company message may have. */
  const LONGEST_VALIDITY_DAYS = 3650;

  it('cannot meet a live PDF: no document type or company message may be valid longer than 3650 days', () => {
    const sender = (validityDays: number) => ({
      name: { fr: 'ONSS' },
      level: 'FEDERAL',
      acceptsMessages: true,
      documentTypes: [{ code: 'TAX_NOTICE', name: { fr: 'Avis' }, validityDays }],
    });
    expect(senderBody.safeParse(sender(LONGEST_VALIDITY_DAYS)).success).toBe(true);
    expect(senderBody.safeParse(sender(LONGEST_VALIDITY_DAYS + 1)).success).toBe(false);
    const companyMessageValidity = (days: number) => () => readSettings(new App({ context: { companyMessageValidityDays: days } }));
    expect(companyMessageValidity(LONGEST_VALIDITY_DAYS)().companyMessageValidityDays).toBe(LONGEST_VALIDITY_DAYS);
    expect(companyMessageValidity(LONGEST_VALIDITY_DAYS + 1)).toThrow(/companyMessageValidityDays/);
  });

  it('expires the PDFs of messages and company messages 30 days after that', () => {
    main.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'documents-safety-net', Prefix: 'documents/', ExpirationInDays: LONGEST_VALIDITY_DAYS + 30, Status: 'Enabled' }),
          Match.objectLike({ Id: 'company-messages-safety-net', Prefix: 'company-messages/', ExpirationInDays: LONGEST_VALIDITY_DAYS + 30, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('covers the keys where PDFs are written', () => {
    expect(objectKeyOf({ of: 'message', enterpriseNumber: '0123456749', messageId: 'M', attachmentId: 'A' })).toMatch(/^documents\//);
    expect(objectKeyOf({ of: 'companyMessage', enterpriseNumber: '0123456749', id: 'C', attachmentId: 'A' })).toMatch(/^company-messages\//);
  });
});
