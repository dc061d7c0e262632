import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { outreachKeys } from '../../api/outreachEndpoints.js';
import { calendarKeys, personKeys, queueKeys } from '../../api/queryKeys.js';
import { useOutreachChanged } from './useOutreachChanged.js';

describe('useOutreachChanged', () => {
  it("marks the person's ladder, the person, the queue counts, outbox, letters and calendar as changed", async () => {
    const client = new QueryClient();
    const changedKeys = [
      personKeys.outreach('p1'),
      personKeys.detail('p1'),
      personKeys.events('p1'),
      queueKeys.summary('me'),
      outreachKeys.sms,
      outreachKeys.lettersDue,
      calendarKeys.meetings({ from: '2026-12-07' }),
    ];
    // The listing the next-step view steps through stays as it was listed.
    const listing = queueKeys.listing('not-contacted', { page: 1 });
    for (const key of [...changedKeys, listing, personKeys.outreach('p2')]) client.setQueryData(key, 'stored');
    const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
    const { result } = renderHook(() => useOutreachChanged(), { wrapper });
    await act(() => result.current('p1'));
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;
    expect(changedKeys.map(stale)).toEqual(changedKeys.map(() => true));
    expect(stale(listing)).toBe(false);
    expect(stale(personKeys.outreach('p2'))).toBe(false);
  });
});
