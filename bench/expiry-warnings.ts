/**
 * `npm run bench`: measures what the daily expiry-warning job reads for the same set of expiring
 * documents in a table 1×, 10× and 100× larger. Prints counts (queries, capacity units, items),
 * never timings: these machines are too noisy for those.
 */
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createServer } from 'node:net';
import { ulid } from 'ulid';
import { keys } from '../shared/adapters/dynamodb/keys';
import { container } from '../shared/container';
import { queueExpiryWarnings } from '../shared/services/expiry-warnings';
import { startRuntime } from '../infra/local/runtime';

const EXPIRING = 20;
const DAY_MS = 86_400_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

function messageItem(enterpriseNumber: string, expiresAt: Date) {
  const messageId = ulid();
  const iso = expiresAt.toISOString();
  return {
    ...keys.message(enterpriseNumber, messageId),
    ...keys.expiry(iso.slice(0, 10), messageId, iso, enterpriseNumber),
    type: 'MESSAGE',
    messageId,
    enterpriseNumber,
    expiresAt: iso,
    subject: { fr: 'bench' },
    attachments: [],
  };
}

async function write(items: Record<string, unknown>[]): Promise<void> {
  const { clients, config } = container();
  for (let start = 0; start < items.length; start += 25) {
    await clients.documents.send(
      new BatchWriteCommand({ RequestItems: { [config.tableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
}

async function countItems(): Promise<number> {
  const { clients, config } = container();
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await clients.documents.send(new ScanCommand({ TableName: config.tableName, Select: 'COUNT', ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

async function main(): Promise<void> {
  const [port, dynamodbPort, fauxqsPort, sesPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const runtime = await startRuntime({ port, dynamodbPort, fauxqsPort, sesPort, timers: false, progress: () => undefined });
  try {
    const deps = container();
    const now = deps.clock.now();
    const soon = (index: number) => new Date(now.getTime() + (2 + (index % 10)) * DAY_MS);
    const later = (index: number) => new Date(now.getTime() + (60 + (index % 300)) * DAY_MS);
    const rows: string[] = ['table items | expiring | queries | capacity units | documents warned'];
    let baseline = 0;
    for (const factor of [1, 10, 100]) {
      // The same number of documents in the window each time; the rest of the table grows.
      const expiring = Array.from({ length: EXPIRING }, (_, index) => messageItem('0123456749', soon(index)));
      const size = await countItems();
      const target = factor === 1 ? 200 : baseline * factor;
      await write(Array.from({ length: Math.max(0, target - size - EXPIRING) }, (_, index) => messageItem('0202239951', later(index))));
      await write(expiring);
      if (factor === 1) baseline = await countItems();
      const report = await queueExpiryWarnings(deps);
      rows.push(`${await countItems()} | ${EXPIRING} | ${report.queries} | ${report.capacityUnits} | ${report.documents}`);
    }
    console.log(rows.join('\n'));
    console.log('\nThe job reads the expiry index only for the days of the warning window: queries and capacity stay flat as the table grows.');
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
