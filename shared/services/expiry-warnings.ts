import type { EnterpriseNumber } from '../domain/enterprise-number';
import type { NotificationJob } from '../domain/notification';
import type { Ports } from '../ports';
import type { ExpiringEntry } from '../ports/notifications-repository';
import { inParallel } from './in-parallel';

type Deps = Pick<Ports, 'notifications' | 'notificationQueue' | 'clock' | 'settings' | 'metrics'>;

const DAY_MS = 86_400_000;
/**
 * Documents marked at once. Each mark is one write to its own company's partition; the day a
 * campaign's 250,000 documents enter the window, one at a time (~5 ms each) would take ~21 minutes,
 * past Lambda's 15; 8 at a time, under 3, at ~3,200 write units a second, below the 4,000 an
 * on-demand table serves from the start (docs/capacity.md).
 */
const MARKS_IN_FLIGHT = 8;

export interface ExpiryWarningReport {
  /** Days of the expiry index that were read (the warning window). */
  days: number;
  queries: number;
  capacityUnits: number;
  documents: number;
  companies: number;
}

/**
 * The daily run: reads only the days of the expiry index in the warning window (its cost grows
 * with the documents expiring, not with the table), queues one warning digest per company, then
 * takes each document out of the index so it is warned once.
 */
export async function queueExpiryWarnings(deps: Deps, traceId?: string): Promise<ExpiryWarningReport> {
  const now = deps.clock.now();
  const end = new Date(now.getTime() + deps.settings.expiryWarningDays * DAY_MS);
  const report: ExpiryWarningReport = { days: 0, queries: 0, capacityUnits: 0, documents: 0, companies: 0 };
  const byCompany = new Map<EnterpriseNumber, ExpiringEntry[]>();
  for (let day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()); day <= end.getTime(); day += DAY_MS) {
    report.days += 1;
    const found = await deps.notifications.expiringOn(new Date(day).toISOString().slice(0, 10), now, end);
    report.queries += found.queries;
    report.capacityUnits += found.capacityUnits;
    for (const entry of found.entries) {
      const list = byCompany.get(entry.enterpriseNumber) ?? [];
      list.push(entry);
      byCompany.set(entry.enterpriseNumber, list);
    }
  }
  // Queue first, then mark: a crash in between re-queues, and the notifier's claims drop the duplicate.
  const jobs: NotificationJob[] = [...byCompany].map(([enterpriseNumber, entries]) => ({
    kind: 'EXPIRY_WARNING',
    enterpriseNumber,
    messageIds: entries.map((entry) => entry.messageId),
    ...(traceId ? { traceIds: [traceId] } : {}),
  }));
  await deps.notificationQueue.send(jobs);
  deps.metrics.count('ExpiryWarningsQueued', jobs.length);
  const at = now.toISOString();
  const marked = await inParallel([...byCompany.values()].flat(), MARKS_IN_FLIGHT, (entry) => deps.notifications.markWarned(entry, at));
  report.documents = marked.filter(Boolean).length;
  report.companies = byCompany.size;
  return report;
}
