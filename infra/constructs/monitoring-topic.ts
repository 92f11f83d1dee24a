import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { alarmName } from './monitoring-alarms';

/**
 * The topic every alarm notifies, encrypted and TLS only, emailing `alarmEmail` when set. Its key
 * is a customer managed one: CloudWatch cannot publish to a topic under SNS's AWS managed key,
 * whose policy cannot grant it anything.
 */
export function alarmTopic(scope: Construct, alarmEmail: string | undefined): Topic {
  const key = new Key(scope, 'AlarmsKey', {
    description: 'e-Box alarms topic',
    enableKeyRotation: true,
    // It only protects notifications in transit: there is nothing to keep once the stack is gone.
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const topic = new Topic(scope, 'Alarms', { displayName: 'e-Box alarms', masterKey: key, enforceSSL: true });
  // CloudWatch publishes (and uses the key) for this stack's alarms in this account only: no confused deputy.
  const stack = Stack.of(scope);
  const alarms = stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: alarmName(scope, '*'), arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  topic.grantPublish(
    new ServicePrincipal('cloudwatch.amazonaws.com', {
      conditions: { ArnLike: { 'aws:SourceArn': alarms }, StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  );
  if (alarmEmail) {
    const subscription = topic.addSubscription(new EmailSubscription(alarmEmail));
    acknowledge(
      subscription,
      'an alarm whose email is lost keeps its state and history in CloudWatch (dashboard); a queue of lost emails would have no reader',
      'Serverless-SNSRedrivePolicy',
    );
  }
  return topic;
}
