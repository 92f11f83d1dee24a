import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { DEFAULT_SETTINGS, readSettings } from '../../infra/constructs/settings';

const repoRoot = path.resolve(__dirname, '..', '..');
const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const settingsOf = (context: Record<string, unknown>) => readSettings(new App({ context }));

/** Everything prod asks for, with real-looking values. */
const PROD = {
  stage: 'prod',
  account: '123456789012',
  region: 'eu-central-1',
  jwtIssuer: 'https://login.ebox.example.org/realms/ebox',
  jwtAudience: 'https://api.ebox.example.org',
  mailFrom: 'no-reply@ebox.example.org',
  portalUrl: 'https://ebox.example.org',
  alarmEmail: 'ops@ebox.example.org',
  oauthTokenUrl: 'https://login.ebox.example.org/realms/ebox/protocol/openid-connect/token',
  oauthAuthorizationUrl: 'https://login.ebox.example.org/realms/ebox/protocol/openid-connect/auth',
  apiContactEmail: 'api@ebox.example.org',
};
const PROD_REQUIREMENTS = [
  'jwtIssuer',
  'jwtAudience',
  'mailFrom',
  'alarmEmail',
  'oauthTokenUrl',
  'oauthAuthorizationUrl',
  'apiContactEmail',
  'account',
  'region',
];
function refusalOf(context: Record<string, unknown>): string {
  try {
    settingsOf(context);
  } catch (error) {
    return String(error instanceof Error ? error.message : error);
  }
  throw new Error('expected the settings to be refused');
}
/** The settings a prod refusal names, in order. */
const namedIn = (message: string) => [...message.matchAll(/(\w+) \(/g)].map((match) => match[1]);

describe('deployment settings', () => {
  it('default every key, so synth works with no context at all', () => {
    expect(settingsOf({})).toEqual({ ...DEFAULT_SETTINGS, sesIdentity: 'ebox.example.be' });
  });

  it("are cdk.json's defaults, except the identity settings, which prod must be given and cdk.json leaves out", () => {
    const settingKeys = Object.keys(cdkJson.context).filter((key) => !key.includes(':'));
    const { jwtIssuer: _issuer, jwtAudience: _audience, mailFrom: _from, ...inCdkJson } = DEFAULT_SETTINGS;
    expect(Object.fromEntries(settingKeys.map((key) => [key, cdkJson.context[key]]))).toEqual(inCdkJson);
  });

  it('leave portalUrl unset unless given: the stack then links to its CloudFront distribution', () => {
    expect(settingsOf({}).portalUrl).toBeUndefined();
    expect(settingsOf({ portalUrl: 'https://ebox.example.be' }).portalUrl).toBe('https://ebox.example.be');
  });

  it("take the portal's OpenID client id from the context", () => {
    expect(settingsOf({ portalClientId: 'ebox-portal-prod' }).portalClientId).toBe('ebox-portal-prod');
  });

  it('derive the SES identity from the sender address unless it is given', () => {
    expect(settingsOf({ mailFrom: 'mail@notify.example.org' }).sesIdentity).toBe('notify.example.org');
    expect(settingsOf({ mailFrom: 'mail@notify.example.org', sesIdentity: 'example.org' }).sesIdentity).toBe('example.org');
  });

  it('accept numbers given as strings (cdk -c key=value)', () => {
    expect(settingsOf({ expiryWarningDays: '30', presignedUrlSeconds: '60' })).toMatchObject({ expiryWarningDays: 30, presignedUrlSeconds: 60 });
  });

  it.each([
    ['jwtIssuer', 'http://auth.example.org/'],
    ['jwtAudience', ''],
    ['mailFrom', 'not-an-address'],
    ['portalUrl', 'ebox.example.be'],
    ['portalClientId', ''],
    ['expiryWarningDays', 91],
    ['presignedUrlSeconds', 'soon'],
    ['stage', 'staging'],
    ['account', '1234-5678-9012'],
    ['region', 'Frankfurt'],
    ['apiRateLimit', 0],
    ['apiBurstLimit', 5001],
    ['edgeRateLimit', 9],
  ])('refuse an invalid %s', (key, value) => {
    expect(() => settingsOf({ [key]: value })).toThrow(new RegExp(`Invalid CDK context: ${key}`));
  });
});

describe('stage prod', () => {
  it('takes real settings, an explicit account and region', () => {
    expect(settingsOf({ ...cdkJson.context, ...PROD })).toMatchObject({ ...PROD, sesIdentity: 'ebox.example.org' });
  });

  it('refuses the dev settings, naming every missing one in one message', () => {
    const message = refusalOf({ ...cdkJson.context, stage: 'prod' });
    expect(message).toMatch(/^stage prod needs real settings: /);
    expect(namedIn(message)).toEqual(PROD_REQUIREMENTS);
  });

  it.each(PROD_REQUIREMENTS)('refuses %s unset, naming it alone', (key) => {
    const context: Record<string, unknown> = { ...cdkJson.context, ...PROD };
    delete context[key];
    expect(() => settingsOf(context)).toThrow(new RegExp(`^stage prod needs real settings: ${key} \\([^)]*\\)$`));
  });

  it.each(['jwtIssuer', 'mailFrom'] as const)('refuses %s given as the dev placeholder', (key) => {
    expect(() => settingsOf({ ...cdkJson.context, ...PROD, [key]: DEFAULT_SETTINGS[key] })).toThrow(
      new RegExp(`^stage prod needs real settings: ${key} \\(still the dev placeholder`),
    );
  });

  it("accepts the dev default audience when it is given explicitly (it may well be the provider's)", () => {
    expect(settingsOf({ ...cdkJson.context, ...PROD, jwtAudience: 'ebox-api' }).jwtAudience).toBe('ebox-api');
  });

  it("leaves portalUrl optional: the distribution's own URL is real", () => {
    const { portalUrl: _url, ...withoutPortalUrl } = PROD;
    expect(settingsOf({ ...cdkJson.context, ...withoutPortalUrl }).portalUrl).toBeUndefined();
  });
});

/**
 * infra/app.ts as `cdk synth` runs it: in a process of its own, with cdk.json's context and the
 * `-c` values, no AWS credentials (CDK_DEFAULT_ACCOUNT/REGION unset), without bundling (only the
 * templates and the manifest matter).
 */
function synthApp(context: Record<string, string>): { status: number | null; stderr: string; assembly: () => CloudAssembly } {
  const outdir = mkdtempSync(path.join(tmpdir(), 'ebox-app-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['infra/app.ts'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      CDK_DEFAULT_ACCOUNT: undefined,
      CDK_DEFAULT_REGION: undefined,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] }),
    },
  });
  return { status: result.status, stderr: result.stderr, assembly: () => new CloudAssembly(outdir) };
}

