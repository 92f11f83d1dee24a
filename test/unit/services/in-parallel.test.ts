import { inParallel } from '../../../shared/services/in-parallel';

describe('inParallel', () => {
  it('runs every item once, at most `limit` at a time, and answers in the items’ order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await inParallel([5, 1, 4, 2, 3, 0, 6], 3, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, item));
      inFlight -= 1;
      return item * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('answers nothing for no items, and rejects with the first failure, starting no item after it', async () => {
    await expect(inParallel([], 4, async () => 1)).resolves.toEqual([]);
    await expect(inParallel([1, 2], 2, async (item) => Promise.reject(new Error(`no ${item}`)))).rejects.toThrow('no 1');
    const started: number[] = [];
    const run = inParallel([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item));
      if (item === 1) throw new Error('no 1');
      return item;
    });
    await expect(run).rejects.toThrow('no 1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([1, 2]);
  });
});
