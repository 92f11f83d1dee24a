import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Resource<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

/** Loads `load()` now and whenever `deps` change; `reload` loads again. Answers of stale loads are dropped. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const generation = useRef(0);
  const run = useCallback(() => {
    const current = ++generation.current;
    setResource((previous) => (previous.state === 'ready' ? previous : { state: 'loading' }));
    load().then(
      (data) => current === generation.current && setResource({ state: 'ready', data }),
      (error: unknown) => current === generation.current && setResource({ state: 'failed', error }),
    );
    // `deps` are the caller's: they decide when `load` is a new one.
  }, deps);
  useEffect(run, [run]);
  return [resource, run];
}
