import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { isExpired } from '../../domain/message';

type TableKey = { pk: string; sk: string };

/** BatchGetItem's limit of keys per call. */
const KEYS_PER_CALL = 100;
/** Keys left unprocessed (throttling) are asked again after a pause that doubles each time. */
const FIRST_PAUSE_MS = 100;
const MAX_ATTEMPTS = 8;

const tableKey = z.object({ pk: z.string(), sk: z.string() });
const projected = tableKey.extend({ expiresAt: z.unknown() });

const keyText = (key: TableKey) => `${key.pk}\u0000${key.sk}`;

/**
 * Those of `refs` whose item is still stored and unexpired at `now`, reading only the keys and
 * `expiresAt` with BatchGetItem (eventually consistent: enough for items a day old or more).
 */
export async function availableItems<T>(
  db: DynamoDBDocumentClient,
  tableName: string,
  refs: readonly T[],
  keyOf: (ref: T) => TableKey,
  now: Date,
): Promise<T[]> {
  const byKey = new Map(refs.map((ref) => [keyText(keyOf(ref)), ref]));
  const unique = [...byKey.values()];
  const available: T[] = [];
  for (let start = 0; start < unique.length; start += KEYS_PER_CALL) {
    let pending = unique.slice(start, start + KEYS_PER_CALL).map(keyOf);
    for (let attempt = 1; pending.length; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`BatchGetItem kept leaving ${pending.length} key(s) unprocessed`);
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, FIRST_PAUSE_MS * 2 ** (attempt - 2)));
      const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ProjectionExpression: 'pk, sk, expiresAt' } } }));
      for (const item of z.array(projected).parse(result.Responses?.[tableName] ?? [])) {
        const ref = byKey.get(keyText(item));
        const expiresAt = z.string().safeParse(item.expiresAt);
        // A stored item whose expiry cannot be read counts as available: in doubt, nothing is deleted.
        if (ref !== undefined && !(expiresAt.success && isExpired(expiresAt.data, now))) available.push(ref);
      }
      pending = z.array(tableKey).parse(result.UnprocessedKeys?.[tableName]?.Keys ?? []);
    }
  }
  return available;
}
