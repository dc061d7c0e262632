import { describe, expect, it } from 'vitest';
import { queueListingFrom, queueListingSearch } from './queueListing.js';

describe('A queue listing in the address', () => {
  it('falls back to the defaults for what is missing or unknown', () => {
    expect(queueListingFrom(new URLSearchParams('sort=shoe-size&page=-3'))).toEqual({
      contactPerson: '',
      sort: 'due',
      order: 'asc',
      page: 1,
    });
  });

  it('comes back the same from its address parameters, which leave the defaults out', () => {
    const listing = queueListingFrom(new URLSearchParams('contactPerson=me&order=desc&page=2'));
    expect(queueListingSearch(listing).toString()).toBe('contactPerson=me&order=desc&page=2');
    expect(queueListingFrom(queueListingSearch(listing))).toEqual(listing);
  });
});
