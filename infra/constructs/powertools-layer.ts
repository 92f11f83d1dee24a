import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { type ILayerVersion, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';

const PACKAGES = ['commons', 'logger', 'metrics', 'tracer'] as const;

/** The installed version of Powertools, the same for each of its packages (the layer has one version). */
export function powertoolsVersion(root: string): string {
  const versions = new Set(
    PACKAGES.map(
      (name) =>
        (JSON.parse(readFileSync(path.join(root, 'node_modules', '@aws-lambda-powertools', name, 'package.json'), 'utf8')) as { version: string }).version,
    ),
  );
  const [version, ...others] = [...versions];
  if (!version || others.length > 0) throw new Error(`@aws-lambda-powertools/* must share one version (the layer has one): ${[...versions].join(', ')}`);
  return version;
}

/**
 * The official Powertools for AWS Lambda (TypeScript) layer (account 094274105915), at exactly the
 * installed version: its ARN comes from the public SSM parameter AWS keeps per release and region,
 * resolved by CloudFormation at deploy time. It holds Logger, Metrics, Tracer and the X-Ray SDK
 * under it, so the bundles leave them out (`infra/bundling/external-modules.ts`). It also holds
 * `@aws-sdk/client-dynamodb` and `util-dynamodb`, which then come before the runtime's copies: both
 * SDK v3, tested together by Powertools.
 */
export function powertoolsLayer(scope: Construct, root: string): ILayerVersion {
  const stack = Stack.of(scope);
  const id = 'PowertoolsLayer';
  const existing = stack.node.tryFindChild(id) as ILayerVersion | undefined;
  if (existing) return existing;
  const arn = StringParameter.valueForStringParameter(stack, `/aws/service/powertools/typescript/generic/all/${powertoolsVersion(root)}`);
  return LayerVersion.fromLayerVersionArn(stack, id, arn);
}
