import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct, IConstruct } from 'constructs';
import type { EboxFunction } from './ebox-function';
import type { Notifications } from './notifications';
import type { DeadLetterQueue } from './secure-queue';
import type { StreamFailuresBucket } from './stream-failures-bucket';

const RUNBOOK = 'Runbook: docs/operations.md.';
const FIVE_MINUTES = Duration.minutes(5);
const DAY = Duration.days(1);

/** `Jobs-Notifier` for the construct at `<stack>/Jobs/Notifier`: stable as long as the construct keeps its id. */
export function pathName(construct: IConstruct): string {
  const scopes = construct.node.scopes;
  return scopes
    .slice(scopes.indexOf(Stack.of(construct)) + 1)
    .map((scope) => scope.node.id)
    .join('-');
}

/** `<stack name>-<what>`: unique in the account and region, the same from one deployment to the next. */
export function alarmName(scope: IConstruct, what: string): string {
  return `${Stack.of(scope).stackName}-${what}`;
}

interface AlarmSpec {
  /** The alarm's name after the stack's, and its construct id. */
  what: string;
  /** What it means and where to look. */
  description: string;
  metric: IMetric;
  threshold: number;
  comparison: ComparisonOperator;
  /** 1 unless told. */
  evaluationPeriods?: number;
  /** Every evaluated period unless told. */
  datapointsToAlarm?: number;
  /** Unless told, no data is no trouble: no request, no message, no email. */
  treatMissingData?: TreatMissingData;
}

function alarm(scope: Construct, spec: AlarmSpec): Alarm {
  return new Alarm(scope, spec.what, {
    alarmName: alarmName(scope, spec.what),
    alarmDescription: `${spec.description} ${RUNBOOK}`,
    metric: spec.metric,
    threshold: spec.threshold,
    comparisonOperator: spec.comparison,
    evaluationPeriods: spec.evaluationPeriods ?? 1,
    datapointsToAlarm: spec.datapointsToAlarm,
    treatMissingData: spec.treatMissingData ?? TreatMissingData.NOT_BREACHING,
  });
}

/** Anything in a dead-letter queue is work that will not be done until someone moves it back. */
export function deadLetterAlarm(scope: Construct, queue: DeadLetterQueue): Alarm {
  const where = pathName(queue);
  return alarm(scope, {
    what: `dead-letters-${where}`,
    description:
      `Work that failed all its retries is waiting in the dead-letter queue ${where} (${queue.queueName}), and stays undone until it is moved back; ` +
      'SQS drops it 14 days after it was first queued. Read a message to see what failed, and the logs of the function that consumes the queue or stream it came from.',
    metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: FIVE_MINUTES }),
    threshold: 1,
    comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  });
}

/** A table-stream batch that failed all its retries was saved for replay: its clean-up is not done. */
export function streamFailuresAlarm(scope: Construct, bucket: StreamFailuresBucket): Alarm {
  return alarm(scope, {
    what: 'stream-batches-failed',
    description:
      `A batch of table-stream records failed all its retries and was saved in ${bucket.bucketName} (aws/lambda/…): the PDFs of the ` +
      'documents it removed are not deleted yet (the daily reconciliation catches them within a day) and new-message emails may be missing. ' +
      'Fix the cause (logs of the OnTableChange function), then replay the batch with the ReplayStreamFailures function; S3 drops it after 14 days.',
    metric: bucket.metricSavedBatches(),
    threshold: 1,
    comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  });
}

/** A function that crashed or timed out, or that Lambda refused to run, in the last 5 minutes. */
export function functionAlarms(scope: Construct, fn: EboxFunction): Alarm[] {
  const where = pathName(fn);
  return [
    alarm(scope, {
      what: `errors-${where}`,
      description:
        `The function ${where} failed at least once in 5 minutes: an uncaught error, a timeout or a crash ` +
        `(an API answer of 500 problem+json is not one: see the API 5xx alarm). Logs: ${fn.logGroup.logGroupName}.`,
      metric: fn.metricErrors({ statistic: 'Sum', period: FIVE_MINUTES }),
      threshold: 1,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    }),
    alarm(scope, {
      what: `throttles-${where}`,
      description:
        `Lambda refused to run ${where} at least once in 5 minutes: the concurrency of the account (or of the function) was used up. ` +
        'An API call got an error; queue and stream events are retried. Look at ConcurrentExecutions of the account and at what else runs in it.',
      metric: fn.metricThrottles({ statistic: 'Sum', period: FIVE_MINUTES }),
      threshold: 1,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    }),
  ];
}

/*
 * The API's numbers. Refusals of bad input are 4xx: a 5xx is always our fault or AWS's, so 1% is
 * above any normal background. 2 of the last 3 five-minute windows: one failing (or slow) call
 * lands in a single window and never pages alone, while an outage pages within 10 minutes. From 10
 * requests per window only: under that (nights) a share means little, and a crash still shows in
 * its function's errors alarm. 3 s at p99: warm calls take tens of milliseconds and a cold start
 * (with the issuer's keys fetched) about a second; past 3 s the portal feels broken.
 */
