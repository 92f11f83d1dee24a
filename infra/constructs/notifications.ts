import { Duration } from 'aws-cdk-lib';
import { Metric, type MetricOptions } from 'aws-cdk-lib/aws-cloudwatch';
import { CloudWatchDimensionSource, ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { NOTIFICATIONS_QUEUE } from '../definitions';
import { DeadLetterQueue, SecureQueue } from './secure-queue';

/**
 * The dimension SES publishes the configuration set's email events under: its own auto-tag, which
 * every email sent with the set carries, so the default value below is never needed.
 */
const CONFIGURATION_SET_DIMENSION = 'ses:configuration-set';

/** What SES reports about the emails (AWS/SES metrics): sends, to weigh the bounces and complaints against. */
export type EmailEvent = 'Send' | 'Bounce' | 'Complaint';

/**
 * The queue every email goes through, the dead-letter queue for those that keep failing, and the
 * SES configuration set the notifier sends with, which reports what became of each email.
 */
export class Notifications extends Construct {
  readonly queue: SecureQueue;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue');
    this.queue = new SecureQueue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(NOTIFICATIONS_QUEUE.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: NOTIFICATIONS_QUEUE.maxReceiveCount },
    });

    this.configurationSet = new ConfigurationSet(this, 'Emails');
    this.configurationSet.addEventDestination('Metrics', {
      destination: EventDestination.cloudWatchDimensions([
        { source: CloudWatchDimensionSource.MESSAGE_TAG, name: CONFIGURATION_SET_DIMENSION, defaultValue: this.configurationSet.configurationSetName },
      ]),
      events: [EmailSendingEvent.SEND, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
  }

  /** How many emails had this event, as the configuration set publishes it (summed; 5 minutes unless told). */
  metricEmails(event: EmailEvent, options: MetricOptions = {}): Metric {
    return new Metric({
      namespace: 'AWS/SES',
      metricName: event,
      dimensionsMap: { [CONFIGURATION_SET_DIMENSION]: this.configurationSet.configurationSetName },
      statistic: 'Sum',
      ...options,
    });
  }
}

/**
 * AWS advises a queue visibility timeout of at least six times the consumer's timeout, so a batch
 * being retried by Lambda is not handed to a second consumer meanwhile.
 */
export const NOTIFIER_TIMEOUT = Duration.seconds(NOTIFICATIONS_QUEUE.visibilityTimeoutSeconds / 6);
