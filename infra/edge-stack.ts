import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeFirewall } from './constructs/edge-firewall';
import { readSettings } from './constructs/settings';

export interface EdgeStackProps extends Omit<StackProps, 'env'> {
  /** The main stack's account; the region is us-east-1, always. */
  account: string;
}

/**
 * What the CloudFront distribution needs from us-east-1: its WAF web ACL (scope CLOUDFRONT exists
 * only there) while the main stack may be in any region. The main stack reads the ACL's ARN across
 * regions: with cdk.json's weak references that is an Fn::GetStackOutput, no custom resource.
 */
export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, { account, ...props }: EdgeStackProps) {
    super(scope, id, { ...props, env: { account, region: 'us-east-1' } });
    const settings = readSettings(this);
    this.terminationProtection = settings.stage === 'prod';
    this.webAclArn = new EdgeFirewall(this, 'Firewall', { rateLimit: settings.edgeRateLimit }).webAcl.attrArn;
  }
}
