import { type App, Tags } from 'aws-cdk-lib';
import { readSettings } from './constructs/settings';
import { EboxStack } from './ebox-stack';
import { EdgeStack } from './edge-stack';

/** The app's stacks and tags, as `cdk synth` makes them (infra/app.ts) and the tests check them. */
export function addStacks(app: App): void {
  // Throws in prod while a setting, the account or the region is missing (infra/constructs/settings.ts).
  const { stage, account, region } = readSettings(app);
  Tags.of(app).add('app', 'ebox-enterprise');
  Tags.of(app).add('stage', stage);

  // Dev keeps the id of the deployments made before stages existed; prod can live beside it.
  const id = stage === 'prod' ? 'EboxEnterprise-prod' : 'EboxEnterprise';
  // CloudFront takes a WAF web ACL only from us-east-1, so it has a stack there, read across regions
  // (Fn::GetStackOutput), which needs the account and region known at synth time: -c account=…
  // -c region=… (always in prod). Without them (dev only) there is no WAF, and the stack goes where
  // the CLI's credentials point, or stays environment-agnostic offline, as before stages.
  const edge = account && region ? new EdgeStack(app, `${id}-edge`, { account, description: 'e-Box Enterprise: the WAF in front of CloudFront' }) : undefined;
  new EboxStack(app, id, {
    description: 'e-Box Enterprise: electronic mailbox between public institutions and companies',
    env: { account: account ?? process.env.CDK_DEFAULT_ACCOUNT, region: region ?? process.env.CDK_DEFAULT_REGION },
    crossRegionReferences: edge !== undefined,
    webAclArn: edge?.webAclArn,
  });
}
