import { DefaultStackSynthesizer, Stack } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import { acknowledge, BASIC_EXECUTION_ROLE, wildcardResource } from './nag';

/**
 * cdk-nag's findings on the function CDK makes for BucketDeployment (a singleton at the stack's
 * root, shared by the portal's deployments): its runtime, role and policy are CDK's, not ours. It
 * runs only while CloudFormation deploys, which fails if it does.
 */
export function acknowledgeDeploymentHandler(deployment: BucketDeployment, destination: IBucket): void {
  const handler = deployment.handlerRole.node.scope;
  if (!handler) throw new Error('BucketDeployment has no handler function');
  const stack = Stack.of(handler);
  // The bootstrap's asset bucket, where the handler reads the portal's zip.
  const assets = stack.formatArn({
    service: 's3',
    region: '',
    account: '',
    resource: `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${stack.account}-${stack.region}`,
    resourceName: '*',
  });

  acknowledge(handler, "CDK's handler: its runtime (Python) is CDK's choice, updated with aws-cdk-lib", 'AwsSolutions-L1', 'Serverless-LambdaLatestVersion');
  acknowledge(handler, 'CloudFormation invokes it synchronously (a custom resource): a failure fails the deployment', 'Serverless-LambdaDLQ');
  acknowledge(handler, "CDK's handler is not instrumented for X-Ray: nothing to trace but the deployment's copy", 'Serverless-LambdaTracing');
  acknowledge(handler, "Lambda's standard policy for the handler's own logs (CreateLogGroup, CreateLogStream, PutLogEvents)", BASIC_EXECUTION_ROLE);
  acknowledge(
    handler,
    "BucketDeployment's grants: read the asset's zip, replace the portal's files (keys from the build), invalidate the distribution ('*' only)",
    ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => `AwsSolutions-IAM5[Action::${action}]`),
    wildcardResource(handler, assets),
    wildcardResource(handler, destination.arnForObjects('*')),
    'AwsSolutions-IAM5[Resource::*]',
  );
}
