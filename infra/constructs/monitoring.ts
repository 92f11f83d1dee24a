import { Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Dashboard } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { EboxFunction } from './ebox-function';
import { apiAlarms, dailyJobAlarms, deadLetterAlarm, emailAlarms, functionAlarms, streamFailuresAlarm } from './monitoring-alarms';
import { monitoringDashboard } from './monitoring-dashboard';
import { alarmTopic } from './monitoring-topic';
import type { Notifications } from './notifications';
import { DeadLetterQueue } from './secure-queue';
import { StreamFailuresBucket } from './stream-failures-bucket';

export interface MonitoringProps {
  /** Its 5xx rate and p99 latency. */
  api: IHttpApi;
  /** The jobs that must run, and succeed, once a day (Jobs.daily). */
  dailyJobs: readonly EboxFunction[];
  /** The bounces and complaints of its SES configuration set. */
  notifications: Notifications;
  /** Who is emailed the alarms; unset, the topic has no subscriber. */
  alarmEmail?: string;
}

/**
 * Alarms on what can go wrong unseen, one topic they all notify (on alarm and back to OK), and a
 * dashboard. Build it last in the stack: it watches every dead-letter queue and every EboxFunction
 * that exists by then, whoever added them.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const everything = Stack.of(this).node.findAll();
    const deadLetterQueues = everything.filter((construct): construct is DeadLetterQueue => construct instanceof DeadLetterQueue);
    const streamFailures = everything.filter((construct): construct is StreamFailuresBucket => construct instanceof StreamFailuresBucket);
    // The portal's deployment handler (a CDK custom resource) is left out: it runs during deployments
    // only, and its failure fails the deployment itself.
    const functions = everything.filter((construct): construct is EboxFunction => construct instanceof EboxFunction);

    const api = apiAlarms(this, props.api);
    const emails = emailAlarms(this, props.notifications);
    const alarms = [
      ...deadLetterQueues.map((queue) => deadLetterAlarm(this, queue)),
      ...streamFailures.map((bucket) => streamFailuresAlarm(this, bucket)),
      ...functions.flatMap((fn) => functionAlarms(this, fn)),
      api.serverErrorRate,
      api.latency,
      ...props.dailyJobs.flatMap((job) => dailyJobAlarms(this, job)),
      emails.bounceRate,
      emails.complaints,
    ];

    this.topic = alarmTopic(this, props.alarmEmail);
    const notify = new SnsAction(this.topic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }

    this.dashboard = monitoringDashboard(this, `${Stack.of(this).stackName}-operations`, {
      api: props.api,
      apiAlarms: api,
      functions,
      deadLetterQueues,
      dailyJobs: props.dailyJobs,
      notifications: props.notifications,
      emailAlarms: emails,
      alarms,
    });
  }
}
