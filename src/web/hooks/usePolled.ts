/** A TanStack query asked again at an interval while its answer is still changing (e.g. a running import). */
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { POLL_INTERVAL_MS } from '../components/constants.js';

/**
 * `useQuery` of `queryKey`, asked again every `intervalMs` for as long as `again(data)` is true.
 * Polling stops on an error; a refetch that succeeds starts it again.
 */
export function usePolled<T>(options: {
  queryKey: QueryKey;
  queryFn: () => Promise<T>;
  again: (data: T) => boolean;
  intervalMs?: number;
}) {
  const { queryKey, queryFn, again, intervalMs = POLL_INTERVAL_MS } = options;
  return useQuery({
    queryKey,
    queryFn,
    // As often when the tab is in the background: the import goes on regardless.
    refetchIntervalInBackground: true,
    refetchInterval: (query) => {
      const { data, status } = query.state;
      return data !== undefined && status !== 'error' && again(data) ? intervalMs : false;
    },
  });
}
