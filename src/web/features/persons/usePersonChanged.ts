/** After a change to a person: the person and their timeline are asked for again, and the person list goes stale. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { personKeys } from '../../api/queryKeys.js';

/**
 * A function that refreshes what a change to person `personId` may have changed on the person page: the
 * person (access, case, details) and the timeline. Other lists of persons are fetched again when next shown.
 */
export function usePersonChanged(): (personId: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (personId: string) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: personKeys.detail(personId), exact: true }),
        queryClient.invalidateQueries({ queryKey: personKeys.events(personId) }),
        queryClient.invalidateQueries({ queryKey: [...personKeys.all, 'list'] }),
      ]);
    },
    [queryClient],
  );
}