type Resource = { Type: string; Properties?: { Tags?: unknown } };
/** Tags as CloudFormation writes them: a list of Key/Value, or a map (API Gateway v2, SSM). */
function tagsOf(resource: Resource): Record<string, unknown> | undefined {
  const tags = resource.Properties?.Tags;
  if (Array.isArray(tags)) return Object.fromEntries(tags.map((tag: { Key: string; Value: unknown }) => [tag.Key, tag.Value]));
  return tags && typeof tags === 'object' ? (tags as Record<string, unknown>) : undefined;
}
/** Types that CloudFormation tags, which the app surely has: a sign that tagging reaches every stack and construct. */
const TAGGABLE = [
  'AWS::DynamoDB::Table',
  'AWS::S3::Bucket',
  'AWS::Lambda::Function',
  'AWS::IAM::Role',
  'AWS::SQS::Queue',
  'AWS::Logs::LogGroup',
  'AWS::CloudFront::Distribution',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Stage',
];

function expectTagged(assembly: CloudAssembly, stage: string): void {
  for (const stack of assembly.stacks) {
    const resources = Object.values((stack.template as { Resources: Record<string, Resource> }).Resources);
    const untagged = resources.filter((resource) => tagsOf(resource) === undefined).map((resource) => resource.Type);
    expect(untagged.filter((type) => TAGGABLE.includes(type))).toEqual([]);
    for (const tags of resources.map(tagsOf)) if (tags) expect(tags).toMatchObject({ app: 'ebox-enterprise', stage });
  }
}

