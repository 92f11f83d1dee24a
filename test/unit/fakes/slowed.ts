/**
 * `run` made slow (each call waits `ms` first) and watched: how many calls started and settled,
 * and the most at once. `fail` may turn the n-th call (1-based) into a failure.
 */
export function slowed<A extends unknown[], R>(run: (...args: A) => Promise<R>, ms: number, fail?: (call: number) => Error | undefined) {
  const seen = { started: 0, settled: 0, most: 0 };
  let inFlight = 0;
  const call = async (...args: A): Promise<R> => {
    seen.started += 1;
    const number = seen.started;
    inFlight += 1;
    seen.most = Math.max(seen.most, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const failure = fail?.(number);
      if (failure) throw failure;
      return await run(...args);
    } finally {
      inFlight -= 1;
      seen.settled += 1;
    }
  };
  return { call, seen };
}
