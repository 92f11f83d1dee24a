import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { type Alarm, AlarmStatusWidget, AlarmWidget, Dashboard, GraphWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import type { EboxFunction } from './ebox-function';
import { type ApiAlarms, type EmailAlarms, pathName } from './monitoring-alarms';
import type { Notifications } from './notifications';
import type { DeadLetterQueue } from './secure-queue';

export interface DashboardSources {
  api: IHttpApi;
  apiAlarms: ApiAlarms;
  functions: readonly EboxFunction[];
  deadLetterQueues: readonly DeadLetterQueue[];
  dailyJobs: readonly EboxFunction[];
  notifications: Notifications;
  emailAlarms: EmailAlarms;
  /** Every alarm, for the state of each at a glance. */
  alarms: readonly Alarm[];
}

const HOUR = Duration.hours(1);
/** CloudWatch's limit for an alarm status widget: two alarms a function reach it at about 45 functions. */
const ALARMS_PER_WIDGET = 100;

/** What the alarms watch, on one page: their states first, then the API, the functions, the queues, the jobs and the emails. */
export function monitoringDashboard(scope: Construct, name: string, sources: DashboardSources): Dashboard {
  const { api, apiAlarms, functions, deadLetterQueues, dailyJobs, notifications, emailAlarms } = sources;
  const dashboard = new Dashboard(scope, 'Dashboard', { dashboardName: name, defaultInterval: Duration.days(3) });
  for (let first = 0; first < sources.alarms.length; first += ALARMS_PER_WIDGET) {
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: sources.alarms.slice(first, first + ALARMS_PER_WIDGET), width: 24, height: 6 }));
  }
  dashboard.addWidgets(
    new GraphWidget({
      title: 'API requests and 5xx answers',
      left: [api.metricCount({ statistic: 'Sum', label: 'requests' })],
      right: [api.metricServerError({ statistic: 'Sum', label: '5xx' })],
      width: 8,
    }),
    new AlarmWidget({ title: 'API 5xx (% of requests)', alarm: apiAlarms.serverErrorRate, width: 8 }),
    new AlarmWidget({ title: 'API latency p99 (ms)', alarm: apiAlarms.latency, width: 8 }),
  );
  // One line per function, named by its construct path, in two compact graphs.
  dashboard.addWidgets(
    new GraphWidget({
      title: 'Function errors',
      left: functions.map((fn) => fn.metricErrors({ statistic: 'Sum', label: pathName(fn) })),
      width: 12,
    }),
    new GraphWidget({
      title: 'Function throttles',
      left: functions.map((fn) => fn.metricThrottles({ statistic: 'Sum', label: pathName(fn) })),
      width: 12,
    }),
  );
  dashboard.addWidgets(
    new GraphWidget({
      title: 'Dead-letter queues: messages waiting',
      left: deadLetterQueues.map((queue) => queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', label: pathName(queue) })),
      width: 6,
    }),
    new GraphWidget({
      title: 'Daily jobs: runs and errors per hour',
      left: dailyJobs.map((job) => job.metricInvocations({ statistic: 'Sum', period: HOUR, label: `${pathName(job)} runs` })),
      right: dailyJobs.map((job) => job.metricErrors({ statistic: 'Sum', period: HOUR, label: `${pathName(job)} errors` })),
      width: 6,
    }),
    new GraphWidget({
      title: 'Emails per hour: sent, bounced, complained',
      left: [notifications.metricEmails('Send', { period: HOUR, label: 'sent' })],
      right: [
        notifications.metricEmails('Bounce', { period: HOUR, label: 'bounced' }),
        notifications.metricEmails('Complaint', { period: HOUR, label: 'complained' }),
      ],
      width: 6,
    }),
    new AlarmWidget({ title: 'Email bounces (% of a day’s emails)', alarm: emailAlarms.bounceRate, width: 6 }),
  );
  return dashboard;
}
