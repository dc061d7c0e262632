/**
 * The web app's one TanStack Query client. Query keys are per resource, e.g.
 * `['persons', personId, 'measures']`; after a change, invalidate the resource's key
 * (`queryClient.invalidateQueries({ queryKey: ['persons', personId] })`) instead of passing reload callbacks.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';

/**
 * Shared by the whole app; no retry on a client error (4xx), since asking again will not help. An answer is
 * stale at once: a page opened again asks anew (showing the cached answer meanwhile), since work on another
 * page (an assessment completed, a plan signed) changes what it shows without invalidating its key.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 0,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

/** A query's failure as the API problem to show (anything else as internal_error), or null while it has none. */
export function problemOf(error: unknown): ApiError | null {
  if (!error) return null;
  return error instanceof ApiError ? error : new ApiError(0, 'internal_error', String(error));
}

/**
 * Options of a query whose answer changes with work done elsewhere (lists, counts, figures): asked for
 * anew each time it is shown, and never shown from an earlier visit while that answer comes.
 */
export const freshOnOpen = { refetchOnMount: 'always', gcTime: 0 } as const;
