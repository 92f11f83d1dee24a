import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { App, Stack } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { ROUTES } from '../../functions/routes';
import { AccessLogsBucket } from '../../infra/constructs/access-logs-bucket';
import { API_PATH_PATTERNS, Portal, PORTAL_HASH_EXCLUDE, portalSourceHash } from '../../infra/constructs/portal';
import { EboxStack } from '../../infra/ebox-stack';
import { PORTAL_SECURITY_HEADERS, portalContentSecurityPolicy } from '../../infra/portal-headers';

/*
 * The portal's hosting: its files in a private bucket that only CloudFront reads, and one
 * distribution for the portal and the API. The stack is synthesized without bundling (only the
 * template matters); one small stack of the portal alone is bundled for real (Vite, a few seconds)
 * to check what gets deployed. Resources are found by their properties, never by logical ids.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const env = { account: '123456789012', region: 'eu-central-1' };

function synth(context: Record<string, unknown> = {}): { template: Template; assemblyDir: string } {
  const app = new App({ context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new EboxStack(app, 'EboxEnterprise', { env });
  const assembly = app.synth();
  return { template: Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template), assemblyDir: assembly.directory };
}

type Ref = { Ref: string };
type GetAtt = { 'Fn::GetAtt': [string, string] };
interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  ViewerProtocolPolicy: string;
  AllowedMethods: string[];
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  ResponseHeadersPolicyId: Ref;
  Compress: boolean;
  FunctionAssociations?: Array<{ EventType: string; FunctionARN: GetAtt }>;
}
interface Origin {
  Id: string;
  DomainName: unknown;
  OriginAccessControlId?: GetAtt;
  S3OriginConfig?: unknown;
  CustomOriginConfig?: { OriginProtocolPolicy: string; OriginSSLProtocols: string[] };
}
interface DistributionConfig {
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
  Origins: Origin[];
  CustomErrorResponses?: unknown;
}
interface Deployment {
  ServiceToken: GetAtt;
  SourceObjectKeys: string[];
  DestinationBucketName: Ref;
  Prune: boolean;
  Include?: string[];
  Exclude?: string[];
  SystemMetadata: Record<string, string>;
  DistributionId?: Ref;
  DistributionPaths?: string[];
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Principal?: unknown;
  Condition?: unknown;
}

function resources<P>(template: Template, type: string): Array<{ id: string; properties: P }> {
  const found = template.findResources(type) as Record<string, { Properties: P }>;
  return Object.entries(found).map(([id, resource]) => ({ id, properties: resource.Properties }));
}

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0] as T;
}

const { template, assemblyDir } = synth();
const resourceById = (id: string) =>
  (template.toJSON() as { Resources: Record<string, { Properties: Record<string, unknown>; DependsOn?: string[] }> }).Resources[id] ?? { Properties: {} };
const distribution = only(resources<{ DistributionConfig: DistributionConfig }>(template, 'AWS::CloudFront::Distribution'), 'distribution');
const config = distribution.properties.DistributionConfig;
const portalBucketId = only(
  resources<{ LifecycleConfiguration?: unknown }>(template, 'AWS::S3::Bucket').filter((bucket) => !bucket.properties.LifecycleConfiguration),
  'portal bucket',
).id;
const apiId = only(resources(template, 'AWS::ApiGatewayV2::Api'), 'HTTP API').id;
const originById = (id: string) =>
  only(
    config.Origins.filter((origin) => origin.Id === id),
    `origin ${id}`,
  );
const headersPolicies = resources<{ ResponseHeadersPolicyConfig: { SecurityHeadersConfig: Record<string, unknown> } }>(
  template,
  'AWS::CloudFront::ResponseHeadersPolicy',
);
const headersOf = (behavior: Behavior) =>
  only(
    headersPolicies.filter((policy) => policy.id === behavior.ResponseHeadersPolicyId.Ref),
    'response headers policy',
  ).properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
const deployments = resources<Deployment>(template, 'Custom::CDKBucketDeployment');
const deploymentHandlerIds = new Set(deployments.map((deployment) => deployment.properties.ServiceToken['Fn::GetAtt'][0]));
const portalUrlOfDistribution = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution.id, 'DomainName'] }]] };

describe('portal bucket', () => {
  it('is private, encrypted, refuses requests without TLS, and is kept without a custom resource to empty it', () => {
    const bucket = resourceById(portalBucketId);
    expect(bucket).toMatchObject({
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('lets only CloudFront read it, and only for this distribution (origin access control)', () => {
    const policy = only(
      resources<{ Bucket: Ref; PolicyDocument: { Statement: Statement[] } }>(template, 'AWS::S3::BucketPolicy').filter(
        (candidate) => candidate.properties.Bucket.Ref === portalBucketId,
      ),
      'portal bucket policy',
    );
    const statements = policy.properties.PolicyDocument.Statement;
    expect(statements.filter((statement) => statement.Effect === 'Allow')).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [portalBucketId, 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distribution.id }]],
            },
          },
        },
      },
    ]);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });
});

describe('distribution', () => {
  const defaultBehavior = config.DefaultCacheBehavior;

  it('serves the portal from the bucket through origin access control, over https, compressed and cached', () => {
    const origin = originById(defaultBehavior.TargetOriginId);
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [portalBucketId, 'RegionalDomainName'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const accessControlId = origin.OriginAccessControlId?.['Fn::GetAtt'][0];
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    expect(resources(template, 'AWS::CloudFront::OriginAccessControl').map((oac) => oac.id)).toEqual([accessControlId]);
    expect(defaultBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      Compress: true,
      CachePolicyId: CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
    });
  });

  it('rewrites pages to /index.html with a viewer-request function on the portal only, not with custom error responses', () => {
    const fn = only(resources<{ FunctionConfig: { Runtime: string } }>(template, 'AWS::CloudFront::Function'), 'CloudFront function');
    expect(defaultBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fn.id, 'FunctionARN'] } }]);
    expect(fn.properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    for (const behavior of config.CacheBehaviors) expect(behavior.FunctionAssociations).toBeUndefined();
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('sends the API paths to the HTTP API, uncached, with every method and the viewer headers but Host', () => {
    expect(config.CacheBehaviors.map((behavior) => behavior.PathPattern)).toEqual([...API_PATH_PATTERNS]);
    for (const behavior of config.CacheBehaviors) {
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'https-only',
        AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      });
      expect(originById(behavior.TargetOriginId)).toMatchObject({
        DomainName: { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }] }] },
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      });
    }
  });

  it('covers every route of the API with one of its path patterns', () => {
    const patterns = API_PATH_PATTERNS.map((pattern) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`));
    for (const route of ROUTES) expect(patterns.some((pattern) => pattern.test(route.path))).toBe(true);
  });

  it('has index.html as root, HTTP/2 and 3, and the Europe and North America price class', () => {
    expect(config).toMatchObject({ DefaultRootObject: 'index.html', HttpVersion: 'http2and3', PriceClass: 'PriceClass_100', Enabled: true });
  });

  it('has no WAF web ACL unless the stack is given one (test/infra/edge.test.ts)', () => {
    expect(config).not.toHaveProperty('WebACLId');
  });
});

describe('SPA fallback function', () => {
  const code = only(resources<{ FunctionCode: string }>(template, 'AWS::CloudFront::Function'), 'CloudFront function').properties.FunctionCode;
  /** Runs the function's code as deployed, on a viewer-request event of that path. */
  function rewrite(uri: string): unknown {
    const event = { version: '1.0', context: { eventType: 'viewer-request' }, request: { method: 'GET', uri, querystring: {}, headers: {}, cookies: {} } };
    const request: unknown = vm.runInNewContext(`${code}\nhandler(event);`, { event });
    return request;
  }

  it.each(['/', '/enterprises/0123456749/messages', '/enterprises/0123456749/messages/01JBZ5V7K1Q2W3E4R5T6Y7U8I9', '/senders'])(
    'serves %s as /index.html (a page of the app)',
    (uri) => {
      expect(rewrite(uri)).toMatchObject({ uri: '/index.html', method: 'GET' });
    },
  );

  it.each(['/assets/index-abc.js', '/config.json', '/favicon.svg', '/index.html', '/assets/missing-xyz.css'])('leaves %s alone (a file)', (uri) => {
    expect(rewrite(uri)).toMatchObject({ uri });
  });
});

