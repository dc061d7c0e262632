import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { OutboxTable, type OutboxColumn } from './OutboxTable.js';

beforeAll(initI18n);
afterEach(cleanup);

type Mail = {
  id: string;
  createdAt: string;
  personId: string;
  person: { givenName: string; familyName: string } | null;
  subject: string;
};
const texts = { caption: 'Utkorg', empty: 'Inget här.', createdAt: 'Skapat', person: 'Person' };
const columns: OutboxColumn<Mail>[] = [{ header: 'Ämne', cell: (m) => m.subject, nowrap: true }];

function show(messages: Mail[] | undefined, failed = false) {
  return render(
    createElement(MemoryRouter, null, createElement(OutboxTable<Mail>, { messages, failed, texts, columns })),
  );
}

describe('the outbox table', () => {
  it('says it is loading until the messages come, and nothing when loading failed', () => {
    show(undefined);
    expect(screen.getByRole('status')).toBeTruthy();
    cleanup();
    const { container } = show(undefined, true);
    expect(container.textContent).toBe('');
  });

  it('says the outbox is empty', () => {
    show([]);
    expect(screen.getByText('Inget här.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a row a message: when, the person as a link, then the outbox’s own columns', () => {
    show([
      {
        id: 'a',
        createdAt: '2026-12-07T09:00:00Z',
        personId: 'p1',
        person: { givenName: 'Ada', familyName: 'Ek' },
        subject: 'Kod',
      },
      { id: 'b', createdAt: '2026-12-07T10:00:00Z', personId: 'p2', person: null, subject: 'Dold' },
    ]);
    const table = screen.getByRole('table', { name: 'Utkorg' });
    expect(screen.getByRole('region', { name: 'Utkorg' }).contains(table)).toBe(true);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Skapat', 'Person', 'Ämne']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('/persons/p1');
    expect(within(rows[0]!).getByRole('rowheader').textContent).toContain('Ada');
    expect(within(rows[1]!).queryByRole('link')).toBeNull();
    expect(within(rows[1]!).getAllByRole('cell').at(-1)!.textContent).toBe('Dold');
  });
});
