import { keys } from '../../../shared/adapters/dynamodb/keys';
import type { EnterpriseNumber } from '../../../shared/domain/enterprise-number';
import type { ExpiringEntry } from '../../../shared/ports/notifications-repository';
import { queueExpiryWarnings } from '../../../shared/services/expiry-warnings';
import { FakeClock } from '../fakes/clock';
import { testSettings } from '../fakes/settings';
import { enterpriseNumber } from '../fakes/ids';
import { FakeNotifications, FakeQueue } from '../fakes/notifications';
import { FakeMetrics } from '../fakes/metrics';
import { slowed } from '../fakes/slowed';

const DAY_MS = 86_400_000;
const NOW = '2026-03-10T15:00:00.000Z';
const ALPHA = enterpriseNumber('01234567');
const BRAVO = enterpriseNumber('02345678');
const in_ = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

function setup(options: { now?: string; warningDays?: number } = {}) {
  const notifications = new FakeNotifications();
  const queue = new FakeQueue();
  const clock = new FakeClock(options.now ?? NOW);
  const deps = {
    notifications: notifications,
    notificationQueue: queue,
    clock: clock,
    settings: testSettings({ expiryWarningDays: options.warningDays ?? 14 }),
    metrics: new FakeMetrics(),
  };
  return { notifications, queue, clock, deps };
}

const entry = (messageId: string, enterprise: EnterpriseNumber, expiresAt: string): ExpiringEntry => ({ messageId, enterpriseNumber: enterprise, expiresAt });
const daysFrom = (firstDay: string, count: number) =>
  Array.from({ length: count }, (_, index) => new Date(Date.parse(firstDay) + index * DAY_MS).toISOString().slice(0, 10));

describe('queueExpiryWarnings reads', () => {
  it('exactly (warningDays + 1) days × 8 partitions, each once, from today', async () => {
    const { deps, notifications } = setup();
    const report = await queueExpiryWarnings(deps);
    const expected = daysFrom('2026-03-10', 15).flatMap((day) => keys.expiryPartitions(day));
    expect(notifications.queries).toHaveLength(15 * 8);
    expect(notifications.queries.map((query) => query.partition).sort()).toEqual([...expected].sort());
    expect(report).toMatchObject({ days: 15, queries: 120, documents: 0, companies: 0 });
  });

  it('the instants from now to now + warningDays', async () => {
    const { deps, notifications } = setup();
    await queueExpiryWarnings(deps);
    for (const query of notifications.queries) {
      expect(query.from).toBe(NOW);
      expect(query.to.startsWith(in_(14 * DAY_MS))).toBe(true);
    }
  });

  it.each([
    ['at midnight', '2026-03-10T00:00:00.000Z', 14, 15],
    ['just before midnight', '2026-03-10T23:59:59.999Z', 14, 15],
    ['with a 3-day window', NOW, 3, 4],
    ['with a 1-day window', NOW, 1, 2],
  ])('(warningDays + 1) days %s', async (_label, now, warningDays, days) => {
    const { deps, notifications } = setup({ now, warningDays });
    const report = await queueExpiryWarnings(deps);
    expect(report.days).toBe(days);
    expect(notifications.queries).toHaveLength(days * 8);
    expect(new Set(notifications.queries.map((query) => query.partition)).size).toBe(days * 8);
  });

  it('every page of a partition, adding up the capacity used', async () => {
    const { deps, notifications, queue } = setup();
    notifications.pageSize = 2;
    const many = Array.from({ length: 40 }, (_, index) => entry(`M${String(index).padStart(3, '0')}`, ALPHA, in_(2 * DAY_MS + index * 1000)));
    for (const item of many) notifications.addExpiring(item);
    const report = await queueExpiryWarnings(deps);
    expect(queue.jobs).toHaveLength(1);
    expect(new Set(queue.jobs[0]?.messageIds)).toEqual(new Set(many.map((item) => item.messageId)));
    expect(report.queries).toBe(notifications.queries.length);
    expect(report.queries).toBeGreaterThan(120);
    expect(report.capacityUnits).toBeCloseTo(report.queries * notifications.capacityPerQuery);
    expect(report.documents).toBe(40);
  });
});

