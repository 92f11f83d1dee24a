import { TABLE_SCHEMA } from './table-schema';

const KEY_ATTRIBUTES = new Set<string>([
  TABLE_SCHEMA.partitionKey,
  TABLE_SCHEMA.sortKey,
  TABLE_SCHEMA.ttlAttribute,
  'type',
  ...Object.values(TABLE_SCHEMA.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
]);

/** The domain object stored in an item: everything but the table's key attributes. */
export function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;
}

/** True when a transaction was cancelled because the condition of item `index` failed. */
export function conditionFailedAt(error: unknown, index: number): boolean {
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return (error as Error).name === 'TransactionCanceledException' && reasons?.[index]?.Code === 'ConditionalCheckFailed';
}

export const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

/** The table key of an item whose key helper also carries index attributes. */
export const primaryKey = (key: { pk: string; sk: string }) => ({ pk: key.pk, sk: key.sk });

export const BASE_KEY = ['pk', 'sk'] as const;
export const GSI1_KEY = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;

/**
 * A page from a Query made with `Limit: pageSize + 1`: the extra item only tells that more
 * follow, so the last page has no position to continue from (DynamoDB alone would hand one out
 * whenever the limit is reached, leading to an empty page).
 */
export function toPage(
  result: { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> },
  pageSize: number,
  keyNames: readonly string[],
): { items: Record<string, unknown>[]; last?: Record<string, string> } {
  const items = result.Items ?? [];
  if (items.length > pageSize) {
    const kept = items.slice(0, pageSize);
    const tail = kept[kept.length - 1] ?? {};
    return { items: kept, last: Object.fromEntries(keyNames.map((name) => [name, String(tail[name])])) };
  }
  return { items, ...(result.LastEvaluatedKey ? { last: result.LastEvaluatedKey as Record<string, string> } : {}) };
}
