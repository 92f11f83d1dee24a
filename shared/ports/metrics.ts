/**
 * Business events counted for the dashboard and alarms (CloudWatch metrics in AWS). Each is a
 * count of what really happened, recorded once the change is stored or the email accepted.
 */
export type MetricName =
  | 'MessagesPublished'
  | 'MessagesRead'
  | 'AttachmentsDownloaded'
  | 'EmailsSent'
  | 'EmailsFailed'
  | 'ExpiryWarningsQueued'
  | 'MessagesDeleted';

export interface Metrics {
  count(name: MetricName, value?: number): void;
}