describe('queueExpiryWarnings queues', () => {
  function populated() {
    const fakes = setup();
    const inWindow = [
      entry('A-soon', ALPHA, in_(2 * DAY_MS)),
      entry('A-later', ALPHA, in_(14 * DAY_MS - 3_600_000)),
      entry('A-edge', ALPHA, in_(14 * DAY_MS)),
      entry('A-today', ALPHA, in_(3_600_000)),
      entry('B-one', BRAVO, in_(5 * DAY_MS)),
    ];
    const outside = [
      entry('A-too-late', ALPHA, in_(14 * DAY_MS + 1)),
      entry('A-next-week', ALPHA, in_(20 * DAY_MS)),
      entry('B-expired', BRAVO, in_(-3_600_000)),
    ];
    for (const item of [...inWindow, ...outside]) fakes.notifications.addExpiring(item);
    return { ...fakes, inWindow, outside };
  }

  it('one job per company, with all its message ids in the window', async () => {
    const { deps, queue } = populated();
    const report = await queueExpiryWarnings(deps);
    expect(queue.jobs).toHaveLength(2);
    const byCompany = new Map(queue.jobs.map((job) => [job.enterpriseNumber, job]));
    expect(byCompany.get(ALPHA)?.kind).toBe('EXPIRY_WARNING');
    expect([...(byCompany.get(ALPHA)?.messageIds ?? [])].sort()).toEqual(['A-edge', 'A-later', 'A-soon', 'A-today']);
    expect(byCompany.get(BRAVO)).toEqual({ kind: 'EXPIRY_WARNING', enterpriseNumber: BRAVO, messageIds: ['B-one'] });
    expect(report).toMatchObject({ documents: 5, companies: 2 });
    expect(deps.metrics.counts).toEqual({ ExpiryWarningsQueued: 2 });
  });

  it("carries the run's trace id to every job it queues", async () => {
    const { deps, queue } = populated();
    await queueExpiryWarnings(deps, 'run-trace-1');
    expect(queue.jobs.map((job) => job.traceIds)).toEqual([['run-trace-1'], ['run-trace-1']]);
  });

  it('marks each queued document warned (at now), and leaves the others in the index', async () => {
    const { deps, notifications, inWindow, outside } = populated();
    await queueExpiryWarnings(deps);
    for (const item of inWindow) {
      expect(notifications.isIndexed(item)).toBe(false);
      expect(notifications.warned.get(item.messageId)).toBe(NOW);
    }
    for (const item of outside) {
      expect(notifications.isIndexed(item)).toBe(true);
      expect(notifications.warned.has(item.messageId)).toBe(false);
    }
  });

  it('marks documents 8 at a time, not one after the other (a campaign day would outlast Lambda otherwise)', async () => {
    const { deps, notifications } = setup();
    for (let index = 0; index < 40; index += 1) notifications.addExpiring(entry(`M${index}`, index % 2 ? ALPHA : BRAVO, in_(DAY_MS)));
    const marks = slowed(notifications.markWarned.bind(notifications), 1);
    notifications.markWarned = marks.call;
    expect((await queueExpiryWarnings(deps)).documents).toBe(40);
    expect(marks.seen.most).toBe(8);
  });

  it('warns a document once: a later run does not queue it again', async () => {
    const { deps, queue, clock, inWindow } = populated();
    await queueExpiryWarnings(deps);
    const batchesAfterFirst = queue.batches.length;
    clock.advance(60_000);
    const report = await queueExpiryWarnings(deps);
    const again = queue.batches
      .slice(batchesAfterFirst)
      .flat()
      .flatMap((job) => job.messageIds);
    for (const item of inWindow) expect(again).not.toContain(item.messageId);
    expect(again).toEqual(['A-too-late']); // it entered the window in the meantime
    expect(report).toMatchObject({ documents: 1, companies: 1 });
  });

  it('a second run at the same instant queues nothing', async () => {
    const { deps, queue } = populated();
    await queueExpiryWarnings(deps);
    const jobsAfterFirst = queue.jobs.length;
    const report = await queueExpiryWarnings(deps);
    expect(queue.jobs.length).toBe(jobsAfterFirst);
    expect(report).toMatchObject({ documents: 0, companies: 0 });
  });

  it('picks up tomorrow what entered the window since', async () => {
    const { deps, queue, clock } = populated();
    await queueExpiryWarnings(deps);
    clock.advanceDays(1);
    await queueExpiryWarnings(deps);
    const second = queue.batches[queue.batches.length - 1] ?? [];
    expect(second.flatMap((job) => job.messageIds)).toEqual(['A-too-late']);
  });

  it('counts only the documents this run marked, not those a concurrent run marked first', async () => {
    const { deps, queue, notifications, inWindow } = populated();
    queue.onSend = () => {
      // another run, started at the same time, marks two of them between our reads and our marks
      for (const id of ['A-soon', 'B-one']) {
        const item = inWindow.find((candidate) => candidate.messageId === id);
        if (item) void notifications.markWarned(item, 'concurrent');
      }
    };
    const report = await queueExpiryWarnings(deps);
    expect(report.documents).toBe(3);
    expect(notifications.warned.get('A-soon')).toBe('concurrent');
    expect(notifications.warned.get('A-later')).toBe(NOW);
  });

  it('queues before it marks: when the queue refuses, nothing is marked and the next run retries', async () => {
    const { deps, queue, notifications, inWindow } = populated();
    queue.failure = new Error('SQS refused 1 notification job(s)');
    await expect(queueExpiryWarnings(deps)).rejects.toThrow('SQS refused');
    for (const item of inWindow) expect(notifications.isIndexed(item)).toBe(true);
    queue.failure = undefined;
    const report = await queueExpiryWarnings(deps);
    expect(report.documents).toBe(5);
  });

  it('queues no job when nothing expires in the window', async () => {
    const { deps, queue } = setup();
    const report = await queueExpiryWarnings(deps);
    expect(queue.jobs).toEqual([]);
    expect(report).toMatchObject({ documents: 0, companies: 0 });
  });
});