describe('response headers', () => {
  const portalHeaders = headersOf(config.DefaultCacheBehavior);
  const strictTransportSecurity = { AccessControlMaxAgeSec: 2 * 365 * 24 * 60 * 60, IncludeSubdomains: true, Preload: true, Override: true };

  it("send the portal's CSP (the issuer's origin may be fetched), HSTS, DENY, nosniff and no-referrer", () => {
    expect(portalHeaders).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: portalContentSecurityPolicy(['https://auth.example.invalid']), Override: true },
      StrictTransportSecurity: strictTransportSecurity,
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
    expect(portalContentSecurityPolicy(['https://auth.example.invalid'])).toContain("connect-src 'self' https://auth.example.invalid;");
  });

  it('are the ones the local runtime sends (plus the issuer in connect-src, and HSTS)', () => {
    expect(PORTAL_SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': portalContentSecurityPolicy(),
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it("allow the configured issuer's origin, without its path", () => {
    const custom = synth({ jwtIssuer: 'https://login.example.org/realms/ebox' }).template;
    custom.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: portalContentSecurityPolicy(['https://login.example.org']), Override: true },
        }),
      },
    });
  });

  it('send HSTS and nosniff on every API answer', () => {
    for (const behavior of config.CacheBehaviors) {
      expect(headersOf(behavior)).toEqual({ StrictTransportSecurity: strictTransportSecurity, ContentTypeOptions: { Override: true } });
    }
  });
});

