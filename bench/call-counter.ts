import type { AwsClients } from '../shared/adapters/aws-clients';

/**
 * Counts, not infers, what the handlers ask of AWS: every SDK call of the container's clients (by
 * command), the DynamoDB capacity units the emulator reports for them (each call is asked for
 * `ReturnConsumedCapacity: TOTAL` when it does not ask itself), and the partition keys written,
 * table and index keys alike, for the campaign's hot-key check.
 */
export interface CallCounts {
  calls: Map<string, number>;
  /** When each request was on its way (performance.now()); presigned URLs send none and are left out. */
  requests: Array<{ began: number; ended: number }>;
  capacityUnits: number;
  /** Writes per partition key: `pk`, and the index keys (gsi1pk, expiryPk, unreadPk) of the items put. */
  writesByKey: Map<string, number>;
}

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;
const INDEX_KEYS = ['gsi1pk', 'expiryPk', 'unreadPk'] as const;

type Input = Record<string, unknown>;
type Middleware = (
  next: (args: { input: object }) => Promise<{ output?: unknown }>,
  context: { commandName?: string },
) => (args: { input: object }) => Promise<{ output?: unknown }>;
interface Observable {
  middlewareStack: { add(middleware: Middleware, options: { step: 'initialize'; name: string }): void };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : ((value as { S?: string } | undefined)?.S ?? undefined));

/** The items a write names: a put's item, a key, each entry of a transaction or a batch. */
function writtenItems(input: Input): Input[] {
  const own = (input.Item ?? input.Key) as Input | undefined;
  const transaction = ((input.TransactItems as Input[] | undefined) ?? []).flatMap((entry) =>
    Object.values(entry).map((operation) => ((operation as Input).Item ?? (operation as Input).Key) as Input | undefined),
  );
  const batch = Object.values((input.RequestItems as Record<string, Input[]> | undefined) ?? {}).flatMap((writes) =>
    Array.isArray(writes)
      ? writes.map((write) => ((write.PutRequest as Input | undefined)?.Item ?? (write.DeleteRequest as Input | undefined)?.Key) as Input | undefined)
      : [],
  );
  return [own, ...transaction, ...batch].filter((item): item is Input => item !== undefined);
}

function capacityOf(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: unknown } | undefined)?.ConsumedCapacity;
  const all = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return all.reduce((sum: number, entry: { CapacityUnits?: number }) => sum + (entry.CapacityUnits ?? 0), 0);
}

export class CallCounter {
  private counts: CallCounts = { calls: new Map(), capacityUnits: 0, writesByKey: new Map(), requests: [] };
  private counting = false;

  /** Watches these clients (the container's, or the floors'); counts only between `start()` and `stop()`. */
  constructor(clients: AwsClients) {
    this.watch(clients.dynamodb, 'DynamoDB', true);
    this.watch(clients.s3, 'S3', false);
    this.watch(clients.sqs, 'SQS', false);
    this.watch(clients.ses, 'SES', false);
  }

  start(): void {
    this.counts = { calls: new Map(), capacityUnits: 0, writesByKey: new Map(), requests: [] };
    this.counting = true;
  }

  stop(): CallCounts {
    this.counting = false;
    return this.counts;
  }

  private watch(client: unknown, service: string, dynamodb: boolean): void {
    (client as Observable).middlewareStack.add(
      (next, context) => async (args) => {
        if (!this.counting) return next(args);
        const command = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        const input = args.input as Input;
        const key = `${service} ${command}`;
        this.counts.calls.set(key, (this.counts.calls.get(key) ?? 0) + 1);
        if (dynamodb) {
          input.ReturnConsumedCapacity ??= 'TOTAL';
          if (WRITES.test(command)) {
            for (const item of writtenItems(input)) {
              for (const name of ['pk', ...INDEX_KEYS]) {
                const value = text(item[name]);
                if (value) this.counts.writesByKey.set(`${name}=${value}`, (this.counts.writesByKey.get(`${name}=${value}`) ?? 0) + 1);
              }
            }
          }
        }
        const began = performance.now();
        const result = await next(args);
        if ((result.output as { presigned?: unknown } | undefined)?.presigned === undefined) this.counts.requests.push({ began, ended: performance.now() });
        if (dynamodb) this.counts.capacityUnits += capacityOf(result.output);
        return result;
      },
      { step: 'initialize', name: 'benchCallCounter' },
    );
  }
}

/** `DynamoDB GetItem ×2, S3 PutObject ×1`: the calls of one request, in a stable order. */
export function describeCalls(calls: Map<string, number>): string {
  return [...calls.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');
}

export const totalCalls = (calls: Map<string, number>): number => [...calls.values()].reduce((sum, count) => sum + count, 0);

/**
 * How many requests one had to wait for, one after the other: the longest chain of requests each
 * sent after the previous one's answer. Requests in parallel count once: in AWS, where they do
 * run in parallel, this is what the latency is made of (DynamoDB Local runs them one at a time).
 */
export function requestsInSequence(requests: CallCounts['requests']): number {
  const sorted = [...requests].sort((a, b) => a.began - b.began);
  const depth: number[] = [];
  for (const [index, request] of sorted.entries()) {
    const before = sorted.slice(0, index).flatMap((earlier, at) => (earlier.ended <= request.began ? [depth[at] ?? 0] : []));
    depth.push(1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth);
}
