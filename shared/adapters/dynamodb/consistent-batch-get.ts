import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from './items/parse';

type TableKey = { pk: string; sk: string };

const MAX_ATTEMPTS = 5;
const FIRST_PAUSE_MS = 25;

/**
 * A few items of one table, strongly consistent, in one BatchGetItem: one request where parallel
 * GetItems would be several. The items come back in the order of `keys` (undefined where none is
 * stored). Keys left unprocessed (throttling) are asked again after a pause that doubles each time.
 */
export async function consistentBatchGet(db: DynamoDBDocumentClient, tableName: string, keys: readonly TableKey[]): Promise<Array<Item | undefined>> {
  const found = new Map<string, Item>();
  const id = (pk: unknown, sk: unknown) => `${String(pk)}\u0000${String(sk)}`;
  let pending: Array<Record<string, unknown>> = [...keys];
  for (let attempt = 1; pending.length; attempt += 1) {
    if (attempt > MAX_ATTEMPTS) throw new Error(`BatchGetItem kept leaving ${pending.length} key(s) unprocessed`);
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, FIRST_PAUSE_MS * 2 ** (attempt - 2)));
    const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of result.Responses?.[tableName] ?? []) found.set(id(item.pk, item.sk), item);
    pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return keys.map((key) => found.get(id(key.pk, key.sk)));
}
