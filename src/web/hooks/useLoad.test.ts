import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { useLoad } from './useLoad.js';

/** A promise and the functions that settle it, so a test decides which answer comes first. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('shows the answer to the newest dependencies even when an older answer arrives last', async () => {
    const answers = { a: deferred<string>(), b: deferred<string>() };
    const { result, rerender } = renderHook(({ id }: { id: 'a' | 'b' }) => useLoad(() => answers[id].promise, [id]), {
      initialProps: { id: 'a' },
    });
    expect(result.current.loading).toBe(true);
    rerender({ id: 'b' });
    await act(async () => answers.b.resolve('answer to b'));
    await act(async () => answers.a.resolve('answer to a'));
    expect(result.current.data).toBe('answer to b');
    expect(result.current.loading).toBe(false);
  });

  it('says loading, not the old data, in the render right after the dependencies change', async () => {
    const { result, rerender } = renderHook(({ id }: { id: string }) => useLoad(async () => `data of ${id}`, [id]), {
      initialProps: { id: 'a' },
    });
    await waitFor(() => expect(result.current.data).toBe('data of a'));
    rerender({ id: 'b' });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe('data of b'));
  });

  it('keeps an API error as it is and wraps anything else as an internal error', async () => {
    const notFound = new ApiError(404, 'not_found', 'Not found');
    const api = renderHook(() => useLoad(() => Promise.reject(notFound), []));
    await waitFor(() => expect(api.result.current.error).toBe(notFound));
    const other = renderHook(() => useLoad(() => Promise.reject(new TypeError('boom')), []));
    await waitFor(() => expect(other.result.current.error?.code).toBe('internal_error'));
    expect(other.result.current.data).toBeUndefined();
  });
});
