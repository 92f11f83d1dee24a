/** A page of `items` (already in list order): the cursor is the position of the next item, as opaque as the real one. */
export function pageOf<T>(items: T[], limit: number, cursor?: string): { items: T[]; next?: string } {
  const start = cursor ? Number(cursor) : 0;
  const end = start + limit;
  return { items: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) };
}
