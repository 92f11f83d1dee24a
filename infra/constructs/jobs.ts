import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, S3OnFailureDestination, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FOLDER_PREFIXES } from '../../shared/adapters/s3/object-keys';
import { STREAM_FAILURES_PREFIX } from '../../shared/adapters/s3/stream-failures';
import { acknowledge, wildcardResource } from '../nag';
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
  /** Where the failed stream batches' bucket writes its server access logs (AccessLogsBucket). */
  accessLogs: IBucket;
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
    const documentAreas = Object.values(FOLDER_PREFIXES).map((prefix) => `${prefix}*`);
    /** Deleting PDFs in the two document areas (never uploads), one at a time or in DeleteObjects batches. */
    const grantDeletePdfs = (job: EboxFunction) => {
      const objects = documentAreas.map((area) => bucket.arnForObjects(area));
      job.addToRolePolicy(new PolicyStatement({ actions: ['s3:DeleteObject'], resources: objects }));
      for (const area of objects) acknowledge(job, "'*' is the PDFs' keys under one document area of the bucket", wildcardResource(job, area));
    };
    const indexes = wildcardResource(this, `${table.tableArn}/index/*`);

    this.onTableChange = new EboxFunction(this, 'OnTableChange', {
      handler: 'functions/jobs/on-table-change/handler.ts',
      environment,
      description: 'Table stream: deletes expired documents, queues new-message notifications',
      timeout: Duration.minutes(1),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.onTableChange,
    });
    this.streamFailures = new StreamFailuresBucket(this, 'StreamFailures', props.accessLogs);
    this.onTableChange.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        onFailure: new S3OnFailureDestination(this.streamFailures),
      }),
    );
    acknowledge(
      this.onTableChange,
      "S3OnFailureDestination's grant (read-write) on the failed batches' bucket, whose keys Lambda makes",
      ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => `AwsSolutions-IAM5[Action::${action}]`),
      wildcardResource(this, this.streamFailures.arnForObjects('*')),
    );
    acknowledge(this.onTableChange, "DynamoEventSource's dynamodb:ListStreams, which has no resource-level permission", 'AwsSolutions-IAM5[Resource::*]');
    acknowledge(this.onTableChange, 'a stream batch that keeps failing goes whole to the S3 on-failure destination above', 'Serverless-LambdaDLQ');
    // Writes: the tombstone and unread-count update when an unread message expires.
    table.grantReadWriteData(this.onTableChange);
    acknowledge(this.onTableChange, "grantReadWriteData's indexes of the table: '*' is the index names", indexes);
    grantDeletePdfs(this.onTableChange);
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
    const [queueMapping] = this.notifier.node.children.filter((child) => child instanceof EventSourceMapping);
    if (!queueMapping) throw new Error('The notifier has no queue mapping');
    acknowledge(
      queueMapping,
      'SQS mappings take no on-failure destination: the queue hands a message to its dead-letter queue after 5 receives',
      'Serverless-LambdaEventSourceMappingDestination',
    );
    acknowledge(this.notifier, 'its failures stay in the notifications queue, then its dead-letter queue', 'Serverless-LambdaDLQ');
    table.grantReadWriteData(this.notifier);
    acknowledge(this.notifier, "grantReadWriteData's indexes of the table: '*' is the index names", indexes);
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
    acknowledge(this.expiryWarnings, "grantReadWriteData's indexes of the table: '*' is the index names", indexes);
    notificationsQueue.grantSendMessages(this.expiryWarnings);

    this.reconcileDocuments = new EboxFunction(this, 'ReconcileDocuments', {
      handler: 'functions/jobs/reconcile-documents/handler.ts',
      environment,
      description: 'Daily: deletes the PDFs of documents that are gone',
      timeout: Duration.minutes(15),
      reservedConcurrentExecutions: RESERVED_CONCURRENCY.oneAtATime,
    });
    // It lists the two document areas (never uploads), reads no PDF, and reads the table by key only.
    this.reconcileDocuments.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': documentAreas } } }),
    );
    grantDeletePdfs(this.reconcileDocuments);
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
    const batches = this.streamFailures.arnForObjects(`${STREAM_FAILURES_PREFIX}*`);
    this.replayStreamFailures.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:DeleteObject'], resources: [batches] }));
    acknowledge(this.replayStreamFailures, "'*' is the keys of the batches Lambda saved, under its own prefix", wildcardResource(this, batches));
    acknowledge(this.replayStreamFailures, 'run on demand and synchronously (aws lambda invoke): its caller sees the failure', 'Serverless-LambdaDLQ');
    // Then the stream consumer's own work: PDFs deleted; tombstone, unread count and audit written (one transaction, no read); notifications queued.
    grantDeletePdfs(this.replayStreamFailures);
    this.replayStreamFailures.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [table.tableArn] }));
    this.replayStreamFailures.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [notificationsQueue.queueArn] }));

    this.dailyDeadLetters = new DeadLetterQueue(this, 'DailyDeadLetters');
    acknowledge(
      this.dailyDeadLetters,
      "EventBridge Scheduler's dead-letter queue, which cdk-nag only recognizes in an SQS redrive policy",
      'AwsSolutions-SQS3',
    );
    const runDaily = (job: EboxFunction, hour: string, description: string) => {
      new Schedule(this, `${job.node.id}Daily`, {
        description,
        schedule: ScheduleExpression.cron({ minute: '0', hour, timeZone: TimeZone.EUROPE_BRUSSELS }),
        target: new LambdaInvoke(job, { ...DAILY_RUN, deadLetterQueue: this.dailyDeadLetters }),
      });
      acknowledge(job, 'a failed run holds no data: its alarm goes off (daily-failed) and the next run catches up', 'Serverless-LambdaDLQ');
      // The scheduler's role is CDK's, at the stack's root: acknowledged there, for this ARN alone.
      acknowledge(Stack.of(this), "the scheduler's grant to invoke the job: ':*' is its versions and aliases", wildcardResource(this, `${job.functionArn}:*`));
    };
    runDaily(this.expiryWarnings, '6', 'Expiry warnings, every morning Belgian time');
    runDaily(this.reconcileDocuments, '3', 'Deletes the PDFs of gone documents, every night Belgian time');
    this.daily = [this.expiryWarnings, this.reconcileDocuments];
  }
}