describe('deployment of the files', () => {
  const toPortalBucket = deployments.filter((deployment) => deployment.properties.DestinationBucketName.Ref === portalBucketId);
  const pages = only(
    toPortalBucket.filter((deployment) => deployment.properties.Prune),
    'pruning deployment',
  );
  const assets = only(
    toPortalBucket.filter((deployment) => !deployment.properties.Prune),
    'deployment of hashed assets',
  );

  it('deploys one build: hashed assets cached for good and never pruned, the rest revalidated and pruned', () => {
    expect(toPortalBucket).toHaveLength(2);
    expect(assets.properties).toMatchObject({
      Exclude: ['*'],
      Include: ['assets/*'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(pages.properties).toMatchObject({ Exclude: ['assets/*'], SystemMetadata: { 'cache-control': 'no-cache' } });
    expect(pages.properties.Include).toBeUndefined();
    expect(pages.properties.SourceObjectKeys[0]).toBe(assets.properties.SourceObjectKeys[0]);
    // The pages go once their assets are there.
    expect(resourceById(pages.id).DependsOn).toContain(assets.id);
  });

  it('writes /config.json (issuer and client id) and invalidates it and index.html', () => {
    expect(pages.properties).toMatchObject({ DistributionId: { Ref: distribution.id }, DistributionPaths: ['/index.html', '/config.json'] });
    const configAsset = pages.properties.SourceObjectKeys[1]?.replace(/\.zip$/, '');
    const written = JSON.parse(readFileSync(path.join(assemblyDir, `asset.${configAsset}`, 'config.json'), 'utf8')) as unknown;
    expect(written).toEqual({ issuer: 'https://auth.example.invalid/', clientId: 'ebox-portal' });
  });

  it('takes the client id and issuer from the context', () => {
    const custom = synth({ jwtIssuer: 'https://login.example.org/realms/ebox', portalClientId: 'ebox-portal-prod' });
    const customPages = only(
      resources<Deployment>(custom.template, 'Custom::CDKBucketDeployment').filter((deployment) => deployment.properties.Prune),
      'pruning deployment',
    );
    const configAsset = customPages.properties.SourceObjectKeys[1]?.replace(/\.zip$/, '');
    expect(JSON.parse(readFileSync(path.join(custom.assemblyDir, `asset.${configAsset}`, 'config.json'), 'utf8'))).toEqual({
      issuer: 'https://login.example.org/realms/ebox',
      clientId: 'ebox-portal-prod',
    });
  });
});

describe('PORTAL_URL of the functions', () => {
  // on-table-change, notifier, expiry-warnings, reconcile-documents, replay-stream-failures
  const JOBS = 5;
  const appFunctionsOf = (t: Template) =>
    resources<{ Environment: { Variables: Record<string, unknown> } }>(t, 'AWS::Lambda::Function').filter((fn) => !deploymentHandlerIds.has(fn.id));

  it("is the distribution's URL when portalUrl is not set", () => {
    const functions = appFunctionsOf(template);
    expect(functions).toHaveLength(ROUTES.length + JOBS);
    for (const fn of functions) expect(fn.properties.Environment.Variables.PORTAL_URL).toEqual(portalUrlOfDistribution);
  });

  it('is portalUrl when it is set', () => {
    const functions = appFunctionsOf(synth({ portalUrl: 'https://ebox.example.be' }).template);
    expect(functions).toHaveLength(ROUTES.length + JOBS);
    for (const fn of functions) expect(fn.properties.Environment.Variables.PORTAL_URL).toBe('https://ebox.example.be');
  });

  it('makes no dependency cycle (function → distribution → API ← route → function)', () => {
    expect(findCycle(template.toJSON().Resources as Record<string, unknown>)).toBeUndefined();
  });
});

describe('portal asset hash', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ebox-portal-hash-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const web = path.join(scratch, 'web');
  const lockFile = path.join(scratch, 'package-lock.json');
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  write(path.join(web, 'index.html'), '<!doctype html>');
  write(path.join(web, 'src/main.tsx'), 'render()');
  write(lockFile, '{"lockfileVersion":3}');
  const hash = () => portalSourceHash(web, lockFile);

  it('changes with the sources and the lock file', () => {
    const before = hash();
    write(path.join(web, 'src/main.tsx'), 'render(<App />)');
    const afterSource = hash();
    write(lockFile, '{"lockfileVersion":3,"packages":{}}');
    expect(new Set([before, afterSource, hash()]).size).toBe(3);
  });

  it('ignores the build output, dependencies and the generated API types', () => {
    expect(PORTAL_HASH_EXCLUDE).toEqual(['dist', 'node_modules', 'src/api/schema.d.ts']);
    const before = hash();
    write(path.join(web, 'dist/assets/index-abc.js'), 'built');
    write(path.join(web, 'node_modules/.vite/deps/preact.js'), 'cached');
    write(path.join(web, 'src/api/schema.d.ts'), 'export interface paths {}');
    expect(hash()).toBe(before);
  });

  it("covers everything the portal's code imports (nothing from outside web/)", () => {
    const webDir = path.join(repoRoot, 'web');
    const sources = readdirSync(webDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(m?[jt]sx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !/[/\\](dist|node_modules|scripts)[/\\]/.test(path.relative(repoRoot, file)));
    expect(sources.length).toBeGreaterThan(0);
    // Type-only imports leave nothing in the output; web/scripts/ only writes the (excluded) API types.
    const runtimeImport = /(?:^|[\s;])(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]*)['"]|import\(\s*['"](\.[^'"]*)['"]/g;
    const outside = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(runtimeImport)]
        .map((match) => path.resolve(path.dirname(file), match[1] ?? match[2] ?? '.'))
        .filter((target) => path.relative(webDir, target).startsWith('..'))
        .map((target) => `${path.relative(repoRoot, file)} → ${path.relative(repoRoot, target)}`),
    );
    expect(outside).toEqual([]);
  });
});

