import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../core/errors.js';
import { DEFAULT_OUTREACH_SETTINGS, type OutreachSettings } from '../../core/outreach.js';
import { outreachSettingsBody } from '../../core/outreach-schemas.js';
import { ApiError } from '../api/client.js';
import { initI18n } from '../i18n/index.js';
import { useSettingsForm } from './useSettingsForm.js';

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return createElement(QueryClientProvider, { client }, children);
}

beforeAll(initI18n);

/** A settings endpoint kept in memory: what it holds, at which version, and what was sent to it. */
function endpoint(answer?: (body: { settings: OutreachSettings; version: number }) => Promise<unknown>) {
  const state = { settings: DEFAULT_OUTREACH_SETTINGS, version: 3, sent: [] as unknown[], loads: 0 };
  return {
    state,
    options: {
      queryKey: ['settings', 'test'],
      load: async () => {
        state.loads++;
        return { settings: state.settings, version: state.version };
      },
      schema: outreachSettingsBody,
      save: async (body: { settings: OutreachSettings; version: number }) => {
        state.sent.push(body);
        if (answer) return answer(body);
        state.settings = body.settings;
        state.version++;
      },
    },
  };
}

describe('useSettingsForm', () => {
  it('saves the edited draft with the version it read, says so, and reads the settings again', async () => {
    const api = endpoint();
    const { result } = renderHook(() => useSettingsForm(api.options), { wrapper });
    await waitFor(() => expect(result.current.values).toEqual(DEFAULT_OUTREACH_SETTINGS));
    act(() => result.current.set({ overdueDays: 21 }));
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.saved).toBe(true));
    expect(api.state.sent).toEqual([{ settings: { ...DEFAULT_OUTREACH_SETTINGS, overdueDays: 21 }, version: 3 }]);
    await waitFor(() => expect(api.state.loads).toBe(2));
    expect(result.current.values?.overdueDays).toBe(21);
  });

  it('names a field the core schema refuses (an emptied number) and sends nothing', async () => {
    const api = endpoint();
    const { result } = renderHook(() => useSettingsForm(api.options), { wrapper });
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.set({ overdueDays: Number.NaN }));
    act(() => result.current.submit());
    expect(api.state.sent).toEqual([]);
    expect(result.current.problem).toBe(ERRORS.validation_failed.sv);
    expect(Object.keys(result.current.errors)).toEqual(['settings.overdueDays']);
    expect(result.current.saved).toBe(false);
  });

  it('offers a reload after someone else saved first (409 version_conflict)', async () => {
    const api = endpoint(() => Promise.reject(new ApiError(409, 'version_conflict', '')));
    const { result } = renderHook(() => useSettingsForm(api.options), { wrapper });
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.conflict).toBe(true));
    expect(result.current.problem).toBe(ERRORS.version_conflict.sv);
    expect(result.current.saved).toBe(false);
  });
});
