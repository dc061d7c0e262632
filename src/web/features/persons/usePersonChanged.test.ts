import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { personKeys } from '../../api/queryKeys.js';
import { usePersonChanged } from './usePersonChanged.js';

/** A client holding an answer under each key, and the hook rendered against it. */
function setUp(keys: readonly (readonly unknown[])[]) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, 'stored');
  const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
  const { result } = renderHook(() => usePersonChanged(), { wrapper });
  const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;
  return { changed: result.current, stale };
}

describe('usePersonChanged', () => {
  it('marks the person, their timeline and the person lists as changed', async () => {
    const list = personKeys.list({ q: 'Ebba' });
    const { changed, stale } = setUp([personKeys.detail('p1'), personKeys.events('p1'), list]);
    await act(() => changed('p1'));
    expect(stale(personKeys.detail('p1'))).toBe(true);
    expect(stale(personKeys.events('p1'))).toBe(true);
    expect(stale(list)).toBe(true);
  });

  it("leaves the person's other panels and other persons alone", async () => {
    const keys = [personKeys.consents('p1'), personKeys.outreach('p1'), personKeys.detail('p2')];
    const { changed, stale } = setUp(keys);
    await act(() => changed('p1'));
    expect(keys.map(stale)).toEqual([false, false, false]);
  });
});