const API_5XX_PERCENT = 1;
const API_MIN_REQUESTS = 10;
const API_P99_MS = 3000;
const API_WINDOWS = { evaluationPeriods: 3, datapointsToAlarm: 2 } as const;

export interface ApiAlarms {
  serverErrorRate: Alarm;
  latency: Alarm;
}

export function apiAlarms(scope: Construct, api: IHttpApi): ApiAlarms {
  const serverErrorRate = new MathExpression({
    expression: `IF(requests >= ${API_MIN_REQUESTS}, 100 * FILL(errors, 0) / requests, 0)`,
    usingMetrics: { requests: api.metricCount({ statistic: 'Sum' }), errors: api.metricServerError({ statistic: 'Sum' }) },
    period: FIVE_MINUTES,
    label: '5xx (% of requests)',
  });
  return {
    serverErrorRate: alarm(scope, {
      what: 'api-5xx-rate',
      description:
        `More than ${API_5XX_PERCENT}% of the API's answers were 5xx in 2 of the last 3 five-minute windows (counted from ${API_MIN_REQUESTS} requests a window). ` +
        "Look at the dashboard for the functions in error, then at their logs: a 5xx answer's log line carries its trace id.",
      metric: serverErrorRate,
      threshold: API_5XX_PERCENT,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...API_WINDOWS,
    }),
    latency: alarm(scope, {
      what: 'api-p99-latency',
      description:
        `The slowest 1% of the API's answers took more than ${API_P99_MS / 1000} s in 2 of the last 3 five-minute windows. ` +
        "Look at the dashboard for the functions concerned, then at their Duration and logs (DynamoDB or S3 slowing down, the issuer's keys slow to fetch).",
      metric: api.metricLatency({ statistic: 'p99', period: FIVE_MINUTES }),
      threshold: API_P99_MS,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...API_WINDOWS,
    }),
  };
}

/**
 * A daily job that failed (held for a day, where its errors alarm clears 5 minutes later) or did
 * not run at all: no invocation in 25 hours, a day plus slack for the schedule's timing; no data
 * there is the trouble itself, so it breaches (and is on after the first deployment until the first run).
 */
export function dailyJobAlarms(scope: Construct, job: EboxFunction): Alarm[] {
  const where = pathName(job);
  return [
    alarm(scope, {
      what: `daily-failed-${where}`,
      description: `The daily job ${where} failed at least once in the last 24 hours, retries included: today's run may be missing. Logs: ${job.logGroup.logGroupName}.`,
      metric: job.metricErrors({ statistic: 'Sum', period: DAY }),
      threshold: 1,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    }),
    alarm(scope, {
      what: `daily-not-run-${where}`,
      description:
        `The daily job ${where} has not run for 25 hours: its EventBridge Scheduler schedule is disabled, gone or cannot invoke it. ` +
        'Look at the schedule and at its role. Right after the first deployment, it is on until the first run.',
      metric: job.metricInvocations({ statistic: 'Sum', period: Duration.hours(25) }),
      threshold: 1,
      comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
    }),
  ];
}

/*
 * SES reviews an account whose bounce rate reaches 5% (and may pause its sending at 10%), or whose
 * complaint rate reaches 0.1%. Bounces: 2% of a day's emails leaves time to correct addresses
 * before a review, from 20 emails a day (one bounce in ten emails is no trend). Complaints: every
 * one, as one in a thousand emails is already the review threshold.
 */
const BOUNCE_PERCENT = 2;
const BOUNCE_MIN_EMAILS = 20;

export interface EmailAlarms {
  bounceRate: Alarm;
  complaints: Alarm;
}

export function emailAlarms(scope: Construct, notifications: Notifications): EmailAlarms {
  const bounceRate = new MathExpression({
    expression: `IF(sent >= ${BOUNCE_MIN_EMAILS}, 100 * FILL(bounced, 0) / sent, 0)`,
    usingMetrics: { sent: notifications.metricEmails('Send'), bounced: notifications.metricEmails('Bounce') },
    period: DAY,
    label: 'bounces (% of emails sent)',
  });
  return {
    bounceRate: alarm(scope, {
      what: 'email-bounce-rate',
      description:
        `More than ${BOUNCE_PERCENT}% of the emails of the last 24 hours bounced (counted from ${BOUNCE_MIN_EMAILS} emails): companies with a wrong ` +
        'notification address miss their notices, and SES reviews the account at 5%. The addresses: the SES suppression list ' +
        '(aws sesv2 list-suppressed-destinations --reasons BOUNCE); the rates: SES reputation metrics.',
      metric: bounceRate,
      threshold: BOUNCE_PERCENT,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
    }),
    complaints: alarm(scope, {
      what: 'email-complaints',
      description:
        'Someone marked an e-Box email as spam in the last 24 hours; SES reviews the account at 0.1% of emails. ' +
        'The addresses: the SES suppression list (aws sesv2 list-suppressed-destinations --reasons COMPLAINT); the rates: SES reputation metrics.',
      metric: notifications.metricEmails('Complaint', { period: DAY }),
      threshold: 1,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    }),
  };
}
