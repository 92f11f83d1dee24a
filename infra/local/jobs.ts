import type { DynamoDBBatchResponse, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Container } from '../../shared/container';
import { logger } from '../../shared/logger';
import type { LocalResources } from './resources';
import { loadHandler, lambdaContext } from './lambda-context';
import { QueuePoller } from './queue-poller';
import { StreamPoller } from './stream-poller';
import { sweepExpiredItems } from './ttl-sweeper';

export const JOB_NAMES = ['expiry-warnings', 'ttl', 'stream', 'notifier', 'reconcile-documents', 'replay-stream-failures'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * What EventBridge Scheduler and the Lambda event source mappings do in AWS: the same job
 * handlers, fired by timers or on demand (POST /local/jobs/{name}). Runs of one job never overlap.
 */
export class LocalJobs {
  private readonly running = new Map<JobName, Promise<unknown>>();
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(private readonly runners: Record<JobName, () => Promise<Record<string, unknown>>>) {}

  static async create(root: string, deps: Container, resources: LocalResources): Promise<LocalJobs> {
    const onTableChange = await loadHandler<DynamoDBStreamEvent, DynamoDBBatchResponse | undefined>(root, 'functions/jobs/on-table-change/handler.ts');
    const notifier = await loadHandler<SQSEvent, SQSBatchResponse | undefined>(root, 'functions/jobs/notifier/handler.ts');
    const expiryWarnings = await loadHandler<Record<string, never>, Record<string, unknown>>(root, 'functions/jobs/expiry-warnings/handler.ts');
    const reconcileDocuments = await loadHandler<Record<string, never>, Record<string, unknown>>(root, 'functions/jobs/reconcile-documents/handler.ts');
    const replayStreamFailures = await loadHandler<Record<string, never>, Record<string, unknown>>(root, 'functions/jobs/replay-stream-failures/handler.ts');
    const stream = new StreamPoller(deps.clients, resources.tableName, resources.streamFailuresBucket, (event) =>
      onTableChange(event, lambdaContext('on-table-change', 300_000)),
    );
    const queue = new QueuePoller(deps.clients, resources.notificationsQueueUrl, (event) => notifier(event, lambdaContext('notifier', 30_000)));
    return new LocalJobs({
      'expiry-warnings': async () => ({ ...(await expiryWarnings({}, lambdaContext('expiry-warnings', 300_000))) }),
      ttl: async () => ({ deleted: await sweepExpiredItems(deps.clients, resources.tableName, deps.clock) }),
      stream: async () => ({ records: await stream.drain() }),
      notifier: async () => ({ messages: await queue.drain() }),
      'reconcile-documents': async () => ({ ...(await reconcileDocuments({}, lambdaContext('reconcile-documents', 900_000))) }),
      'replay-stream-failures': async () => ({ ...(await replayStreamFailures({}, lambdaContext('replay-stream-failures', 900_000))) }),
    });
  }

  /** Runs one pass of `name` after any pass already under way, and reports what it did. */
  async run(name: JobName): Promise<Record<string, unknown>> {
    const previous = this.running.get(name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.runners[name]());
    this.running.set(name, next);
    return { ran: name, ...(await next) };
  }

  /** Timers for `npm start`: stream and queue every second, the daily jobs once a day; the replay runs only on demand, as in AWS. */
  startTimers(): void {
    const every = (name: JobName, ms: number) =>
      this.timers.push(setInterval(() => this.run(name).catch((error: unknown) => logger.error(`job ${name} failed`, { error: error as Error })), ms));
    every('stream', 1000);
    every('notifier', 1000);
    every('ttl', 60_000);
    every('expiry-warnings', 24 * 3600_000);
    every('reconcile-documents', 24 * 3600_000);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled(this.running.values());
  }
}