function tableOf(assembly: CloudAssembly, stackName: string): { DeletionProtectionEnabled?: boolean } {
  const template = assembly.getStackByName(stackName).template as {
    Resources: Record<string, { Type: string; Properties: { DeletionProtectionEnabled?: boolean } }>;
  };
  const tables = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::DynamoDB::Table');
  expect(tables).toHaveLength(1);
  return tables[0]!.Properties;
}

describe('the app, stage prod', () => {
  const refused = synthApp({ stage: 'prod' });

  it('refuses to synthesize with the dev settings, naming every missing one', () => {
    const { status, stderr } = refused;
    expect(status).not.toBe(0);
    const message = /^Error: stage prod needs real settings: .*$/m.exec(stderr)?.[0] ?? stderr;
    expect(namedIn(message)).toEqual(PROD_REQUIREMENTS);
  });

  const synthesized = synthApp(PROD);
  const assembly = synthesized.assembly();

  it('deploys EboxEnterprise-prod where told, after its WAF stack in us-east-1, both protected from termination', () => {
    expect(synthesized.status).toBe(0);
    const main = assembly.getStackByName('EboxEnterprise-prod');
    const edge = assembly.getStackByName('EboxEnterprise-prod-edge');
    expect(assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(['EboxEnterprise-prod', 'EboxEnterprise-prod-edge']);
    expect(main.environment).toMatchObject({ account: PROD.account, region: PROD.region });
    expect(edge.environment).toMatchObject({ account: PROD.account, region: 'us-east-1' });
    expect(main.dependencies.map((dependency) => dependency.id)).toContain(edge.id);
    expect([main.terminationProtection, edge.terminationProtection]).toEqual([true, true]);
  });

  it('protects the table from deletion', () => {
    expect(tableOf(assembly, 'EboxEnterprise-prod').DeletionProtectionEnabled).toBe(true);
  });

  it("gives the OpenAPI document the provider's endpoints and the contact it was given", () => {
    const template = assembly.getStackByName('EboxEnterprise-prod').template as {
      Resources: Record<string, { Type: string; Properties: { Environment?: { Variables?: Record<string, unknown> } } }>;
    };
    const contract = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Environment?.Variables?.OAUTH_TOKEN_URL !== undefined,
    );
    expect(contract.length).toBeGreaterThan(0);
    for (const fn of contract) {
      expect(fn.Properties.Environment?.Variables).toMatchObject({
        OAUTH_TOKEN_URL: PROD.oauthTokenUrl,
        OAUTH_AUTHORIZATION_URL: PROD.oauthAuthorizationUrl,
        API_CONTACT_EMAIL: PROD.apiContactEmail,
        API_BASE_URL: PROD.portalUrl,
      });
    }
    const openapi = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function' && JSON.stringify(resource.Properties).includes('GET /openapi.json'),
    );
    expect(openapi.every((fn) => contract.includes(fn))).toBe(true);
  });

  it('tags every resource of both stacks with app=ebox-enterprise and stage=prod', () => {
    expectTagged(assembly, 'prod');
  });
});

describe('the app, stage dev (no context, offline)', () => {
  const synthesized = synthApp({});
  const assembly = synthesized.assembly();

  it('stays one environment-agnostic stack, EboxEnterprise, without WAF (no known region to read it from)', () => {
    expect(synthesized.status).toBe(0);
    expect(assembly.stacks.map((stack) => stack.stackName)).toEqual(['EboxEnterprise']);
    expect(assembly.getStackByName('EboxEnterprise').environment).toMatchObject({ account: 'unknown-account', region: 'unknown-region' });
  });

  it('can be deleted: no termination protection, no deletion protection on the table', () => {
    expect(assembly.getStackByName('EboxEnterprise').terminationProtection).toBeFalsy();
    expect(tableOf(assembly, 'EboxEnterprise').DeletionProtectionEnabled).toBe(false);
  });

  it('tags every resource with app=ebox-enterprise and stage=dev', () => {
    expectTagged(assembly, 'dev');
  });
});
