import { keys } from '../adapters/dynamodb/keys';
import type { ExpiringEntry } from '../adapters/dynamodb/notifications-repository';
import type { Container } from '../container';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import type { NotificationJob } from '../domain/notification';

type Deps = Pick<Container, 'notifications' | 'notificationQueue' | 'clock' | 'config'>;

const DAY_MS = 86_400_000;

export interface ExpiryWarningReport {
  /** Days of the expiry index that were read (the warning window). */
  days: number;
  queries: number;
  capacityUnits: number;
  documents: number;
  companies: number;
}

/**
 * The daily run: reads only the expiry-index partitions of the days in the warning window (its
 * cost grows with the documents expiring, not with the table), queues one warning digest per
 * company, then takes each document out of the index so it is warned once.
 */
export async function queueExpiryWarnings(deps: Deps): Promise<ExpiryWarningReport> {
  const now = deps.clock.now();
  const end = new Date(now.getTime() + deps.config.expiryWarningDays * DAY_MS);
  const report: ExpiryWarningReport = { days: 0, queries: 0, capacityUnits: 0, documents: 0, companies: 0 };
  const byCompany = new Map<EnterpriseNumber, ExpiringEntry[]>();
  for (let day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()); day <= end.getTime(); day += DAY_MS) {
    report.days += 1;
    for (const partition of keys.expiryPartitions(new Date(day).toISOString().slice(0, 10))) {
      let after: Record<string, unknown> | undefined;
      do {
        const page = await deps.notifications.expiring(partition, now.toISOString(), `${end.toISOString()}\uffff`, after);
        report.queries += 1;
        report.capacityUnits += page.capacityUnits;
        for (const entry of page.entries) {
          const list = byCompany.get(entry.enterpriseNumber as EnterpriseNumber) ?? [];
          list.push(entry);
          byCompany.set(entry.enterpriseNumber as EnterpriseNumber, list);
        }
        after = page.next;
      } while (after);
    }
  }
  // Queue first, then mark: a crash in between re-queues, and the notifier's claims drop the duplicate.
  const jobs: NotificationJob[] = [...byCompany].map(([enterpriseNumber, entries]) => ({
    kind: 'EXPIRY_WARNING',
    enterpriseNumber,
    messageIds: entries.map((entry) => entry.messageId),
  }));
  await deps.notificationQueue.send(jobs);
  const at = now.toISOString();
  for (const entries of byCompany.values()) {
    for (const entry of entries) if (await deps.notifications.markWarned(entry, at)) report.documents += 1;
  }
  report.companies = byCompany.size;
  return report;
}
