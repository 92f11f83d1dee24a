type Item = Record<string, unknown>;

/**
 * A page from a Query made with `Limit: pageSize + 1`: the extra item only tells that more
 * follow, so the last page has no cursor (DynamoDB alone would hand out a LastEvaluatedKey
 * whenever the limit is reached, leading to an empty page). `cursorAfter` turns the key of the
 * last position into the list's opaque cursor (cursors.ts).
 */
export function toPage(
  result: { Items?: Item[]; LastEvaluatedKey?: Item },
  pageSize: number,
  cursorAfter: (key: Item) => string,
): { items: Item[]; next?: string } {
  const items = result.Items ?? [];
  if (items.length > pageSize) {
    const kept = items.slice(0, pageSize);
    return { items: kept, next: cursorAfter(kept[kept.length - 1] ?? {}) };
  }
  return { items, ...(result.LastEvaluatedKey ? { next: cursorAfter(result.LastEvaluatedKey) } : {}) };
}
