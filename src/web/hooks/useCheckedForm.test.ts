import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, FIELD_MESSAGES } from '../../core/errors.js';
import { ApiError } from '../api/client.js';
import { initI18n } from '../i18n/index.js';
import { useCheckedForm } from './useCheckedForm.js';

const wrapper = ({ children }: { children: ReactNode }) =>
  createElement(
    QueryClientProvider,
    { client: new QueryClient({ defaultOptions: { mutations: { retry: false } } }) },
    children,
  );

beforeAll(initI18n);

const start = { fieldId: (field: string) => `f-${field}`, initial: { startsOn: '2026-12-07', offerId: '' } };

describe('useCheckedForm', () => {
  it('shows the checks by their fields and sends nothing while there are any', () => {
    const sent: unknown[] = [];
    const { result } = renderHook(() => useCheckedForm({ ...start, send: async (body: string) => sent.push(body) }), {
      wrapper,
    });
    act(() => result.current.submit({ startsOn: { key: 'fieldErrors.required' } }, () => 'body'));
    expect(sent).toEqual([]);
    expect(result.current.errors).toEqual({ startsOn: FIELD_MESSAGES.required.sv });
    expect(result.current.problem).toBeUndefined();
    expect(result.current.attempt).toBe(1);
  });

  it('sends the body once the checks pass, clears the earlier ones and calls onSuccess', async () => {
    const sent: unknown[] = [];
    let done = 0;
    const { result } = renderHook(
      () => useCheckedForm({ ...start, send: async (body: string) => sent.push(body), onSuccess: () => done++ }),
      { wrapper },
    );
    act(() => result.current.submit({ startsOn: { key: 'fieldErrors.required' } }, () => 'first'));
    act(() => result.current.submit({}, () => 'second'));
    await waitFor(() => expect(done).toBe(1));
    expect(sent).toEqual(['second']);
    expect(result.current.errors).toEqual({});
    expect(result.current.attempt).toBe(2);
  });

  it('shows the server’s problem and its field errors the same way', async () => {
    const stale = new ApiError(409, 'version_conflict', '', [{ field: 'offerId', code: 'invalid', message: '' }]);
    const { result } = renderHook(() => useCheckedForm({ ...start, send: () => Promise.reject(stale) }), { wrapper });
    act(() => result.current.submit({}, () => 'body'));
    await waitFor(() => expect(result.current.problem).toBe(ERRORS.version_conflict.sv));
    expect(result.current.errors).toEqual({ offerId: ERRORS.version_conflict.sv });
    expect(result.current.busy).toBe(false);
  });

  it('binds a field to its id, value, change and error', () => {
    const { result } = renderHook(() => useCheckedForm({ ...start, send: async () => undefined }), { wrapper });
    expect(result.current.bind('startsOn')).toMatchObject({ id: 'f-startsOn', value: '2026-12-07', error: undefined });
    act(() => result.current.bind('startsOn').onChange('2026-12-08'));
    act(() => result.current.set({ offerId: 'o1' }));
    expect(result.current.values).toEqual({ startsOn: '2026-12-08', offerId: 'o1' });
    act(() => result.current.submit({ startsOn: { key: 'fieldErrors.required' } }, () => undefined));
    expect(result.current.bind('startsOn').error).toBe(FIELD_MESSAGES.required.sv);
  });
});
