import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { DockerImage, Duration, FileSystem, Fn, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { acknowledgeDeploymentHandler } from '../nag-acknowledgements';
import { portalContentSecurityPolicy, STRICT_TRANSPORT_SECURITY_MAX_AGE_SECONDS } from '../portal-headers';
import { PRIVATE_BUCKET } from './private-bucket';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** What CloudFront sends to the HTTP API; everything else is the portal's (as in infra/local/gateway.ts). */
export const API_PATH_PATTERNS = ['/v1/*', '/openapi.json', '/doc/*', '/health', '/evidence/*'] as const;

/**
 * Not hashed into the portal's asset: build output, dependencies, and the API types that the build
 * itself regenerates (types only, so they never change the output; hashing them would change the
 * hash between the first synth of a fresh clone and the next).
 */
export const PORTAL_HASH_EXCLUDE = ['dist', 'node_modules', 'src/api/schema.d.ts'];

/**
 * CloudFront Function (viewer request) for the single-page app: a path whose last segment has no
 * extension is a page (a deep link such as /enterprises/0123456749/messages/01J…), served as
 * /index.html; files keep their path. Only on the portal's behaviour, so the API's 403 and 404
 * answers stay its own, which distribution-wide custom error responses would not.
 */
const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var name = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (name.lastIndexOf('.') <= 0) request.uri = '/index.html';
  return request;
}`;

/** Vite names files under assets/ by their content: they never change, so they may be cached for good. */
const IMMUTABLE = CacheControl.fromString('public, max-age=31536000, immutable');
/** Everything else (index.html, config.json, public/ files) is revalidated, so a deployment shows at once. */
const REVALIDATE = CacheControl.noCache();

export interface PortalProps {
  /** The API that CloudFront serves under API_PATH_PATTERNS, on the portal's origin. */
  api: IHttpApi;
  /** The OpenID issuer the portal signs in with (its origin joins the CSP's connect-src). */
  jwtIssuer: string;
  /** The portal's OpenID client id at the issuer. */
  clientId: string;
  /** The WAF web ACL (scope CLOUDFRONT, from us-east-1) in front of the portal and the API; none without it. */
  webAclArn?: string;
  /** Where the portal bucket's server access logs go (AccessLogsBucket). */
  accessLogs: IBucket;
}

/** The portal: its files in a private bucket, served with the API on one CloudFront distribution. */
export class Portal extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>: the portal, and the API under /v1. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Files', {
      // SSE-S3: CloudFront's origin access control reads it without a KMS key policy.
      // Retained: build output only, nothing personal. DESTROY would fail on the non-empty bucket,
      // and emptying it takes a custom resource (autoDeleteObjects) with s3:DeleteObject* on it.
      ...PRIVATE_BUCKET,
      // Who wrote the portal's files: a deployment, or someone else.
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'portal-bucket/',
    });

    const strictTransportSecurity = {
      accessControlMaxAge: Duration.seconds(STRICT_TRANSPORT_SECURITY_MAX_AGE_SECONDS),
      includeSubdomains: true,
      preload: true,
      override: true,
    };
    const portalHeaders = new ResponseHeadersPolicy(this, 'PortalHeaders', {
      responseHeadersPolicyName: accountUniqueName(this, 'PortalHeaders'),
      comment: 'e-Box portal: CSP, HSTS, no framing, no sniffing, no referrer',
      securityHeadersBehavior: {
        // The portal fetches the issuer's discovery document and token endpoint.
        contentSecurityPolicy: { contentSecurityPolicy: portalContentSecurityPolicy([new URL(props.jwtIssuer).origin]), override: true },
        strictTransportSecurity,
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      responseHeadersPolicyName: accountUniqueName(this, 'ApiHeaders'),
      comment: 'e-Box API: HSTS, no sniffing',
      securityHeadersBehavior: { strictTransportSecurity, contentTypeOptions: { override: true } },
    });

    const api: BehaviorOptions = {
      origin: new HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      }),
      // No redirect: it would send a request's token and body over plain http first.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Authorization, query string and body go through; Host stays API Gateway's own.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: apiHeaders,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'e-Box Enterprise: portal and API on one origin',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America: the users are in Belgium.
      priceClass: PriceClass.PRICE_CLASS_100,
      // No minimumProtocolVersion: it only applies with a custom certificate (CDK warns and ignores
      // it otherwise), where the feature flag already makes it TLSv1.2_2021.
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket, {
          originAccessControl: new S3OriginAccessControl(this, 'AccessControl', {
            originAccessControlName: accountUniqueName(this, 'Files'),
          }),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: portalHeaders,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaFallback', {
              comment: 'Extension-less paths are pages of the portal: /index.html',
              code: FunctionCode.fromInline(SPA_FALLBACK_CODE),
            }),
          },
        ],
      },
      additionalBehaviors: Object.fromEntries(API_PATH_PATTERNS.map((pattern) => [pattern, api])),
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    acknowledge(
      this.distribution,
      'companies and their mandataries may work from abroad; WAF (rate limit, IP reputation) guards the edge instead',
      'AwsSolutions-CFR1',
    );
    if (!props.webAclArn)
      acknowledge(
        this.distribution,
        'no account and region (dev, offline synth): no us-east-1 stack for the web ACL; prod always has one',
        'AwsSolutions-CFR2',
      );
    acknowledge(
      this.distribution,
      "CloudFront's logs would keep raw paths (SSINs, enterprise numbers) and IP addresses; the API access log keeps route templates",
      'AwsSolutions-CFR3',
    );
    acknowledge(
      this.distribution,
      'no custom domain yet: the default *.cloudfront.net certificate cannot be limited to TLSv1.2 (one with a certificate is, by the feature flag)',
      'AwsSolutions-CFR4',
    );

    // Two deployments of one build. Hashed assets are never pruned: a page loaded before a
    // deployment may still ask for its old chunks. The rest is replaced (and pruned) after them.
    const build = portalBuild();
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.ONE_MONTH });
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [build],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [IMMUTABLE],
      outputObjectKeys: false,
      logGroup,
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [build, Source.jsonData('config.json', { issuer: props.jwtIssuer, clientId: props.clientId })],
      destinationBucket: this.bucket,
      // Excluded files are also kept by prune: the assets are the other deployment's.
      exclude: ['assets/*'],
      prune: true,
      cacheControl: [REVALIDATE],
      // Every page of the app is /index.html at CloudFront (SPA fallback): one path covers them.
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      outputObjectKeys: false,
      logGroup,
    });
    pages.node.addDependency(assets);
    acknowledgeDeploymentHandler(assets, this.bucket);
  }
}

/**
 * The portal built by Vite at synth time, on this machine (no Docker: `image` is required by the
 * type but never used, as tryBundle builds or throws). Its hash is portalSourceHash's, so the build
 * is skipped when cdk.out already has it.
 */
function portalBuild(): ISource {
  return Source.asset(path.join(REPO_ROOT, 'web'), {
    assetHash: portalSourceHash(path.join(REPO_ROOT, 'web'), path.join(REPO_ROOT, 'package-lock.json')),
    bundling: {
      image: DockerImage.fromRegistry('node:22'),
      local: {
        tryBundle(outputDir: string): boolean {
          // stdout (Vite's file list) is dropped so synth stays quiet; errors go to stderr.
          execFileSync('npm', ['run', 'web:build', '--', '--outDir', outputDir, '--emptyOutDir'], {
            cwd: REPO_ROOT,
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          // Vite's manifest is for the build's own checks, not for browsers.
          rmSync(path.join(outputDir, '.vite'), { recursive: true, force: true });
          return true;
        },
      },
    },
  });
}

/**
 * What the built portal depends on: its sources (web/ minus PORTAL_HASH_EXCLUDE) and the lock
 * file (the versions of Vite and Preact). A custom hash, as an asset's own hash options cannot add
 * the lock file.
 */
export function portalSourceHash(webDir: string, lockFile: string): string {
  return createHash('sha256')
    .update(FileSystem.fingerprint(webDir, { exclude: PORTAL_HASH_EXCLUDE }))
    .update(readFileSync(lockFile))
    .digest('hex');
}

/** CloudFront policies and access controls are named per account: the stack name alone could clash across regions. */
function accountUniqueName(scope: Construct, name: string): string {
  const stack = Stack.of(scope);
  return `${stack.stackName}-${stack.region}-${name}`;
}