describe('the built portal (bundled for real)', () => {
  const app = new App({ context: cdkJson.context });
  const stack = new Stack(app, 'PortalOnly', { env });
  new Portal(stack, 'Portal', {
    api: new HttpApi(stack, 'Api'),
    jwtIssuer: 'https://auth.example.invalid/',
    clientId: 'ebox-portal',
    accessLogs: new AccessLogsBucket(stack, 'AccessLogs'),
  });
  const assembly = app.synth();
  const built = resources<Deployment>(Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template), 'Custom::CDKBucketDeployment')[0];
  const buildDir = path.join(assembly.directory, `asset.${built?.properties.SourceObjectKeys[0]?.replace(/\.zip$/, '')}`);

  it("is Vite's output: index.html and the hashed assets it loads, without Vite's manifest", () => {
    const index = readFileSync(path.join(buildDir, 'index.html'), 'utf8');
    const scripts = [...index.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(existsSync(path.join(buildDir, script))).toBe(true);
    expect(existsSync(path.join(buildDir, '.vite'))).toBe(false);
    expect(existsSync(path.join(buildDir, 'src'))).toBe(false);
  });
});

/** A cycle of Ref, Fn::GetAtt, Fn::Sub and DependsOn between resources, as CloudFormation would refuse it. */
function findCycle(resourcesById: Record<string, unknown>): string[] | undefined {
  const ids = new Set(Object.keys(resourcesById));
  const edges = new Map<string, Set<string>>();
  const collect = (value: unknown, into: Set<string>): void => {
    if (Array.isArray(value)) {
      for (const item of value) collect(item, into);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') into.add(inner);
      else if (key === 'Fn::GetAtt' && Array.isArray(inner) && typeof inner[0] === 'string') into.add(inner[0]);
      else if (key === 'Fn::Sub') for (const match of JSON.stringify(inner).matchAll(/\$\{([A-Za-z0-9]+)/g)) into.add(match[1] ?? '');
      else if (key === 'DependsOn') {
        for (const dependency of [inner].flat()) if (typeof dependency === 'string') into.add(dependency);
      } else collect(inner, into);
    }
  };
  for (const [id, resource] of Object.entries(resourcesById)) {
    const targets = new Set<string>();
    collect(resource, targets);
    edges.set(id, new Set([...targets].filter((target) => ids.has(target))));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'visiting');
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next, [...trail, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const id of ids) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}
