import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EboxFunction } from './ebox-function';
import { NOTIFIER_TIMEOUT } from './notifications';
import { DeadLetterQueue } from './secure-queue';

export interface JobsProps {
  environment: Readonly<Record<string, string>>;
  table: ITable;
  bucket: IBucket;
  notificationsQueue: IQueue;
  /** The SES identity (domain or address) the notifier may send from. */
  sesIdentity: string;
}

/** The background work: table-stream consumer, notifier (queue → SES) and the daily expiry warnings. */
export class Jobs extends Construct {
  readonly onTableChange: EboxFunction;
  readonly notifier: EboxFunction;
  readonly expiryWarnings: EboxFunction;
  /** Where stream batches land (as metadata) once their retries are spent. */
  readonly streamFailuresQueue: DeadLetterQueue;
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
    });
    this.streamFailuresQueue = new DeadLetterQueue(this, 'StreamFailures');
    this.onTableChange.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(this.streamFailuresQueue),
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
    });
    this.notifier.addEventSource(
      new SqsEventSource(notificationsQueue, {
        batchSize: 10,
        // Gathers a burst of publications so one company gets one email, not one per message.
        maxBatchingWindow: Duration.seconds(20),
        reportBatchItemFailures: true,
      }),
    );
    table.grantReadWriteData(this.notifier);
    this.notifier.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity })],
      }),
    );

    this.expiryWarnings = new EboxFunction(this, 'ExpiryWarnings', {
      handler: 'functions/jobs/expiry-warnings/handler.ts',
      environment,
      description: 'Daily: queues one expiry-warning digest per company',
      timeout: Duration.minutes(5),
    });
    table.grantReadWriteData(this.expiryWarnings);
    notificationsQueue.grantSendMessages(this.expiryWarnings);
    new Schedule(this, 'ExpiryWarningsDaily', {
      description: 'Expiry warnings, every morning Belgian time',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '6', timeZone: TimeZone.EUROPE_BRUSSELS }),
      target: new LambdaInvoke(this.expiryWarnings, { retryAttempts: 3 }),
    });
    this.daily = [this.expiryWarnings];
  }
}
