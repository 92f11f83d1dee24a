import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface EdgeFirewallProps {
  /** Requests per 5 minutes from one IP address before it is blocked (setting `edgeRateLimit`). */
  rateLimit: number;
}

/**
 * AWS managed rule groups that never look at the size of a body. Not AWSManagedRulesCommonRuleSet:
 * its SizeRestrictions_BODY blocks bodies over 8 KB, and publishing carries PDFs in base64 (up to
 * ~6 MB) in the body.
 */
const MANAGED_RULE_GROUPS = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesKnownBadInputsRuleSet'] as const;

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  // No sampled requests: WAF would keep whole requests (paths with SSINs, bearer tokens) for hours.
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: false };
}

/** The WAF web ACL in front of the CloudFront distribution (portal and API): must live in us-east-1. */
export class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'e-Box Enterprise: rate limit per IP address and AWS managed rules, in front of the portal and the API',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('EboxEdge'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: props.rateLimit, evaluationWindowSec: 300 } },
          // 429, as API Gateway's throttling answers, rather than WAF's 403, which reads as a refused access.
          action: { block: { customResponse: { responseCode: 429 } } },
          visibilityConfig: visibility('EboxEdgeRateLimitPerIp'),
        },
        ...MANAGED_RULE_GROUPS.map((name, index) => ({
          name,
          priority: index + 1,
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          overrideAction: { none: {} },
          visibilityConfig: visibility(`EboxEdge${name}`),
        })),
      ],
    });
  }
}
