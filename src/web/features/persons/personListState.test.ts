import { describe, expect, it } from 'vitest';
import { LIST_DEFAULTS, readListState, writeListState, type PersonListState } from './personListState.js';

const MINE: PersonListState = { ...LIST_DEFAULTS, contactPerson: 'me', status: 'open' };

describe('the person list state in the address', () => {
  it('reads back what it writes, leaving defaults out of the address', () => {
    const state: PersonListState = {
      q: 'ahmed',
      page: 3,
      sort: 'age',
      order: 'desc',
      contactPerson: 'none',
      status: 'active',
      register: 'in',
      teamId: '0190f1a2-1111-7222-8333-944455556666',
      under18: 'true',
      entryReason: 'dropped_out',
    };
    const params = writeListState(state);
    expect(readListState(params)).toEqual(state);
    expect(writeListState(LIST_DEFAULTS).toString()).toBe('');
  });

  it('falls back to the defaults for anything odd, and lets "all" undo a default status', () => {
    const odd = new URLSearchParams(
      'sort=age;drop&order=sideways&page=-2&contactPerson=everyone&status=finished' +
        '&team=nope&under18=maybe&entryReason=x',
    );
    expect(readListState(odd)).toEqual({
      ...LIST_DEFAULTS,
      status: undefined,
      register: undefined,
      teamId: undefined,
      under18: undefined,
      entryReason: undefined,
    });
    expect(readListState(new URLSearchParams(''), MINE).status).toBe('open');
    const all = writeListState({ ...MINE, status: undefined }, MINE);
    expect(all.get('status')).toBe('all');
    expect(readListState(all, MINE).status).toBeUndefined();
  });
});
