/**
 * `task` for every item, at most `limit` at a time, results in the items' order. For jobs whose
 * items are independent writes (each to its own partition): one after the other they would add up
 * their latencies past Lambda's 15 minutes at campaign scale. After a failure no further item is
 * started, and the first failure is what it rejects with.
 */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next;
      next += 1;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
