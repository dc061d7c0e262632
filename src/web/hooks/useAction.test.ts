import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { useAction } from './useAction.js';

describe('useAction', () => {
  it('is busy while the work runs and resolves true when it succeeds', async () => {
    const { result } = renderHook(() => useAction());
    let finish!: () => void;
    let outcome: Promise<boolean>;
    act(() => {
      outcome = result.current.run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.busy).toBe(true);
    await act(async () => finish());
    expect(await outcome!).toBe(true);
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('keeps the API’s problem as the message and resolves false when the work fails', async () => {
    const { result } = renderHook(() => useAction());
    const conflict = new ApiError(409, 'version_conflict', 'Someone else changed this');
    let ok = true;
    await act(async () => {
      ok = await result.current.run(() => Promise.reject(conflict));
    });
    expect(ok).toBe(false);
    expect(result.current.error).toBe(conflict);
    await act(async () => {
      ok = await result.current.run(() => Promise.reject(new Error('network down')));
    });
    expect(result.current.error).toMatchObject({ code: 'internal_error' });
  });
});
