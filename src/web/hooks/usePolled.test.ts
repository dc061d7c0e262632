import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { usePolled } from './usePolled.js';

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return createElement(QueryClientProvider, { client }, children);
}

/** A job whose answers are given in turn: the last one is repeated. */
function answers<T>(...list: (T | Error)[]) {
  let calls = 0;
  const next = async () => {
    const answer = list[Math.min(calls, list.length - 1)]!;
    calls += 1;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { next, calls: () => calls };
}

const running = (s: string) => s === 'running';

describe('usePolled', () => {
  it('asks again while the answer is still changing, and stops once it is settled', async () => {
    const job = answers('running', 'running', 'done');
    const { result } = renderHook(
      () => usePolled({ queryKey: ['job', 'a'], queryFn: job.next, again: running, intervalMs: 10 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBe('done'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(job.calls()).toBe(3);
  });

  it('stops on an error, and a refetch that succeeds starts it again', async () => {
    const job = answers<string>('running', new ApiError(500, 'internal_error', 'boom'), 'running', 'done');
    const { result } = renderHook(
      () => usePolled({ queryKey: ['job', 'b'], queryFn: job.next, again: running, intervalMs: 10 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ApiError));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(job.calls()).toBe(2);
    await act(async () => void (await result.current.refetch()));
    await waitFor(() => expect(result.current.data).toBe('done'));
    expect(job.calls()).toBe(4);
  });

  it('does not ask again when the first answer is already settled', async () => {
    const job = answers('done');
    const { result } = renderHook(
      () => usePolled({ queryKey: ['job', 'c'], queryFn: job.next, again: running, intervalMs: 10 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBe('done'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(job.calls()).toBe(1);
  });
});
