import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, FIELD_MESSAGES } from '../../core/errors.js';
import { unitCreateBody } from '../../core/unit-schemas.js';
import { ApiError } from '../api/client.js';
import { initI18n } from '../i18n/index.js';
import { useSchemaForm } from './useSchemaForm.js';

function wrapper({ children }: { children: ReactNode }) {
  return createElement(
    QueryClientProvider,
    { client: new QueryClient({ defaultOptions: { mutations: { retry: false } } }) },
    children,
  );
}

beforeAll(initI18n);

describe('useSchemaForm', () => {
  it('names a field the core schema refuses without sending anything', async () => {
    const sent: unknown[] = [];
    const { result } = renderHook(() => useSchemaForm(unitCreateBody, async (body) => sent.push(body)), { wrapper });
    act(() => result.current.submit({ name: '   ', kind: 'municipal', kaa: false }));
    expect(sent).toEqual([]);
    // The same words the server's 400 for this field gives, in the interface's language (Swedish first).
    expect(result.current.errors).toEqual({ name: FIELD_MESSAGES.required.sv });
    expect(result.current.problem).toBe(ERRORS.validation_failed.sv);
    expect(result.current.attempt).toBe(1);
  });

  it('sends what the schema parsed (trimmed, defaults filled in) and clears the earlier refusal', async () => {
    const sent: unknown[] = [];
    const { result } = renderHook(() => useSchemaForm(unitCreateBody, async (body) => sent.push(body)), { wrapper });
    act(() => result.current.submit({ name: '', kind: 'municipal' }));
    act(() => result.current.submit({ name: '  Ungdomsenheten ', kind: 'municipal' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'Ungdomsenheten', kind: 'municipal', kaa: false }]));
    expect(result.current.errors).toEqual({});
    expect(result.current.problem).toBeUndefined();
  });

  it('shows the server’s problem and its field errors the same way', async () => {
    const taken = new ApiError(409, 'version_conflict', '', [{ field: 'name', code: 'invalid', message: '' }]);
    const { result } = renderHook(() => useSchemaForm(unitCreateBody, () => Promise.reject(taken)), { wrapper });
    act(() => result.current.submit({ name: 'Ungdomsenheten', kind: 'municipal' }));
    await waitFor(() => expect(result.current.problem).toBe(ERRORS.version_conflict.sv));
    expect(result.current.errors).toEqual({ name: ERRORS.version_conflict.sv });
    expect(result.current.busy).toBe(false);
  });
});
