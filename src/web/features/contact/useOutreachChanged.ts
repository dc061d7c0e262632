/** After a contact attempt, a text message, a letter or a booking: what it may have changed is asked for again. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { outreachKeys } from '../../api/outreachEndpoints.js';
import { calendarKeys, personKeys, queueKeys } from '../../api/queryKeys.js';
import { usePersonChanged } from '../persons/usePersonChanged.js';

/**
 * A function that refreshes, after outreach to person `personId`, their contact ladder, the person and
 * timeline, and the counts of the queues, the outbox, the letters due and the calendar.
 */
export function useOutreachChanged(): (personId: string) => Promise<void> {
  const queryClient = useQueryClient();
  const personChanged = usePersonChanged();
  return useCallback(
    async (personId: string) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: personKeys.outreach(personId) }),
        personChanged(personId),
        // The counts per queue, not a queue's listing: the next-step view steps through the rows it was given.
        queryClient.invalidateQueries({ queryKey: queueKeys.summaries }),
        queryClient.invalidateQueries({ queryKey: outreachKeys.sms }),
        queryClient.invalidateQueries({ queryKey: outreachKeys.lettersDue }),
        queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
      ]);
    },
    [queryClient, personChanged],
  );
}
