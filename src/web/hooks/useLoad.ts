/** Loads data from the API for a component, reloading when its dependencies change. */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api/client.js';

/** The state of one load: data when done, error when it failed, and a way to load again. */
export type Loaded<T> = { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => Promise<void> };

/** Runs `load` now and whenever `deps` change; a stale answer never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  // `deps` stand in for what `load` closes over, as with useEffect: `run` is the `load` of the render in which
  // they last changed (kept in state, React's way of remembering something from an earlier render).
  const [latest, setLatest] = useState({ load, deps });
  let run = latest.load;
  if (!sameDeps(latest.deps, deps)) {
    setLatest({ load, deps });
    run = load;
  }
  // Which `run` the shown data answers: when the deps have just changed, the render before the
  // effect starts the new load must already say "loading", or it shows old data as the new answer.
  const [settledFor, setSettledFor] = useState<typeof run | null>(null);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const result = await run();
      if (mine !== generation.current) return;
      setData(result);
      setError(null);
      setSettledFor(() => run);
    } catch (err) {
      if (mine !== generation.current) return;
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal_error', String(err)));
      setSettledFor(() => run);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading: loading || settledFor !== run, reload };
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
