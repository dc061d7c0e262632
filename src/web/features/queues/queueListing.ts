/**
 * One listing of a queue (contact person, sort, order and page, as in the queue page's address),
 * fetched through TanStack Query, so the next-step view steps through the very rows the queue page
 * showed without listing (and auditing) the queue again for every person.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueueKey } from '../../../core/outreach.js';
import { QUEUE_SORTS, type QueueSort } from '../../../core/outreach-schemas.js';
import { outreachApi, queuesApi } from '../../api/outreachEndpoints.js';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { queueKeys, settingsKeys } from '../../api/queryKeys.js';

/** Rows per page of a queue. */
export const QUEUE_PAGE_SIZE = 50;

/** What the queue page lists: whose persons, in what order, which page. */
export type QueueListing = { contactPerson: string; sort: QueueSort; order: 'asc' | 'desc'; page: number };

/** The listing an address asks for (`?contactPerson=&sort=&order=&page=`), with defaults for what it leaves out. */
export function queueListingFrom(params: URLSearchParams): QueueListing {
  const sort = params.get('sort') as QueueSort | null;
  return {
    contactPerson: params.get('contactPerson') ?? '',
    sort: sort && QUEUE_SORTS.includes(sort) ? sort : 'due',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

/** The address parameters of a listing, leaving out the defaults. */
export function queueListingSearch(listing: QueueListing): URLSearchParams {
  const search = new URLSearchParams();
  if (listing.contactPerson) search.set('contactPerson', listing.contactPerson);
  if (listing.sort !== 'due') search.set('sort', listing.sort);
  if (listing.order !== 'asc') search.set('order', listing.order);
  if (listing.page > 1) search.set('page', String(listing.page));
  return search;
}

/**
 * The rows of `listing` of queue `key` (nothing is asked while `key` is null). The queue page asks
 * anew each time it opens (`fresh`); the next-step view keeps to the rows already listed.
 */
export function useQueueListing(key: QueueKey | null, listing: QueueListing, fresh: boolean) {
  const query = useQuery({
    queryKey: queueKeys.listing(key, listing),
    queryFn: () =>
      queuesApi.items(key!, {
        ...listing,
        contactPerson: listing.contactPerson || undefined,
        pageSize: QUEUE_PAGE_SIZE,
      }),
    enabled: key !== null,
    placeholderData: keepPreviousData,
    ...(fresh ? { refetchOnMount: 'always' as const } : { staleTime: Infinity }),
  });
  return { ...query, problem: problemOf(query.error) };
}

/**
 * The count of every queue, of `contactPerson`'s persons ('' for everyone's, 'me' for the reader's own),
 * asked for anew each time it is shown; while another contact person's counts load, the last ones stay.
 */
export function useQueueSummaries(contactPerson: string) {
  return useQuery({
    queryKey: queueKeys.summary(contactPerson),
    queryFn: () => queuesApi.list(contactPerson || undefined),
    placeholderData: keepPreviousData,
    ...freshOnOpen,
  });
}

/** The municipality's outreach settings (days before a contact is overdue, notice of a home visit). */
export function useOutreachSettings() {
  return useQuery({ queryKey: settingsKeys.outreach, queryFn: () => outreachApi.settings() });
}
