import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, S3OnFailureDestination, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FOLDER_PREFIXES } from '../../shared/adapters/s3/object-keys';
import { STREAM_FAILURES_PREFIX } from '../../shared/adapters/s3/stream-failures';
import { EboxFunction } from './ebox-function';
import { NOTIFIER_TIMEOUT } from './notifications';
import { DeadLetterQueue } from './secure-queue';
import { StreamFailuresBucket } from './stream-failures-bucket';

/**
 * Reserved concurrency: each job keeps its own share of the account's concurrency, so that a burst
 * of API traffic cannot starve it. Small numbers (18 in all): AWS refuses a reservation that
 * leaves less than 100 unreserved for everything else, so the account needs a concurrency limit of
 * at least 118 (1,000 by default).
 */
const RESERVED_CONCURRENCY = {
  /** One invocation per stream shard at a time: a handful of shards for a table of this size. */
  onTableChange: 10,
  /** As the queue mapping's maximum concurrency (no throttled batch counts as a receive), and gentle on SES's sending rate. */
  notifier: 5,
  /** Daily or on-demand jobs: one run at a time; a second would only repeat the first. */
  oneAtATime: 1,
} as const;

/**
 * EventBridge Scheduler invokes a job asynchronously: its retries and dead-letter queue cover
 * starting the job (throttled, refused, function gone), not the job's own errors (its alarms
 * do). A run that cannot start within an hour of its time needs a person: it goes to the
 * dead-letter queue, whose alarm says so the same morning.
 */
const DAILY_RUN = { retryAttempts: 3, maxEventAge: Duration.hours(1) } as const;

export interface JobsProps {
  environment: Readonly<Record<string, string>>;
  table: ITable;
  bucket: IBucket;
  notificationsQueue: IQueue;
  /** The SES identity (domain or address) the notifier may send from. */
  sesIdentity: string;
  /** The SES configuration set the notifier sends with (SES checks the permission on it too). */
  sesConfigurationSetName: string;
}

/**
 * The background work: table-stream consumer, notifier (queue → SES), the daily expiry warnings and
 * reconciliation of documents, and the replay of failed stream batches (on demand).
 */
export class Jobs extends Construct {
  readonly onTableChange: EboxFunction;
  readonly notifier: EboxFunction;
  readonly expiryWarnings: EboxFunction;
  readonly reconcileDocuments: EboxFunction;
  readonly replayStreamFailures: EboxFunction;
  /** Where stream batches land, whole, once their retries are spent; replayStreamFailures replays them. */
  readonly streamFailures: StreamFailuresBucket;
  /** The daily runs EventBridge Scheduler could not start. */
  readonly dailyDeadLetters: DeadLetterQueue;
  /** The jobs EventBridge Scheduler runs every day: each must run, and succeed, once a day. */
  readonly daily: readonly EboxFunction[];

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const { environment, table, bucket, notificationsQueue } = props;

    this.onTableChange = new EboxFunction(this, 'OnTableChange', {
      handler: 'functions/jobs/on-table-change/handler.ts',
      environment,
      description: 'Table stream: deletes expired documents, queues new-message notifications',
      timeout: Duration.minutes(1),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.onTableChange,
    });
    this.streamFailures = new StreamFailuresBucket(this, 'StreamFailures');
    this.onTableChange.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        onFailure: new S3OnFailureDestination(this.streamFailures),
      }),
    );
    // Writes: the tombstone and unread-count update when an unread message expires.
    table.grantReadWriteData(this.onTableChange);
    bucket.grantDelete(this.onTableChange);
    notificationsQueue.grantSendMessages(this.onTableChange);

    this.notifier = new EboxFunction(this, 'Notifier', {
      handler: 'functions/jobs/notifier/handler.ts',
      environment,
      description: 'Notifications queue: sends emails through SES',
      timeout: NOTIFIER_TIMEOUT,
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.notifier,
    });
    this.notifier.addEventSource(
      new SqsEventSource(notificationsQueue, {
        batchSize: 10,
        // Gathers a burst of publications so one company gets one email, not one per message.
        maxBatchingWindow: Duration.seconds(20),
        reportBatchItemFailures: true,
        maxConcurrency: RESERVED_CONCURRENCY.notifier,
      }),
    );
    table.grantReadWriteData(this.notifier);
    this.notifier.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity }),
          Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: props.sesConfigurationSetName }),
        ],
      }),
    );

    this.expiryWarnings = new EboxFunction(this, 'ExpiryWarnings', {
      handler: 'functions/jobs/expiry-warnings/handler.ts',
      environment,
      description: 'Daily: queues one expiry-warning digest per company',
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.oneAtATime,
    });
    table.grantReadWriteData(this.expiryWarnings);
    notificationsQueue.grantSendMessages(this.expiryWarnings);

    this.reconcileDocuments = new EboxFunction(this, 'ReconcileDocuments', {
      handler: 'functions/jobs/reconcile-documents/handler.ts',
      environment,
      description: 'Daily: deletes the PDFs of documents that are gone',
      timeout: Duration.minutes(15),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.oneAtATime,
    });
    const documentAreas = Object.values(FOLDER_PREFIXES).map((prefix) => `${prefix}*`);
    // It lists the two document areas (never uploads), reads no PDF, and reads the table by key only.
    this.reconcileDocuments.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': documentAreas } } }),
    );
    this.reconcileDocuments.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:DeleteObject'], resources: documentAreas.map((area) => bucket.arnForObjects(area)) }),
    );
    this.reconcileDocuments.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:BatchGetItem'], resources: [table.tableArn] }));

    this.replayStreamFailures = new EboxFunction(this, 'ReplayStreamFailures', {
      handler: 'functions/jobs/replay-stream-failures/handler.ts',
      environment: { ...environment, STREAM_FAILURES_BUCKET: this.streamFailures.bucketName },
      description: 'On demand: replays the table-stream batches the stream consumer gave up on',
      timeout: Duration.minutes(15),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.oneAtATime,
    });
    // The kept batches: list, read, and delete once replayed.
    this.replayStreamFailures.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.streamFailures.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${STREAM_FAILURES_PREFIX}*` } },
      }),
    );
    this.replayStreamFailures.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject', 's3:DeleteObject'], resources: [this.streamFailures.arnForObjects(`${STREAM_FAILURES_PREFIX}*`)] }),
    );
    // Then the stream consumer's own work: PDFs deleted; tombstone, unread count and audit written (one transaction, no read); notifications queued.
    this.replayStreamFailures.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:DeleteObject'], resources: documentAreas.map((area) => bucket.arnForObjects(area)) }),
    );
    this.replayStreamFailures.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [table.tableArn] }));
    this.replayStreamFailures.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [notificationsQueue.queueArn] }));

    this.dailyDeadLetters = new DeadLetterQueue(this, 'DailyDeadLetters');
    const runDaily = (job: EboxFunction, hour: string, description: string) =>
      new Schedule(this, `${job.node.id}Daily`, {
        description,
        schedule: ScheduleExpression.cron({ minute: '0', hour, timeZone: TimeZone.EUROPE_BRUSSELS }),
        target: new LambdaInvoke(job, { ...DAILY_RUN, deadLetterQueue: this.dailyDeadLetters }),
      });
    runDaily(this.expiryWarnings, '6', 'Expiry warnings, every morning Belgian time');
    runDaily(this.reconcileDocuments, '3', 'Deletes the PDFs of gone documents, every night Belgian time');
    this.daily = [this.expiryWarnings, this.reconcileDocuments];
  }
}
