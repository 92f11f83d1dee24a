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

/**
 * A page from a Query made with `Limit: pageSize + 1`: the extra item only tells that more
 * follow, so the last page has no cursor (DynamoDB alone would hand out a LastEvaluatedKey
 * whenever the limit is reached, leading to an empty page). `cursorAfter` turns the key of the
 * last position into the list's opaque cursor (cursors.ts).
 */
export function toPage(
  result: { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> },
  pageSize: number,
  cursorAfter: (key: Record<string, unknown>) => string,
): { items: Record<string, unknown>[]; next?: string } {
  const items = result.Items ?? [];
  if (items.length > pageSize) {
    const kept = items.slice(0, pageSize);
    return { items: kept, next: cursorAfter(kept[kept.length - 1] ?? {}) };
  }
  return { items, ...(result.LastEvaluatedKey ? { next: cursorAfter(result.LastEvaluatedKey) } : {}) };
}
