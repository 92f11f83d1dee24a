/**
 * What the daily expiry-warning job reads for the same set of expiring documents in a table 1×,
 * 10× and 100× larger: counts (queries, capacity units, items), not timings.
 */
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { keys } from '../shared/adapters/dynamodb/keys';
import { container } from '../shared/container';
import { queueExpiryWarnings } from '../shared/services/expiry-warnings';

const EXPIRING = 20;
const DAY_MS = 86_400_000;

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

/** Rows of the table, one per size; `factors` of the first table (≥ 200 items). */
export async function measureExpiryWarnings(factors: readonly number[]): Promise<string[]> {
  const deps = container();
  const now = deps.clock.now();
  const soon = (index: number) => new Date(now.getTime() + (2 + (index % 10)) * DAY_MS);
  const later = (index: number) => new Date(now.getTime() + (60 + (index % 300)) * DAY_MS);
  const rows: string[] = ['| table items | expiring | queries | capacity units | documents warned |', '| --- | --- | --- | --- | --- |'];
  let baseline = 0;
  for (const factor of factors) {
    // The same number of documents in the window each time; the rest of the table grows.
    const expiring = Array.from({ length: EXPIRING }, (_, index) => messageItem('0123456749', soon(index)));
    const size = await countItems();
    const target = baseline === 0 ? Math.max(200, size + EXPIRING) : baseline * factor;
    await write(Array.from({ length: Math.max(0, target - size - EXPIRING) }, (_, index) => messageItem('0202239951', later(index))));
    await write(expiring);
    if (baseline === 0) baseline = await countItems();
    const report = await queueExpiryWarnings(deps);
    rows.push(`| ${await countItems()} | ${EXPIRING} | ${report.queries} | ${report.capacityUnits} | ${report.documents} |`);
  }
  return rows;
}
