/** Loads data like useLoad, and loads it again at an interval while it is still changing (e.g. a running import). */
import { useEffect, type DependencyList } from 'react';
import { POLL_INTERVAL_MS } from '../components/constants.js';
import { useLoad, type Loaded } from './useLoad.js';

/**
 * Runs `load` now and whenever `deps` change, then again every `intervalMs` for as long as
 * `again(data)` is true. Polling stops on an error; `reload` starts it again.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  again: (data: T) => boolean,
  intervalMs = POLL_INTERVAL_MS,
): Loaded<T> {
  const loaded = useLoad(load, deps);
  const { data, error, loading, reload } = loaded;
  const keepGoing = data !== undefined && !error && again(data);
  useEffect(() => {
    if (!keepGoing || loading) return;
    const timer = setTimeout(() => void reload(), intervalMs);
    return () => clearTimeout(timer);
  }, [data, keepGoing, loading, reload, intervalMs]);
  return loaded;
}
