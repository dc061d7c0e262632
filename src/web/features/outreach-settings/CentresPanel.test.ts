import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERRORS, FIELD_MESSAGES } from '../../../core/errors.js';
import { initI18n } from '../../i18n/index.js';
import { CentresPanel } from './CentresPanel.js';

const api = vi.hoisted(() => ({ centres: [] as { id: string; name: string }[], added: [] as string[] }));
vi.mock('../../api/outreachEndpoints.js', () => ({
  calendarApi: {
    centres: async () => api.centres,
    addCentre: async (name: string) => {
      api.added.push(name);
      const centre = { id: `c${api.added.length}`, name };
      api.centres = [...api.centres, centre];
      return centre;
    },
  },
}));

beforeAll(initI18n);
beforeEach(() => {
  api.centres = [];
  api.added = [];
});
afterEach(cleanup);

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(createElement(QueryClientProvider, { client }, createElement(CentresPanel)));
}

describe('the centres panel', () => {
  it('names the missing name with the server’s words and sends nothing', async () => {
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(ERRORS.validation_failed.sv));
    expect(document.getElementById('centre-name-error')?.textContent).toContain(FIELD_MESSAGES.required.sv);
    expect(api.added).toEqual([]);
  });

  it('adds a centre by its trimmed name, clears the field and lists it', async () => {
    renderPanel();
    fireEvent.change(await screen.findByLabelText(/Namn/), { target: { value: '  Träffpunkten ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toBe('Träffpunkten'));
    expect(api.added).toEqual(['Träffpunkten']);
    expect((screen.getByLabelText(/Namn/) as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('status').textContent).toBeTruthy();
  });
});
