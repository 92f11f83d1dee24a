import type { NotificationJob } from '../domain/notification';

/** Every email goes through this queue to the notifier. */
export interface NotificationQueue {
  send(jobs: NotificationJob[]): Promise<void>;
}
