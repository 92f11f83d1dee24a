import { App } from 'aws-cdk-lib';
import { EboxStack } from './ebox-stack';

const app = new App();
new EboxStack(app, 'EboxEnterprise', {
  description: 'e-Box Enterprise: electronic mailbox between public institutions and companies',
  // Unset (no AWS account), the stack is environment-agnostic and still synthesizes.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
